# Packaging checks (included by tests/CMakeLists.txt like every tests/*.cmake):
#   abi_exports        SONAME libparoer.so.<ABI>, only paroer_* exported, every
#                      PAROER_API declaration exported (scripts/check-exports.sh)
#   headers_compile    each public header alone as C89/C11/C++98/C++17, and a C++
#                      program linking the library (scripts/check-headers.sh)
#   install_consumers  cmake --install into a scratch prefix, then a pkg-config
#                      and a find_package(paroer) consumer (tests/consumer/run.sh)
#   docs_doxygen       Doxygen over the public headers, warnings are errors
#                      (docs/Doxyfile.in), when Doxygen is installed
find_program(PAROER_BASH bash)
find_program(PAROER_CXX NAMES c++ g++ clang++)

# Instrumented builds need the same flags in anything linking the library.
set(PAROER_CONSUMER_FLAGS "")
if(PAROER_SANITIZER)
  string(APPEND PAROER_CONSUMER_FLAGS " -fsanitize=${PAROER_SANITIZER}")
endif()
if(PAROER_COVERAGE)
  string(APPEND PAROER_CONSUMER_FLAGS " --coverage")
endif()
string(STRIP "${PAROER_CONSUMER_FLAGS}" PAROER_CONSUMER_FLAGS)

add_test(NAME abi_exports
         COMMAND ${PAROER_BASH} ${PROJECT_SOURCE_DIR}/scripts/check-exports.sh
                 $<TARGET_FILE:paroer> $<TARGET_FILE:paroer_static> ${PAROER_ABI_VERSION}
                 ${PROJECT_SOURCE_DIR}/include/paroer)

if(PAROER_CXX)
  add_test(NAME headers_compile
           COMMAND ${PAROER_BASH} ${PROJECT_SOURCE_DIR}/scripts/check-headers.sh
                   ${CMAKE_C_COMPILER} ${PAROER_CXX} ${PROJECT_SOURCE_DIR}/include
                   ${PROJECT_BINARY_DIR}/include $<TARGET_FILE_DIR:paroer> "${PAROER_CONSUMER_FLAGS}")
endif()

add_test(NAME install_consumers
         COMMAND ${PAROER_BASH} ${CMAKE_CURRENT_SOURCE_DIR}/consumer/run.sh
                 ${PROJECT_BINARY_DIR} ${CMAKE_CURRENT_BINARY_DIR}/install_consumers
                 ${CMAKE_C_COMPILER} "${PAROER_CONSUMER_FLAGS}")
# It installs the whole build (CLI, binding, ...): give it time on a slow machine.
set_tests_properties(install_consumers PROPERTIES TIMEOUT 300)

if(PAROER_BUILD_DOCS)
  find_package(Doxygen QUIET)
  if(DOXYGEN_FOUND)
    # docs/CMakeLists.txt writes this Doxyfile (the `docs` target runs the same).
    add_test(NAME docs_doxygen COMMAND ${DOXYGEN_EXECUTABLE} ${PROJECT_BINARY_DIR}/docs/Doxyfile
             WORKING_DIRECTORY ${PROJECT_BINARY_DIR}/docs)
  endif()
endif()

# readme_example: the C example in README.md, compiled with -Werror against the
# shared library and run from the source tree (so README and API cannot drift).
file(READ ${PROJECT_SOURCE_DIR}/README.md PAROER_README)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/README.md)
string(FIND "${PAROER_README}" "```c\n" PAROER_README_START)
if(PAROER_README_START GREATER -1)
  math(EXPR PAROER_README_START "${PAROER_README_START} + 5")
  string(SUBSTRING "${PAROER_README}" ${PAROER_README_START} -1 PAROER_README_REST)
  string(FIND "${PAROER_README_REST}" "```" PAROER_README_END)
  string(SUBSTRING "${PAROER_README_REST}" 0 ${PAROER_README_END} PAROER_README_CODE)
  file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/readme_example.c.tmp "${PAROER_README_CODE}")
  configure_file(${CMAKE_CURRENT_BINARY_DIR}/readme_example.c.tmp
                 ${CMAKE_CURRENT_BINARY_DIR}/readme_example.c COPYONLY)
  add_executable(readme_example ${CMAKE_CURRENT_BINARY_DIR}/readme_example.c)
  target_link_libraries(readme_example PRIVATE paroer)
  # It must succeed and print at least one ranked offer ("score  name").
  add_test(NAME readme_example
           COMMAND ${PAROER_BASH} -c [[out=$("$0") || exit 1; printf '%s\n' "$out"; grep -qE '^ *-?[0-9]+  .' <<<"$out"]]
                   $<TARGET_FILE:readme_example>
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endif()
