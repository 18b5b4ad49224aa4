# Corpus replay under ctest (any compiler): each fuzz target is linked with a
# plain main() (replay_main.c) that runs every file of its seed corpus once,
# so the gcc, sanitizer and valgrind builds exercise the same inputs as
# libFuzzer does. Included from tests/CMakeLists.txt through tests/fuzz.cmake.
include(${CMAKE_CURRENT_LIST_DIR}/targets.cmake)
foreach(t ${PAROER_FUZZ_TARGETS})
  add_executable(${t}_replay ${CMAKE_CURRENT_LIST_DIR}/${t}.c ${CMAKE_CURRENT_LIST_DIR}/replay_main.c)
  target_link_libraries(${t}_replay PRIVATE paroer_static PkgConfig::JANSSON m)
  target_include_directories(${t}_replay PRIVATE ${PROJECT_SOURCE_DIR}/lib ${CMAKE_CURRENT_LIST_DIR})
  add_test(NAME ${t}_replay COMMAND ${t}_replay ${CMAKE_CURRENT_LIST_DIR}/corpus/${t})
endforeach()

# test_null_api: every exported function called with NULL handles, generated
# from the public headers at build time (gen_null_api.py), so new functions
# are covered without editing a test.
if(EXISTS /usr/bin/python3)
  set(PAROER_GEN_PYTHON /usr/bin/python3)
else()
  find_package(Python3 COMPONENTS Interpreter)
  set(PAROER_GEN_PYTHON ${Python3_EXECUTABLE})
endif()
if(PAROER_GEN_PYTHON)
  file(GLOB PAROER_NULL_API_HEADERS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/include/paroer/*.h)
  add_custom_command(
    OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/test_null_api.c
    COMMAND ${PAROER_GEN_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/gen_null_api.py ${PROJECT_SOURCE_DIR}/include
            ${CMAKE_CURRENT_BINARY_DIR}/test_null_api.c
    DEPENDS ${CMAKE_CURRENT_LIST_DIR}/gen_null_api.py ${PAROER_NULL_API_HEADERS}
    COMMENT "Generating test_null_api.c from the public headers")
  add_executable(test_null_api ${CMAKE_CURRENT_BINARY_DIR}/test_null_api.c)
  target_link_libraries(test_null_api PRIVATE paroer_static PkgConfig::CMOCKA PkgConfig::JANSSON m)
  add_test(NAME test_null_api COMMAND test_null_api)
  # The statutory catalog is found through PAROER_DATADIR when the library is not installed.
  set_tests_properties(test_null_api PROPERTIES ENVIRONMENT "PAROER_DATADIR=${PROJECT_SOURCE_DIR}/data")
endif()
