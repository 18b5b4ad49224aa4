# Tests of `paroer overview` (examples/cli/overview.c, contract section 6a).
# Included by tests/CMakeLists.txt; registered only when the CLI is built.
if(TARGET paroer-cli AND EXISTS /usr/bin/python3)
  add_test(NAME cli_overview
           COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/overview/cli_overview.py
                   --paroer $<TARGET_FILE:paroer-cli> --source ${PROJECT_SOURCE_DIR})
endif()
