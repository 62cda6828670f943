#!/bin/bash
# Runs every workload of the suite once and reports each result.
# The suite is what the seccomp whitelist is measured with and verified
# against, so it exercises what an agent's tools typically do.
# Usage: run-suite.sh [WORKDIR]   (WORKDIR must be writable; default: mktemp -d)
# HAKO_AGENT: path of a hako-agent binary to drive as well (optional).
set -u
here="$(cd "$(dirname "$0")" && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work" || exit 1
# The rootfs (and so $HOME) is read-only in a workspace container: tools that
# insist on a home get one beneath the work directory.
export HOME="$work/home" PYTHONUSERBASE="$work/pyuser"
mkdir -p "$HOME"

failed=0
run() {
    local name="$1"; shift
    local dir="$work/$name"
    mkdir -p "$dir"
    # Output goes to a file, not through $(...): a command substitution whose
    # pipe cannot be created reports success with empty output.
    (cd "$dir" && "$@") >"$dir.log" 2>&1
    local rc=$?
    if [ "$rc" -eq 0 ]; then
        echo "PASS $name"
    else
        echo "FAIL $name (exit $rc)"
        tail -n 20 "$dir.log" | sed 's/^/    /'
        failed=$((failed + 1))
    fi
}

run shell      bash "$here/shell.sh"
run archive    bash "$here/archive.sh"
run git        bash "$here/git.sh"
run curl-unix  bash "$here/curl-unix.sh" "$here"
run python     python3 "$here/python-stdlib.py"
run pip-wheel  python3 "$here/pip-wheel.py"
run node       node "$here/node-workload.js"
# The in-container agent, when the caller mounted one (HAKO_AGENT=path).
if [ -n "${HAKO_AGENT:-}" ]; then
    run agent  python3 "$here/agent-client.py" "$HAKO_AGENT" "$work/agent/ws"
fi

echo "workloads failed: $failed"
[ "$failed" -eq 0 ]
