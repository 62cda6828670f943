# /sys is read-only: no uevent helper, no device or firmware knobs.
opts=$(awk '$2 == "/sys" { print $4 }' /proc/mounts | tail -n 1)
case ",$opts," in *,ro,*) ok "/sys mounted ro" ;; *) fail "/sys mounted ${opts:-(not mounted)}" ;; esac
for path in /sys/kernel/uevent_helper /sys/kernel/profiling /sys/power/state /sys/class/firmware/timeout \
    /sys/module/kernel/parameters/panic; do
    if [ ! -e "$path" ]; then
        ok "$path does not exist here"
    elif err=$( { printf '/tmp/x\n' >"$path"; } 2>&1 ); then
        fail "wrote $path"
    else
        ok "$path: ${err##*: }"
    fi
done
