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

# docs_check: no file names a path outside the repository, and the Markdown
# pages' relative links resolve (tests/install/docs_check.py).
if(EXISTS /usr/bin/python3)
  add_test(NAME docs_check
           COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/install/docs_check.py ${PROJECT_SOURCE_DIR})
endif()

# install_user: copies the sources, builds and installs them into a scratch
# prefix, deletes the sources and the build, then runs the installed tool, the
# installed Python package and the README's C example built with pkg-config,
# with a clean environment; then once more from a moved prefix
# (tests/install/user_install.sh; README, "Install"). It builds its own plain
# copy, so instrumented builds (sanitizers, coverage) leave it out.
find_program(PAROER_INSTALL_BASH bash)
if(PAROER_INSTALL_BASH AND NOT PAROER_SANITIZER AND NOT PAROER_COVERAGE)
  add_test(NAME install_user
           COMMAND ${PAROER_INSTALL_BASH} ${CMAKE_CURRENT_SOURCE_DIR}/install/user_install.sh
                   ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/install_user ${CMAKE_C_COMPILER}
                   ${CMAKE_COMMAND})
  set_tests_properties(install_user PROPERTIES TIMEOUT 600 LABELS "install")
endif()
