# Shared by every probe script. A probe prints "ok: …" and "FAIL: …" lines as
# evidence and "note: KEY" for a runtime difference; any FAIL fails it.
V_FAILED=0
ok() { printf 'ok: %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*"; V_FAILED=1; }
note() { printf 'note: %s\n' "$1"; }
check() { if [ "$1" = 0 ]; then ok "$2"; else fail "$2"; fi; }   # check STATUS TEXT
gvisor() { [ "${V_GVISOR:-0}" = 1 ]; }
# Python with the helpers; the probe's code follows them. Feed it with a
# here-string, not a pipe, so that its verdict reaches V_FAILED.
py() { local code="$1"; shift; python3 -c "$V_PY
$code
done()" "$@" || V_FAILED=1; }
# The first line of what a failing command said, without the program name.
why() { "$@" 2>&1 >/dev/null | head -n 1 | sed 's/^[^:]*: //'; }
# One walk of the whole tree, shared by the probes that need one (it takes
# tens of seconds on gVisor's 9p root): sockets, setuid/setgid files,
# writable directories and files named hako-verify-*, as
# "TYPE MODE DEVICE PATH". Cached in /tmp for the container's lifetime.
census() {
    local cache=/tmp/.hako-verify-census
    [ -s "$cache" ] || find / \( -path /proc -o -path /sys \) -prune -o \( -type s -o -type f \( -perm -4000 -o -perm -2000 \) \
        -o -type d -writable -o -type f -name 'hako-verify-*' \) -printf '%y %m %D %p\n' 2>/dev/null >"$cache"
    cat "$cache"
}
root_device() { find / -maxdepth 0 -printf '%D'; }
