# The root cannot be changed: pivot_root and chroot are refused.
py '
refused("pivot_root /tmp /tmp", call("pivot_root", cstr("/tmp"), cstr("/tmp")))
refused("chroot /tmp", call("chroot", cstr("/tmp")))
'
