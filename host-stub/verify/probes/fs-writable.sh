# No directory of the root filesystem is writable: only the /workspace, /tmp,
# /dev/shm and socket mounts are, each a filesystem of its own.
dev=$(root_device)
found=$(census | awk -v dev="$dev" '$1 == "d" && $3 == dev { print $4 }' | head -n 20)
if [ -n "$found" ]; then
    fail "writable directories on the root filesystem: $(echo $found)"
else
    ok "no writable directory on the root filesystem (device $dev)"
fi
for mount in /workspace /tmp; do
    [ -w "$mount" ] && ok "$mount is writable, as it must be" || fail "$mount is not writable"
done
