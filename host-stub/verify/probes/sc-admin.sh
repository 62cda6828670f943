# Host-wide administration calls are refused: process accounting, swap, the
# clock, host name, kernel log, I/O ports, quotas.
py '
refused("acct", call("acct", cstr("/tmp/acct")))
refused("swapon", call("swapon", cstr("/tmp/swap"), 0))
refused("clock_settime(CLOCK_REALTIME)", call("clock_settime", 0, 0))
refused("sethostname", call("sethostname", cstr("x"), 1))
buf = ctypes.create_string_buffer(256)
refused("syslog(READ_ALL)", call("syslog", 3, ctypes.addressof(buf), 256), gvisor_note=True)
if platform.machine() == "x86_64":
    refused("iopl(3)", call("iopl", 3))
    refused("ioperm", call("ioperm", 0x80, 1, 1))
refused("quotactl", call("quotactl", 0x800002, cstr("/"), 0, 0))
'
