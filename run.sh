#!/usr/bin/env bash
# ./run.sh — set the machine up, build, build the workspace image, then walk
# through a demo conversation with build/bin/hako-host.
#
# Usage: ./run.sh [--runsc] [--keep] [--no-build]
#   --runsc     run the demo conversation under gVisor (--set runtime=runsc)
#   --keep      leave the conversation (container + workspace) alive at the end
#   --no-build  skip setup/build/image (demo only)
set -euo pipefail
cd "$(dirname "$0")"

RUNSC=0 KEEP=0 BUILD=1
for arg in "$@"; do
    case "$arg" in
        --runsc) RUNSC=1 ;;
        --keep) KEEP=1 ;;
        --no-build) BUILD=0 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown argument: $arg (try --help)" >&2; exit 2 ;;
    esac
done

if [ "$BUILD" = 1 ]; then
    trap 'echo "run.sh: set-up/build failed; see the output above" >&2' ERR
    printf '==> setup\n'
    scripts/setup.sh
    printf '\n==> build\n'
    if [ -f build/CMakeCache.txt ] && ! grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$' build/CMakeCache.txt; then
        rm -rf build/CMakeCache.txt build/CMakeFiles
    fi
    cmake -S . -B build -G Ninja
    cmake --build build
    printf '\n==> workspace image\n'
    scripts/build-image.sh
    trap - ERR
fi

HOST=build/bin/hako-host
[ -x "$HOST" ] || { echo "run.sh: $HOST was not built" >&2; exit 1; }

CONV="demo-$(date +%Y%m%d-%H%M%S)"
common=()
if [ "$RUNSC" = 1 ]; then common+=(--set runtime=runsc); fi

bold() { if [ -t 1 ]; then printf '\n\033[1m== %s\033[0m\n' "$*"; else printf '\n== %s\n' "$*"; fi; }
show() {  # echo the command line (shell-quoted, to stderr), then run it
    local a words=()
    for a in "$@"; do
        if [[ "$a" =~ ^[A-Za-z0-9_./:=@%+,-]+$ ]]; then words+=("$a")
        else words+=("'${a//\'/\'\\\'\'}'"); fi
    done
    printf '$ %s\n' "${words[*]}" >&2
    "$@"
}
# host SUBCOMMAND ARGS...: common options go before any "--" (exec passes what follows it to bash)
host() { show "$HOST" "$1" "${common[@]}" "${@:2}"; }
failed=0
expect_fail() {  # expect_fail WHAT CMD...: the command must fail
    local what="$1" rc=0
    shift
    "$@" || rc=$?
    if [ "$rc" = 0 ]; then echo "!! $what unexpectedly succeeded"; failed=1
    else echo "-> blocked as expected (exit $rc)"; fi
}

end_conversation() {
    if [ "$KEEP" = 1 ]; then
        bold "Conversation $CONV kept; continue with e.g."
        echo "  $HOST exec --conversation $CONV ${common[*]} -- 'ls -la /workspace'"
        echo "  $HOST end --conversation $CONV --delete-workspace"
    else
        bold "End the conversation (container destroyed, workspace deleted)"
        host end --conversation "$CONV" --delete-workspace
    fi
}
trap 'rc=$?; trap - EXIT; if [ "$rc" != 0 ]; then echo "run.sh: demo step failed (exit $rc)" >&2; end_conversation || true; fi; exit $rc' EXIT

printf '\n==> demo conversation %s%s\n' "$CONV" "$([ "$RUNSC" = 1 ] && echo ' (gVisor)')"

bold "1. Tools the plugin offers (JSON definitions, MCP/Messages API shape)"
show "$HOST" tools "${common[@]}" | jq -r '(.tools? // .)[] | "  \(.name): \(.description | split("\n")[0])"'

bold "2. Create /workspace/hello.py with the editor tool"
read -r -d '' PY <<'PYEOF' || true
import os, platform
counter = "/workspace/counter.txt"
n = int(open(counter).read()) + 1 if os.path.exists(counter) else 1
open(counter, "w").write(str(n))
print(f"Hello from Python {platform.python_version()} as uid {os.getuid()} -- run #{n}")
PYEOF
host tool --conversation "$CONV" str_replace_based_edit_tool \
    "$(jq -nc --arg text "$PY" '{command: "create", path: "/workspace/hello.py", file_text: $text}')"

bold "3. Run it in the sandbox (exec = the bash tool)"
host exec --conversation "$CONV" -- 'python3 /workspace/hello.py'

bold "4. State persists: the file, and the shell session (cwd, exported variables)"
host exec --conversation "$CONV" -- 'python3 /workspace/hello.py && cat /workspace/counter.txt && echo'
host exec --conversation "$CONV" -- 'cd /workspace && export DEMO_GREETING=konnichiwa'
host exec --conversation "$CONV" -- 'echo "cwd=$PWD DEMO_GREETING=${DEMO_GREETING:-<unset>}"'

bold "5. Edit in place with str_replace, then view with line numbers"
host tool --conversation "$CONV" str_replace_based_edit_tool \
    '{"command":"str_replace","path":"/workspace/hello.py","old_str":"Hello from Python","new_str":"Konnichiwa from Python"}'
host tool --conversation "$CONV" str_replace_based_edit_tool '{"command":"view","path":"/workspace/hello.py"}'

bold "6. --json: exit code, stdout and stderr separately, timing"
rc=0
host exec --conversation "$CONV" --json -- \
    'node -e "console.log(\"node \" + process.version)"; echo "to stderr" >&2; exit 3' || rc=$?
echo "-> hako-host exited with the command's exit code: $rc"
[ "$rc" = 3 ] || { echo "!! expected exit code 3"; failed=1; }

bold "7. No network: --network none + seccomp (no AF_INET sockets)"
expect_fail "curl to the internet" host exec --conversation "$CONV" --timeout 20 -- \
    'curl -sS --max-time 5 https://example.com/ -o /dev/null'
expect_fail "python TCP connect" host exec --conversation "$CONV" --timeout 20 -- \
    'python3 -c "import socket; socket.create_connection((\"1.1.1.1\", 443), timeout=5)"'

bold "8. Read-only root filesystem, non-root user"
expect_fail "write outside /workspace" host exec --conversation "$CONV" -- 'id && touch /usr/local/bin/evil'

end_conversation
trap - EXIT
if [ "$failed" != 0 ]; then echo "run.sh: some demo expectations failed" >&2; exit 1; fi
printf '\nrun.sh: demo finished.\n'
