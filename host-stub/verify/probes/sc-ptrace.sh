# A tool can neither trace nor read the memory of the agent (PID 1), nor of
# another process of its own user.
py '
import time
refused("ptrace(PTRACE_SEIZE, 1)", call("ptrace", 0x4206, 1, 0, 0))
sleeper = os.fork()
if sleeper == 0:
    time.sleep(5)
    os._exit(0)
refused(f"ptrace(PTRACE_SEIZE, sibling {sleeper})", call("ptrace", 0x4206, sleeper, 0, 0), gvisor_note=True)
buf = ctypes.create_string_buffer(16)
iov = (ctypes.c_void_p * 2)(ctypes.addressof(buf), 16)
refused("process_vm_readv(1)", call("process_vm_readv", 1, ctypes.addressof(iov), 1, ctypes.addressof(iov), 1, 0))
refused("open /proc/1/mem", in_child(lambda: os.close(os.open("/proc/1/mem", os.O_RDONLY))))
os.kill(sleeper, 9)
os.waitpid(sleeper, 0)
'
