# Kernel settings cannot be changed from the container: /proc/sys and the
# sysrq trigger refuse writes, and /proc/sys is mounted read-only.
for path in /proc/sys/kernel/hostname /proc/sys/vm/drop_caches /proc/sys/kernel/modprobe \
    /proc/sys/kernel/core_pattern /proc/sys/net/ipv4/ip_forward /proc/sysrq-trigger /proc/sys/fs/binfmt_misc/register; do
    if [ ! -e "$path" ]; then
        ok "$path does not exist here"
    elif err=$( { printf 'x\n' >"$path"; } 2>&1 ); then
        fail "wrote $path"
    else
        ok "$path: ${err##*: }"
    fi
done
opts=$(awk '$2 == "/proc/sys" { print $4 }' /proc/mounts | tail -n 1)
if [ -n "$opts" ]; then
    case ",$opts," in *,ro,*) ok "/proc/sys mounted ro" ;; *) fail "/proc/sys mounted $opts" ;; esac
fi
