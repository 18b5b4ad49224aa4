# Fuzz corpus replay tests (owned by the reliability area; see tests/fuzz/).
include(${CMAKE_CURRENT_LIST_DIR}/fuzz/replay.cmake)
