#!/usr/bin/env bash
# In rootless mode the host process cannot reach the root-owned Docker socket:
# neither directly nor through hako-host pointed at it. And what it does run
# on, rootless Podman, is reported as such (doctor), limits included.
#   socket-denied.sh HAKO_HOST
set -euo pipefail
. "$(dirname "$0")/rootless-env.sh"
stage_build "$1"
host="$STAGE/bin/hako-host"
sock=/var/run/docker.sock
fail() { echo "FAIL: $*"; exit 1; }

# The control: the socket is there, root's, and root reaches the engine through it.
[ -S "$sock" ] || fail "$sock is not a socket (is dockerd running?)"
[ "$(stat -c %u "$sock")" = 0 ] || fail "$sock is not owned by root"
docker -H "unix://$sock" version >/dev/null || fail "root cannot use $sock"
# The user is in no group that owns it.
group="$(stat -c %G "$sock")"
if id -nG "$ROOTLESS_USER" | tr ' ' '\n' | grep -qx "$group"; then fail "$ROOTLESS_USER is in group $group"; fi

# 1. A direct connect() is refused with EACCES, not merely absent.
out="$(as_user /usr/bin/python3 -c '
import errno, socket, sys
s = socket.socket(socket.AF_UNIX)
try:
    s.connect(sys.argv[1])
except OSError as e:
    print(errno.errorcode.get(e.errno, e.errno)); sys.exit(0)
print("CONNECTED")' "$sock")"
[ "$out" = EACCES ] || fail "connect($sock) as $ROOTLESS_USER: $out (want EACCES)"
echo "connect($sock) as $ROOTLESS_USER: $out"

# 2. hako-host in that user's hands, pointed at the socket, gets nowhere.
tmp="$(as_user mktemp -d)"
trap 'as_user rm -rf "$tmp"; rm -rf "$STAGE"' EXIT
settings=(--set "paths.workspaces=$tmp/ws" --set "paths.runtime=$tmp/run")
rc=0
err="$(as_user "$host" exec "${settings[@]}" --set docker.binary=docker --set "docker.host=unix://$sock" \
        --conversation denied -- true 2>&1)" || rc=$?
[ "$rc" != 0 ] || fail "hako-host exec through $sock succeeded as $ROOTLESS_USER"
grep -qi "permission denied" <<<"$err" || fail "hako-host exec failed, but not for lack of permission: $err"
echo "hako-host exec via $sock as $ROOTLESS_USER: exit $rc, permission denied"

# 3. doctor with rootless Podman: engine reachable, rootless, limits reported as not enforced.
rc=0
doc="$(as_user "$host" doctor "${settings[@]}" --set docker.binary=podman 2>&1)" || rc=$?
printf '%s\n' "$doc"
grep -q '^\[ok  \] Container engine reachable' <<<"$doc" || fail "doctor: podman not reachable"
grep -q '^ *podman [0-9.]*, rootless$' <<<"$doc" || fail "doctor does not report rootless podman"
grep -q '^\[ok  \] Engine runs without root' <<<"$doc" || fail "doctor: rootless check not ok"
cgroup="$(as_user podman info --format '{{.Host.CgroupsVersion}}' 2>/dev/null)"
if [ "$cgroup" = v1 ]; then
    grep -q '^\[warn\] Memory, CPU and process limits enforced' <<<"$doc" || fail "doctor hides that limits are ignored on cgroup v1"
fi
echo PASS
