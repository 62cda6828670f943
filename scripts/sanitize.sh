#!/usr/bin/env bash
# scripts/sanitize.sh — the clang build with AddressSanitizer, UndefinedBehavior-
# Sanitizer and libFuzzer (./build-sanitize), and its test run:
#
#   1. configure ./build-sanitize with clang and -DHAKO_SANITIZE=ON, build the
#      target hako-sanitizer-suite (every unit test, the fuzz targets, and the
#      integration tests below), nothing else;
#   2. ctest there: every unit test, every fuzz target for HAKO_FUZZ_SECONDS
#      (default 25) each, and integration.agent, integration.core and
#      security.proxy. Any sanitizer report fails its test (halt_on_error).
#
# Containers cannot run a sanitized hako-agent (it is not static), so the
# container tests use the production one: $HAKO_AGENT, by default
# ./build/bin/hako-agent (build it first: ./test.sh does).
# Arguments are passed to every ctest call, e.g. scripts/sanitize.sh -R verify
set -euo pipefail
cd "$(dirname "$0")/.."

agent="${HAKO_AGENT:-$PWD/build/bin/hako-agent}"
[ -x "$agent" ] || { echo "sanitize.sh: no production hako-agent at $agent; build ./build first" >&2; exit 1; }
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

# -O1 with line tables only: reports keep file and line, without full debug information.
cmake -S . -B build-sanitize -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
      -DCMAKE_BUILD_TYPE=None -DCMAKE_C_FLAGS="-O1 -gline-tables-only" -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" \
      -DHAKO_SANITIZE=ON \
      -DHAKO_FUZZ_SECONDS="${HAKO_FUZZ_SECONDS:-25}" "${launcher[@]}"
cmake --build build-sanitize --target hako-sanitizer-suite

export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:detect_stack_use_after_return=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/tests/sanitizer/lsan.supp:print_suppressions=0}"
rc=0
ctest --test-dir build-sanitize --output-on-failure --no-tests=error -L 'unit|fuzz' "$@" || rc=$?
HAKO_AGENT="$agent" ctest --test-dir build-sanitize --output-on-failure --no-tests=error \
    -R '^(integration\.agent|integration\.core|security\.proxy)$' "$@" || rc=$?
exit "$rc"
