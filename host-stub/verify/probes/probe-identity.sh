# Which kernel serves this container. gVisor reports a fixed Linux 4.4.0 build
# of 10 January 2016, and serves the root filesystem over 9p from its Gofer.
if gvisor; then
    version=$(cat /proc/version)
    root=$(awk '$2 == "/" { print $3 }' /proc/mounts | tail -n 1)
    case "$version" in
    *"4.4.0 #1 SMP Sun Jan 10 15:06:54 PST 2016"*) ok "gVisor kernel: $version; root over $root" ;;
    *) fail "runtime runsc, but the kernel is not gVisor's: $version" ;;
    esac
    # GNU ls and stat pass AT_NO_AUTOMOUNT to statx; this gVisor refuses the flag.
    if ! ls -ld / >/dev/null 2>&1; then
        ok "ls -ld /: $(why ls -ld /)"
        note gvisor-statx-no-automount
    fi
else
    ok "kernel $(uname -r)"
fi
