# Python helpers for the probe scripts, sent with every probe in $V_PY.
# Each attempt that might succeed runs in a forked child, so that a call that
# wrongly works (unshare, a namespace clone) cannot change the probe itself.
import ctypes
import errno
import os
import platform
import socket
import sys

NR = {
    "x86_64": dict(mount=165, umount2=166, pivot_root=155, chroot=161, reboot=169, kexec_load=246,
                   kexec_file_load=320, init_module=175, finit_module=313, delete_module=176, ptrace=101,
                   process_vm_readv=310, unshare=272, setns=308, clone=56, io_uring_setup=425,
                   userfaultfd=323, bpf=321, perf_event_open=298, add_key=248, request_key=249, keyctl=250,
                   open_by_handle_at=304, name_to_handle_at=303, acct=163, swapon=167, settimeofday=164,
                   clock_settime=227, sethostname=170, syslog=103, iopl=172, ioperm=173, quotactl=179,
                   mknodat=259, fsopen=430, open_tree=428, move_mount=429),
    "aarch64": dict(mount=40, umount2=39, pivot_root=41, chroot=51, reboot=142, kexec_load=104,
                    kexec_file_load=294, init_module=105, finit_module=273, delete_module=106, ptrace=117,
                    process_vm_readv=270, unshare=97, setns=268, clone=220, io_uring_setup=425,
                    userfaultfd=282, bpf=280, perf_event_open=241, add_key=217, request_key=218, keyctl=219,
                    open_by_handle_at=265, name_to_handle_at=264, acct=89, swapon=224, settimeofday=170,
                    clock_settime=112, sethostname=161, syslog=116, quotactl=60, mknodat=33, fsopen=430,
                    open_tree=428, move_mount=429),
}[platform.machine()]

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
FAILED = 0


def ename(err):
    return "success" if err == 0 else errno.errorcode.get(err, str(err))


def in_child(fn):
    """Runs fn() in a child; returns the errno it reports (0: it succeeded)."""
    pid = os.fork()
    if pid == 0:
        try:
            code = fn()
        except OSError as e:
            code = e.errno or 255
        except BaseException:
            code = 254
        os._exit(min(code or 0, 255))
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def call(name, *args):
    """The errno of syscall `name` with these arguments, or 0 when it succeeded."""
    def attempt():
        res = libc.syscall(ctypes.c_long(NR[name]), *[ctypes.c_long(a) for a in args])
        return 0 if res >= 0 else ctypes.get_errno()
    return in_child(attempt)


def open_socket(family, kind, proto=0):
    """The errno of socket(), 0 when it was created (and closed again: a bare socket does nothing)."""
    try:
        socket.socket(family, kind, proto).close()
        return 0
    except OSError as e:
        return e.errno


def cstr(text):
    return ctypes.cast(ctypes.c_char_p(text.encode()), ctypes.c_void_p).value


def proc_texts():
    """(pid, "environ" or "cmdline", its bytes or None when unreadable) for every process in sight."""
    for pid in sorted(filter(str.isdigit, os.listdir("/proc")), key=int):
        for part in ("environ", "cmdline"):
            try:
                with open(f"/proc/{pid}/{part}", "rb") as f:
                    yield pid, part, f.read()
            except OSError:
                yield pid, part, None


# The agent's decoys (docs/tripwires.md): fake credentials in the tools' home.
# A probe never opens them: opening one trips the wire and freezes the sandbox.
DECOYS = {os.path.join(os.environ.get("HOME", "/tmp"), p)
          for p in (".aws/credentials", ".aws/config", ".env", ".git-credentials")}


def readable_files(tops):
    """(path, its first MiB) for every file under `tops` this process can read, but the decoys."""
    for top in tops:
        for root, dirs, names in os.walk(top):
            for name in names:
                path = os.path.join(root, name)
                if path in DECOYS:
                    continue
                try:
                    with open(path, "rb") as f:
                        yield path, f.read(1 << 20)
                except OSError:
                    continue


def report(ok, text):
    global FAILED
    print(("ok: " if ok else "FAIL: ") + text)
    FAILED |= not ok


def refused(label, err, gvisor_note=False):
    """A refused call is fine; one that worked is a finding, unless gVisor's own kernel served it."""
    if err != 0:
        report(True, f"{label}: {ename(err)}")
    elif gvisor_note and os.environ.get("V_GVISOR") == "1":
        report(True, f"{label}: served inside gVisor's kernel")
        print("note: gvisor-kernel")
    else:
        report(False, f"{label}: succeeded")


def connect(family, kind, address, timeout=3):
    """'socket: EPERM', 'connect: ENETUNREACH', 'sent' or 'connected'."""
    try:
        s = socket.socket(family, kind)
    except OSError as e:
        return "socket: " + ename(e.errno)
    s.settimeout(timeout)
    try:
        if kind == socket.SOCK_DGRAM:
            s.sendto(b"\0" * 12, address)
            s.recvfrom(512)
            return "answered"
        s.connect(address)
        return "connected"
    except socket.timeout:
        return "connect: timed out"
    except OSError as e:
        return "connect: " + ename(e.errno)
    finally:
        s.close()


def egress(label, result):
    """Seccomp must refuse the socket (layer L2s: socket(AF_INET/AF_INET6) blocked); under gVisor
    without the profile, gVisor's own stack must find no way out."""
    if result in ("connected", "answered"):
        report(False, f"{label}: {result}")
    elif result.startswith("socket:"):
        report(True, f"{label}: {result}")
    elif os.environ.get("V_GVISOR") == "1":
        report(True, f"{label}: {result} (gVisor network stack, loopback only)")
        print("note: gvisor-no-oci-seccomp")
    else:
        report(False, f"{label}: {result}; socket() was allowed, so the seccomp profile does not block it")


def proxy(head, timeout=20):
    """Sends raw request bytes to the credential proxy; returns (status, reason header)."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(timeout)
    try:
        s.connect(os.environ["V_PROXY"])
        s.sendall(head)
        data = b""
        while b"\r\n\r\n" not in data and len(data) < 65536:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
    except socket.timeout:
        return 0, "no answer within %d s" % timeout
    except OSError as e:
        return -1, "proxy.sock: " + ename(e.errno)
    finally:
        s.close()
    lines = data.split(b"\r\n")
    try:
        status = int(lines[0].split()[1])
    except (IndexError, ValueError):
        return -1, "not HTTP: %r" % data[:60]
    reason = ""
    for line in lines[1:]:
        if line.lower().startswith(b"x-hako-proxy-reason:"):
            reason = line.split(b":", 1)[1].strip().decode()
    return status, reason


def request(target, host, method="GET", extra=""):
    return f"{method} {target} HTTP/1.1\r\nHost: {host}\r\n{extra}Content-Length: 0\r\n\r\n".encode()


def refused_by_proxy(label, head):
    status, reason = proxy(head)
    report(400 <= status < 500 and reason != "", f"{label}: {status} {reason}")


def done():
    sys.exit(1 if FAILED else 0)
