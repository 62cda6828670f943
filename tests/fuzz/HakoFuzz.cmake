# hako_add_fuzz_target(NAME SOURCES … [LIBS …] [INCLUDES …] [MAX_LEN n])
#
# One fuzz target per directory, with its seed corpus in ./corpus. Built with
# clang it is a libFuzzer binary (address and undefined-behaviour sanitizers
# on) and ctest's fuzz.NAME runs it for HAKO_FUZZ_SECONDS on a scratch copy of
# the corpus, so that new inputs never land in the tree. Built with another
# compiler the same entry point replays the seeds (fuzz.NAME.replay), so the
# corpus stays a regression test in the ordinary build.
include_guard(GLOBAL)
set(HAKO_FUZZ_SECONDS 25 CACHE STRING "Seconds each fuzz target runs under ctest (clang builds)")

function(hako_add_fuzz_target name)
    cmake_parse_arguments(F "" "MAX_LEN" "SOURCES;LIBS;INCLUDES" ${ARGN})
    if(NOT F_MAX_LEN)
        set(F_MAX_LEN 65536)
    endif()
    set(target fuzz_${name})
    set(corpus ${CMAKE_CURRENT_SOURCE_DIR}/corpus)
    add_executable(${target} ${F_SOURCES})
    add_dependencies(hako-sanitizer-suite ${target})
    target_include_directories(${target} PRIVATE ${F_INCLUDES})
    target_link_libraries(${target} PRIVATE ${F_LIBS})
    if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        set(flags -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined)
        target_compile_options(${target} PRIVATE ${flags})
        target_link_options(${target} PRIVATE ${flags})
        set(work ${CMAKE_CURRENT_BINARY_DIR}/corpus-work)
        add_test(NAME fuzz.${name}.prepare COMMAND ${CMAKE_COMMAND} -E make_directory ${work})
        set_tests_properties(fuzz.${name}.prepare PROPERTIES FIXTURES_SETUP fuzz.${name}.work)
        # Leak checks stay off: Qt keeps process-lifetime allocations that LSan reports.
        add_test(NAME fuzz.${name}
                 COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=0
                         $<TARGET_FILE:${target}> -max_total_time=${HAKO_FUZZ_SECONDS} -timeout=10
                         -rss_limit_mb=2048 -max_len=${F_MAX_LEN} -print_final_stats=1 ${work} ${corpus})
        set_tests_properties(fuzz.${name} PROPERTIES LABELS fuzz TIMEOUT 600 FIXTURES_REQUIRED fuzz.${name}.work)
    else()
        target_sources(${target} PRIVATE ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/replay_main.cpp)
        add_test(NAME fuzz.${name}.replay COMMAND ${target} ${corpus})
        set_tests_properties(fuzz.${name}.replay PROPERTIES LABELS fuzz TIMEOUT 120)
    endif()
endfunction()
