# core_pattern cannot run a program of the container's: core dumps are off
# (hard limit 0) and core_pattern cannot be written.
[ "$(ulimit -Hc)" = 0 ] && ok "core file hard limit 0" || fail "core file hard limit $(ulimit -Hc)"
if (ulimit -c 1024) 2>/dev/null; then fail "the core limit could be raised"; else ok "the core limit cannot be raised"; fi
if [ -e /proc/sys/kernel/core_pattern ]; then
    if err=$( { printf '|/tmp/x\n' >/proc/sys/kernel/core_pattern; } 2>&1 ); then fail "wrote core_pattern"; else ok "core_pattern: ${err##*: }"; fi
else
    ok "no core_pattern here"
    note gvisor-kernel
fi
