# no-new-privileges is set on the tool (prctl PR_GET_NO_NEW_PRIVS), so no
# setuid program or file capability can raise its privileges.
py '
libc.prctl.restype = ctypes.c_int
nnp = libc.prctl(39, 0, 0, 0, 0)
report(nnp == 1, f"PR_GET_NO_NEW_PRIVS = {nnp}")
'
