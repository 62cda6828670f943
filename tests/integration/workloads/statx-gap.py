"""Tells whether this kernel has gVisor's statx gap: statx (and newfstatat)
with AT_NO_AUTOMOUNT fail with EINVAL while the same call without the flag
succeeds. Prints the evidence; exit 0: gap present, 1: absent."""
import ctypes
import os
import platform

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
NR_STATX = {"x86_64": 332, "aarch64": 291}[platform.machine()]
AT_FDCWD, AT_NO_AUTOMOUNT, STATX_BASIC_STATS = -100, 0x800, 0x7FF


def statx(path, flags):
    buf = ctypes.create_string_buffer(256)
    res = libc.syscall(ctypes.c_long(NR_STATX), ctypes.c_long(AT_FDCWD), ctypes.c_char_p(path),
                       ctypes.c_long(flags), ctypes.c_long(STATX_BASIC_STATS), buf)
    return 0 if res == 0 else ctypes.get_errno()


plain, automount = statx(b"/", 0), statx(b"/", AT_NO_AUTOMOUNT)
print(f"statx(\"/\", 0) -> {os.strerror(plain) if plain else 'ok'}; "
      f"statx(\"/\", AT_NO_AUTOMOUNT) -> {os.strerror(automount) if automount else 'ok'}")
raise SystemExit(0 if plain == 0 and automount == 22 else 1)
