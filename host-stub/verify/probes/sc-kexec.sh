# Loading a new kernel is refused.
py '
refused("kexec_load", call("kexec_load", 0, 0, 0, 0))
refused("kexec_file_load", call("kexec_file_load", -1, -1, 0, 0, 0))
'
