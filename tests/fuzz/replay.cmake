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
