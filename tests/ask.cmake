# `paroer ask` piped and in tmux (tests/ask/ask_test.py).
if(TARGET paroer-cli AND EXISTS /usr/bin/python3)
  add_test(NAME cli_ask COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/ask/ask_test.py
                               --paroer $<TARGET_FILE:paroer-cli> --source ${PROJECT_SOURCE_DIR})
endif()
