# The root filesystem is mounted read-only: writing anywhere on it fails with
# "Read-only file system", including world-writable places such as /var/tmp.
root_opts=$(awk '$2 == "/" { print $4 }' /proc/mounts | tail -n 1 | cut -d, -f1-3)
case ",$root_opts," in
*,ro,*) ok "/ is mounted ro ($root_opts)" ;;
*) fail "/ is mounted $root_opts" ;;
esac
for dir in /var/tmp /etc /usr/lib /opt /home /root /var/lib /var/cache /run /srv; do
    [ -d "$dir" ] || continue
    target="$dir/.hako-verify-$$"
    if err=$( { : >"$target"; } 2>&1 ); then
        fail "created $target"
        rm -f "$target"
    else
        ok "$dir: ${err##*: }"
    fi
done
