#!/usr/bin/env bash
# ./test.sh — set the machine up, build everything, run every test suite.
#
#   1. scripts/setup.sh        missing Debian packages, docker engine, daemon.json
#   2. cmake configure + build (Ninja, ./build)
#   3. scripts/build-image.sh  hako/workspace-base:latest (cached by input hash)
#   4. ctest                   all suites, the last of them sanitize.suite: scripts/sanitize.sh,
#                              a clang ASan+UBSan build (./build-sanitize) that runs the unit
#                              tests, the fuzzers for a bounded time and a subset of the
#                              integration tests
# Exit status: non-zero when ctest failed.
#
# Arguments are passed to ctest, e.g. ./test.sh -L unit   or   ./test.sh -R sigv4
# Environment: HAKO_CMAKE_ARGS (extra configure args), CTEST_PARALLEL_LEVEL (ctest's own;
#              default serial), HAKO_FUZZ_SECONDS (per fuzz target, default 25).
set -euo pipefail
cd "$(dirname "$0")"

phase_start=$(date +%s)
timings=()
phase() {  # phase NAME: close the previous phase's timer, announce the next
    local now; now=$(date +%s)
    if [ -n "${current_phase:-}" ]; then timings+=("$current_phase $((now - phase_start))s"); fi
    current_phase="$1"; phase_start=$now
    [ -n "$1" ] && printf '\n==> %s\n' "$1"
    return 0
}

trap 'echo "test.sh: FAILED during phase: ${current_phase:-?}" >&2' ERR

phase "setup"
scripts/setup.sh

phase "configure"
# A build tree configured with another generator cannot be reused by -G Ninja.
if [ -f build/CMakeCache.txt ] && ! grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$' build/CMakeCache.txt; then
    echo "build/ was configured with another generator; reconfiguring from scratch"
    rm -rf build/CMakeCache.txt build/CMakeFiles
fi
read -r -a cmake_extra <<<"${HAKO_CMAKE_ARGS:-}"
cmake -S . -B build -G Ninja "${cmake_extra[@]}"

phase "build"
cmake --build build

phase "workspace image"
scripts/build-image.sh

phase "tests"
rc=0
ctest --test-dir build --output-on-failure --no-tests=error "$@" || rc=$?

phase ""

echo
echo "timings: ${timings[*]}"
if [ "$rc" != 0 ]; then echo "test.sh: FAILED (ctest exit $rc)" >&2; fi
exit "$rc"
