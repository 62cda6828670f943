# File handles, which bypass path checks (the "shocker" escape), are refused.
py '
handle = ctypes.create_string_buffer(136)
ctypes.memmove(handle, (ctypes.c_uint * 1)(128), 4)
mount_id = ctypes.c_int()
refused("name_to_handle_at /etc/passwd", call("name_to_handle_at", -100, cstr("/etc/passwd"), ctypes.addressof(handle), ctypes.addressof(mount_id), 0))
fd = os.open("/", os.O_RDONLY)
refused("open_by_handle_at", call("open_by_handle_at", fd, ctypes.addressof(handle), 0))
'
