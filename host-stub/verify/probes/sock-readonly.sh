# The host's socket directory is read-only inside: nothing in /var/run/hako can
# be created, renamed, replaced, chmodded or removed (EROFS, whatever the
# permissions say; gVisor refuses some of them on permissions first). Only /var/run/hako/agent is writable: a file system of its
# own that holds almost nothing, so the sandbox cannot fill the host's disk
# through it.
py '
import stat
d, agent = "/var/run/hako", "/var/run/hako/agent"

def attempt(label, fn):
    """EROFS: the mount is read-only. gVisor checks permissions first for some calls."""
    try:
        fn()
        report(False, f"{label}: succeeded")
    except OSError as e:
        first = os.environ.get("V_GVISOR") == "1" and e.errno in (errno.EACCES, errno.EPERM)
        report(e.errno == errno.EROFS or first, f"{label}: {ename(e.errno)}")
        if first:
            print("note: gvisor-permission-first")

def bind(path):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.bind(path)
    finally:
        s.close()

attempt("create a file in /var/run/hako", lambda: os.close(os.open(d + "/hako-verify-f", os.O_CREAT | os.O_WRONLY, 0o600)))
attempt("mkdir in /var/run/hako", lambda: os.mkdir(d + "/hako-verify-d"))
attempt("symlink in /var/run/hako", lambda: os.symlink("/etc/shadow", d + "/hako-verify-l"))
attempt("bind a socket in /var/run/hako", lambda: bind(d + "/hako-verify.sock"))
attempt("rename proxy.sock", lambda: os.rename(d + "/proxy.sock", d + "/hako-verify-p"))
attempt("unlink the agent.sock link", lambda: os.unlink(d + "/agent.sock"))
attempt("unlink proxy.sock", lambda: os.unlink(d + "/proxy.sock"))
attempt("chmod proxy.sock", lambda: os.chmod(d + "/proxy.sock", 0o600))
report(stat.S_ISSOCK(os.stat(d + "/proxy.sock").st_mode), "proxy.sock is still a socket, bound by the host")
report(os.readlink(d + "/agent.sock") == "agent/agent.sock", "agent.sock -> " + os.readlink(d + "/agent.sock"))

# The agent directory: writable, and small.
fs = os.statvfs(agent)
size = fs.f_blocks * fs.f_frsize
report(0 < size <= (1 << 20), f"/var/run/hako/agent is {size // 1024} KiB, {fs.f_files} inodes")
report(os.stat(agent).st_dev != os.stat(d).st_dev, "/var/run/hako/agent is a file system of its own")
fill = agent + "/hako-verify-fill"
written = 0
try:
    with open(fill, "wb") as f:
        for _ in range(16):
            f.write(b"\0" * 65536)
            f.flush()
            os.fsync(f.fileno())
            written += 65536
    report(False, "wrote 1 MiB into /var/run/hako/agent")
except OSError as e:
    report(e.errno == errno.ENOSPC, f"a 1 MiB write into /var/run/hako/agent stopped after {written // 1024} KiB: {ename(e.errno)}")
finally:
    if os.path.exists(fill):
        os.unlink(fill)
made = []
try:
    for i in range(64):
        path = f"{agent}/hako-verify-{i}"
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        made.append(path)
    report(False, "created 64 files in /var/run/hako/agent")
except OSError as e:
    report(e.errno == errno.ENOSPC, f"file {len(made) + 1} in /var/run/hako/agent: {ename(e.errno)}")
finally:
    for path in made:
        os.unlink(path)
'
