# /dev holds only the harmless character devices; memory, kernel log, disks
# and new device nodes are out of reach.
py '
allowed = {(1, 3), (1, 5), (1, 7), (1, 8), (1, 9), (5, 0), (5, 1), (5, 2)}
# gVisor emulates FUSE and TUN in its own kernel; both also need mount or
# CAP_NET_ADMIN, which a tool does not have.
emulated = {(10, 229), (10, 200)} if os.environ.get("V_GVISOR") == "1" else set()
for root, dirs, files in os.walk("/dev"):
    for name in files + dirs:
        path = os.path.join(root, name)
        try:
            st = os.lstat(path)
        except OSError:
            continue
        import stat
        if stat.S_ISBLK(st.st_mode):
            report(False, f"block device {path}")
        elif stat.S_ISCHR(st.st_mode):
            dev = (os.major(st.st_rdev), os.minor(st.st_rdev))
            if dev in emulated:
                report(True, f"{path} {dev[0]}:{dev[1]} is emulated by gVisor")
                print("note: gvisor-kernel")
            elif dev not in allowed and dev[0] != 136:
                report(False, f"character device {path} {dev[0]}:{dev[1]}")
for path in ("/dev/mem", "/dev/kmem", "/dev/port", "/dev/kmsg", "/dev/sda", "/dev/vda", "/dev/nvme0n1", "/dev/kvm") + (() if emulated else ("/dev/fuse",)):
    report(in_child(lambda: os.close(os.open(path, os.O_RDONLY))) != 0, f"open {path}: refused or absent")
dev = cstr("/tmp/hako-verify-dev")
refused("mknod character device 1:1 (/dev/mem)", call("mknodat", -100, dev, 0o020600, 0x101))
refused("mknod block device 8:0", call("mknodat", -100, dev, 0o060600, 0x800))
report(True, "no other device nodes")
'
rm -f /tmp/hako-verify-dev
