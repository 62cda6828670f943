# The test seam must not exist in the shipped plugin: its variable's name is
# nowhere in the binary. The weakened test plugin, which has the seam, is the
# control that shows the search would find it.
file(STRINGS "${WEAKENED}" in_weakened REGEX "HAKO_TEST_WEAKEN")
file(STRINGS "${SHIPPED}" in_shipped REGEX "HAKO_TEST_WEAKEN")
if(NOT in_weakened)
    message(FATAL_ERROR "control failed: HAKO_TEST_WEAKEN not found in ${WEAKENED}")
endif()
if(in_shipped)
    message(FATAL_ERROR "the shipped plugin ${SHIPPED} contains the test seam: ${in_shipped}")
endif()
message(STATUS "HAKO_TEST_WEAKEN: in the test plugin, not in ${SHIPPED}")
