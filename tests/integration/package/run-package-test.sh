#!/usr/bin/env bash
# Installs the build tree to a scratch prefix, builds hostapp/ out of tree
# against it with find_package(Hako), and runs one call in a real container
# through the installed plugin, which must find the installed agent.
#
# Usage: run-package-test.sh BUILD_DIR HOSTAPP_SOURCE_DIR
set -euo pipefail
build="$1" app="$2"
work="$(mktemp -d)"
prefix="$work/prefix"
cleanup() {
    local instance
    instance="$(cat "$work/run/instance-id" 2>/dev/null || true)"
    if [ -n "$instance" ]; then
        docker ps -aq --filter "label=org.hako.instance=$instance" | xargs -r docker rm -f >/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >"$work/install.log" || { cat "$work/install.log" >&2; fail "cmake --install"; }
echo "# installed to $prefix:"
(cd "$prefix" && find . -type f | sort | sed 's/^/#   /')

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S "$app" -B "$work/app" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" "${launcher[@]}" >"$work/configure.log" \
    || { cat "$work/configure.log" >&2; fail "configuring the host app"; }
grep -qx "Hako_DIR:PATH=$prefix/lib[^ ]*/cmake/Hako" "$work/app/CMakeCache.txt" \
    || fail "find_package(Hako) did not pick the installed package: $(grep Hako_DIR "$work/app/CMakeCache.txt")"
cmake --build "$work/app" >"$work/build.log" || { cat "$work/build.log" >&2; fail "building the host app"; }

# Nothing from the build tree or the environment may point the way.
env -u HAKO_PLUGIN -u HAKO_AGENT "$work/app/hostapp" "$work/workspaces" "$work/run" | tee "$work/out" \
    || fail "the host app failed"
grep -qx "plugin $prefix/lib[^ ]*/hako/plugins/libhako.so" "$work/out" || fail "the plugin was not the installed one"
grep -qx "agent $prefix/libexec/hako/hako-agent" "$work/out" || fail "the installed plugin did not find the installed agent"
grep -qx "streamed hello from 1000" "$work/out" || fail "no streamed output from the container"
grep -q '"exit_code":0' "$work/out" || fail "the call did not succeed"
left="$(docker ps -aq --filter "label=org.hako.instance=$(cat "$work/run/instance-id")")"
[ -z "$left" ] || fail "containers left behind: $left"
echo "package test passed"
