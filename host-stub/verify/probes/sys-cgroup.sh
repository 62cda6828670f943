# The cgroup release_agent escape needs a writable cgroup hierarchy or a new
# cgroup mount: release_agent and notify_on_release refuse writes, and
# mounting a cgroup fails.
agents=$(find /sys/fs/cgroup -maxdepth 2 -name release_agent 2>/dev/null)
for path in $agents $(find /sys/fs/cgroup -maxdepth 2 -name notify_on_release 2>/dev/null | head -n 3); do
    if err=$( { printf '1\n' >"$path"; } 2>&1 ); then fail "wrote $path"; else ok "$path: ${err##*: }"; fi
done
[ -n "$agents" ] || ok "no release_agent file visible"
py '
mnt = cstr("/tmp")
for fs in ("cgroup", "cgroup2"):
    refused(f"mount -t {fs}", call("mount", cstr(fs), mnt, cstr(fs), 0, cstr("memory") if fs == "cgroup" else 0))
'
