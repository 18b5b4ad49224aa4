# check_synth: paroer-synth's determinism, vocabulary and calibration (tests/check_synth.py).
# Registered only when the examples (and so the paroer-synth target) are built.
if(TARGET paroer-synth)
  if(EXISTS /usr/bin/python3)
    set(PAROER_SYNTH_PYTHON /usr/bin/python3)
  else()
    find_package(Python3 COMPONENTS Interpreter)
    set(PAROER_SYNTH_PYTHON ${Python3_EXECUTABLE})
  endif()
  if(PAROER_SYNTH_PYTHON)
    add_test(NAME check_synth
             COMMAND ${PAROER_SYNTH_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/check_synth.py
                     --synth $<TARGET_FILE:paroer-synth>)
  endif()
endif()
