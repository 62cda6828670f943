# Which kernel serves this container (gVisor announces itself in its log).
if gvisor; then
    dmesg 2>/dev/null | grep -q gVisor && ok "gVisor kernel: $(dmesg | head -n 1)" || fail "runtime runsc, but the kernel is not gVisor's: $(uname -r)"
else
    ok "kernel $(uname -r)"
fi
