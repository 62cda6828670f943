# The container sees its own limits: the pids cgroup (runc) or RLIMIT_NPROC
# (gVisor), the memory limit without extra swap, and the CPU quota.
first() { for f in "$@"; do [ -r "$f" ] && { cat "$f"; return; }; done; }
if gvisor; then
    [ "$(ulimit -Hu)" = "$V_PIDS" ] && ok "RLIMIT_NPROC $(ulimit -Hu) (enforced by gVisor's kernel)" || fail "RLIMIT_NPROC $(ulimit -Hu), configured $V_PIDS"
    note gvisor-limits
    exit "$V_FAILED"
fi
pids=$(first /sys/fs/cgroup/pids.max /sys/fs/cgroup/pids/pids.max)
[ "$pids" = "$V_PIDS" ] && ok "pids.max $pids" || fail "pids.max ${pids:-unreadable}, configured $V_PIDS"
mem=$(first /sys/fs/cgroup/memory.max /sys/fs/cgroup/memory/memory.limit_in_bytes)
[ "$mem" = "$V_MEMORY" ] && ok "memory limit $mem" || fail "memory limit ${mem:-unreadable}, configured $V_MEMORY"
swap=$(first /sys/fs/cgroup/memory.swap.max /sys/fs/cgroup/memory/memory.memsw.limit_in_bytes)
case "$swap" in 0 | "$V_MEMORY") ok "memory+swap limit $swap (no swap on top)" ;; "") ok "no swap accounting on this host" ;; *) fail "swap limit $swap" ;; esac
quota=$(first /sys/fs/cgroup/cpu.max)
[ -n "$quota" ] || quota="$(first /sys/fs/cgroup/cpu/cpu.cfs_quota_us /sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us) $(first /sys/fs/cgroup/cpu/cpu.cfs_period_us /sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us)"
set -- $quota
[ "$2" -gt 0 ] 2>/dev/null && [ $(( $1 * 100 / $2 )) = "$V_CPU_PERCENT" ] && ok "CPU quota $1 per $2 us" || fail "CPU quota '$quota', configured ${V_CPU_PERCENT}% of a CPU"
