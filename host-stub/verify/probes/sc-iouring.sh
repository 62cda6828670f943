# io_uring, a second system call interface that seccomp cannot see, is refused.
py '
params = ctypes.create_string_buffer(120)
refused("io_uring_setup", call("io_uring_setup", 4, ctypes.addressof(params)), gvisor_note=True)
'
