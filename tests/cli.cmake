# Tests of the command-line tool `paroer` (examples/cli/, contract section 6)
# and of its HTML report in a headless browser. Included by tests/CMakeLists.txt;
# registered only when the examples (and so the paroer-cli target) are built.
if(TARGET paroer-cli)
  if(EXISTS /usr/bin/python3)
    set(PAROER_CLI_PYTHON /usr/bin/python3)
  else()
    find_package(Python3 COMPONENTS Interpreter)
    set(PAROER_CLI_PYTHON ${Python3_EXECUTABLE})
  endif()
  if(PAROER_CLI_PYTHON)
    foreach(group usage codes validate_good validate_bad match coverage report privacy hardening)
      add_test(NAME cli_${group}
               COMMAND ${PAROER_CLI_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/cli/cli_test.py
                       --paroer $<TARGET_FILE:paroer-cli> --source ${PROJECT_SOURCE_DIR} ${group})
    endforeach()
    # The report rendered by headless Chromium: skipped (77) when it is not installed.
    set(PAROER_REPORT_SYNTH "")
    if(TARGET paroer-synth)
      set(PAROER_REPORT_SYNTH --synth $<TARGET_FILE:paroer-synth>)
    endif()
    # The same page from Python (Coverage.to_html()), byte for byte; not under
    # ASan, whose runtime an uninstrumented python3 cannot load.
    set(PAROER_REPORT_PYLIB "")
    if(NOT PAROER_SANITIZER MATCHES "address")
      set(PAROER_REPORT_PYLIB --library $<TARGET_FILE:paroer>)
    endif()
    add_test(NAME report_browser
             COMMAND ${PAROER_CLI_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/report/check_report.py
                     --paroer $<TARGET_FILE:paroer-cli> --source ${PROJECT_SOURCE_DIR} ${PAROER_REPORT_SYNTH}
                     ${PAROER_REPORT_PYLIB})
    set_tests_properties(report_browser PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
  endif()
endif()
