# Tests of `paroer overview` (examples/cli/overview.c, contract section 6a).
# Included by tests/CMakeLists.txt; registered only when the CLI is built.
if(TARGET paroer-cli AND EXISTS /usr/bin/python3)
  add_test(NAME cli_overview
           COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/overview/cli_overview.py
                   --paroer $<TARGET_FILE:paroer-cli> --source ${PROJECT_SOURCE_DIR})
endif()
# The page rendered by headless Chromium: skipped (77) when it is not installed.
if(TARGET paroer-cli AND EXISTS /usr/bin/python3)
  add_test(NAME overview_browser
           COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/overview/check_page.py
                   --paroer $<TARGET_FILE:paroer-cli> --source ${PROJECT_SOURCE_DIR})
  set_tests_properties(overview_browser PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
endif()
