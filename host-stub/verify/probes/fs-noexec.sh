# /tmp (and /dev/shm) are mounted noexec, nosuid, nodev: a binary copied there
# does not run.
for mount in /tmp /dev/shm; do
    opts=$(awk -v m="$mount" '$2 == m { print $4 }' /proc/mounts | tail -n 1)
    [ -n "$opts" ] || { fail "$mount is not a mount of its own"; continue; }
    case ",$opts," in *,noexec,*) ok "$mount mounted with noexec ($opts)" ;; *) fail "$mount mounted $opts" ;; esac
    copy="$mount/hako-verify-true"
    cp /bin/true "$copy" && chmod 755 "$copy"
    if err=$("$copy" 2>&1); then fail "$copy ran"; else ok "running $copy: ${err##*: }"; fi
    rm -f "$copy"
done
