# mount, umount2 and the new mount API are refused.
py '
refused("mount tmpfs on /tmp", call("mount", cstr("none"), cstr("/tmp"), cstr("tmpfs"), 0, 0))
refused("mount --bind / /tmp", call("mount", cstr("/"), cstr("/tmp"), 0, 0x1000, 0))
refused("umount2 /workspace (detach)", call("umount2", cstr("/workspace"), 2))
refused("umount2 /proc/sys", call("umount2", cstr("/proc/sys"), 2))
refused("fsopen tmpfs", call("fsopen", cstr("tmpfs"), 0))
refused("open_tree /", call("open_tree", -100, cstr("/"), 1))
'
