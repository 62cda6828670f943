#!/usr/bin/env bash
# Installs the build tree to a scratch prefix and checks what a host author
# gets there: versions that agree (library file name, soname, package version,
# interface ID), binaries without build-tree paths, a host app and the settings
# dialog example (the installed copy) built out of tree with find_package(Hako) alone. Then the
# prefix moves, and both still run: the host app (installed into the prefix,
# built with AddressSanitizer, written from the guide alone) makes calls in a
# real container through the installed plugin, which must find the installed
# agent, and cancels one by deleting its handle.
#
# Usage: run-package-test.sh BUILD_DIR HOSTAPP_SOURCE_DIR
set -euo pipefail
build="$(cd "$1" && pwd)" app="$2"
source_tree="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
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
# run LOG_NAME WHAT COMMAND...: the command's output only when it fails.
run() {
    local log="$work/$1.log" what="$2"; shift 2
    "$@" >"$log" 2>&1 || { cat "$log" >&2; fail "$what"; }
}

run install "cmake --install" cmake --install "$build" --prefix "$prefix"
echo "# installed to $prefix:"
(cd "$prefix" && find . -type f | sort | sed 's/^/#   /')

# One version everywhere: org.hako.ToolExecutor/X.Y, libhakointerface.so.X.Y.Z
# with soname libhakointerface.so.X, and package version X.Y.Z.
iid="$(sed -n 's|^#define HakoToolExecutor_iid "org.hako.ToolExecutor/\(.*\)"$|\1|p' "$prefix/include/hako/toolexecutor.h")"
library="$(cd "$prefix" && find . -name 'libhakointerface.so.*.*.*' -not -path '*/.debug/*')"
version="${library##*.so.}"
soname="$(readelf -d "$prefix/$library" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')"
echo "# interface $iid, library $version, soname $soname"
[ -n "$iid" ] && [ "${version%.*}" = "$iid" ] || fail "library version $version is not interface version $iid"
[ "$soname" = "libhakointerface.so.${version%%.*}" ] || fail "soname $soname does not match version $version"
grep -q "set(PACKAGE_VERSION \"$version\")" "$prefix"/lib*/cmake/Hako/HakoConfigVersion.cmake \
    || fail "HakoConfigVersion.cmake does not carry version $version"

# Debug information lives in .debug/ beside each binary; the binaries name no
# build-tree path, which the build tree's own plugin does.
# (grep reads to the end: with -q, strings would die of SIGPIPE and pipefail turn a match into a miss.)
strings -a "$build/plugins/libhako.so" | grep -F "$source_tree" >/dev/null || fail "the build-tree path check could not fail"
while IFS= read -r binary; do
    [ "$(head -c 4 "$binary")" = $'\x7fELF' ] || continue
    if strings -a "$binary" | grep -F -e "$source_tree" -e "$build" >/dev/null; then
        fail "$binary names the build tree: $(strings -a "$binary" | grep -F -e "$source_tree" -e "$build" | head -3)"
    fi
    readelf -S "$binary" | grep '\.debug_info' >/dev/null && fail "$binary carries its debug information"
    [ -s "$(dirname "$binary")/.debug/$(basename "$binary").debug" ] || fail "no split debug information for $binary"
done < <(find "$prefix" -type f -not -path '*/.debug/*')

configure() { # SOURCE BUILD ARGS...: and find_package(Hako) must have picked the installed package
    local source="$1" dir="$2"; shift 2
    run "configure-$(basename "$dir")" "configuring $source" \
        cmake -S "$source" -B "$dir" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" "${launcher[@]}" "$@"
    grep -qx "Hako_DIR:PATH=$prefix/lib[^ ]*/cmake/Hako" "$dir/CMakeCache.txt" \
        || fail "find_package(Hako) did not pick the installed package: $(grep Hako_DIR "$dir/CMakeCache.txt")"
    run "build-$(basename "$dir")" "building $source" cmake --build "$dir"
}
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
asan="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
configure "$app" "$work/app" -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_CXX_FLAGS="$asan" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined"
run install-app "installing the host app" cmake --install "$work/app"
readelf -d "$prefix/bin/hostapp" | grep 'libasan' >/dev/null || fail "the host app was not built with AddressSanitizer"
configure "$prefix/share/doc/hako/examples/settings-dialog" "$work/example"

# The prefix moves whole; nothing may still point at where it was.
mv "$prefix" "$work/moved"
prefix="$work/moved"

env -u HAKO_PLUGIN -u HAKO_AGENT ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
    "$prefix/bin/hostapp" "$work/workspaces" "$work/run" | tee "$work/out" || fail "the host app failed"
grep -qx "plugin $prefix/lib[^ ]*/hako/plugins/libhako.so" "$work/out" || fail "the plugin was not the installed one"
grep -qx "agent $prefix/libexec/hako/hako-agent" "$work/out" || fail "the installed plugin did not find the installed agent"
grep -qx "hello streamed hello from 1000" "$work/out" || fail "no streamed output from the container"
grep -q '"exit_code":0' "$work/out" || fail "the call did not succeed"
grep -qx "after-delete streamed gone" "$work/out" || fail "deleting the running call's handle did not stop its command"
left="$(docker ps -aq --filter "label=org.hako.instance=$(cat "$work/run/instance-id")")"
[ -z "$left" ] || fail "containers left behind: $left"

# The installed hako-host finds the moved plugin the same way.
run schema "hako-host schema" env -u HAKO_PLUGIN "$prefix/bin/hako-host" schema --lang ja
# (Kana, U+3040 to U+30FF, as UTF-8 bytes.)
LC_ALL=C grep -q $'"title": "[^"]*\xe3[\x81-\x83]' "$work/schema.log" \
    || fail "hako-host schema --lang ja printed no Japanese titles"

# The example, built elsewhere, finds the moved library through the loader's
# path and the plugin beside it; its own test runs in both languages.
export LD_LIBRARY_PATH="$(dirname "$prefix/$library")" QT_QPA_PLATFORM=offscreen
for lang in C ja_JP.UTF-8; do
    run "dialog-$lang" "tst_settingsdialog under LANG=$lang" \
        env -u HAKO_PLUGIN LANG="$lang" LC_ALL= "$work/example/tst_settingsdialog"
done
run dialog "the settings dialog" env -u HAKO_PLUGIN "$work/example/hako-settings-dialog" --screenshot "$work/dialog.png"
[ -s "$work/dialog.png" ] || fail "the settings dialog saved no screenshot"
echo "package test passed"
