# No new namespace: a user namespace would hand back capabilities inside it.
py '
for flag, name in ((0x10000000, "CLONE_NEWUSER"), (0x00020000, "CLONE_NEWNS"), (0x40000000, "CLONE_NEWNET"),
                   (0x20000000, "CLONE_NEWPID"), (0x04000000, "CLONE_NEWUTS"), (0x02000000, "CLONE_NEWCGROUP")):
    refused(f"unshare({name})", call("unshare", flag), gvisor_note=True)
refused("clone(CLONE_NEWUSER)", call("clone", 0x10000000 | 17, 0, 0, 0, 0), gvisor_note=True)
refused("clone(CLONE_NEWUSER | bit 32)", call("clone", (1 << 32) | 0x10000000 | 17, 0, 0, 0, 0), gvisor_note=True)
def enter():
    fd = os.open("/proc/self/ns/mnt", os.O_RDONLY)
    res = libc.syscall(ctypes.c_long(NR["setns"]), ctypes.c_long(fd), ctypes.c_long(0))
    return 0 if res >= 0 else ctypes.get_errno()
refused("setns(own mount namespace)", in_child(enter), gvisor_note=True)
'
