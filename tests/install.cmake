# Install and data-directory tests (docs/install.md). Included by tests/CMakeLists.txt.
#   data_dir      where a copy of the shared library finds its data
#                 (tests/install/data_dir_test.py)
if(EXISTS /usr/bin/python3)
  set(_paroer_install_env "")
  # An ASan-instrumented libparoer loaded into an uninstrumented python3 needs
  # the ASan runtime preloaded (as bindings/python/CMakeLists.txt does).
  if(PAROER_SANITIZER MATCHES "address")
    execute_process(COMMAND ${CMAKE_C_COMPILER} -print-file-name=libasan.so
                    OUTPUT_VARIABLE _paroer_install_asan OUTPUT_STRIP_TRAILING_WHITESPACE)
    list(APPEND _paroer_install_env "LD_PRELOAD=${_paroer_install_asan}" "ASAN_OPTIONS=detect_leaks=0")
  endif()
  add_test(NAME data_dir
           COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/install/data_dir_test.py
                   --lib $<TARGET_FILE:paroer> --source ${PROJECT_SOURCE_DIR})
  set_tests_properties(data_dir PROPERTIES ENVIRONMENT "${_paroer_install_env}" TIMEOUT 120)
endif()
