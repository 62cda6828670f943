# bpf, perf_event_open and userfaultfd, common exploit helpers, are refused.
py '
attr = ctypes.create_string_buffer(128)
refused("bpf(BPF_MAP_CREATE)", call("bpf", 0, ctypes.addressof(attr), 128))
refused("perf_event_open", call("perf_event_open", ctypes.addressof(attr), 0, -1, -1, 0))
refused("userfaultfd", call("userfaultfd", 0))
'
