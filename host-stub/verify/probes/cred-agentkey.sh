# The agent's key (HAKO_AGENT_KEY, which proves the agent to the host) is out
# of reach of tools: not in their environment, not in any process's
# environment or command line, not in a readable file, and the agent's memory
# is closed. The host reads the key from `docker inspect` but hands in only its
# SHA-256: the probe looks for any 64 hex digits with that digest, so the key
# itself never enters the sandbox it is tested in.
py '
import hashlib
import re
digest = os.environ.get("V_KEY_SHA256", "")
report(len(digest) == 64, f"the digest of the container key is known from outside ({len(digest)} hex characters)")
def holds_key(data):
    for run in re.finditer(rb"[0-9a-f]{64,}", data):
        text = run.group()
        if any(hashlib.sha256(text[i:i + 64]).hexdigest() == digest for i in range(len(text) - 63)):
            return True
    return False
report("HAKO_AGENT_KEY" not in os.environ, "no HAKO_AGENT_KEY in the tool environment")
report(not holds_key(b"".join(k + b"=" + v for k, v in os.environb.items())), "the key is not in the tool environment")
seen = hits = 0
for pid, part, data in proc_texts():
    if data is None:
        continue
    seen += 1
    if holds_key(data):
        hits += 1
        report(False, f"the key is in /proc/{pid}/{part}")
if not hits:
    report(True, f"the key is in none of {seen} readable environments and command lines")
try:
    scrubbed = not holds_key(open("/proc/1/environ", "rb").read())
    gvisor = os.environ.get("V_GVISOR") == "1"
    report(gvisor and scrubbed, "/proc/1/environ is readable" + (" under gVisor" if gvisor else "")
           + (", the key scrubbed from it" if scrubbed else ", the key in it"))
    if gvisor:
        print("note: gvisor-dumpable")
except OSError as e:
    report(True, "/proc/1/environ: " + ename(e.errno))
try:
    with open("/proc/1/mem", "rb") as f:
        f.seek(0x400000)
        f.read(4096)
    report(False, "/proc/1/mem is readable")
except OSError as e:
    report(e.errno in (errno.EACCES, errno.EPERM), "/proc/1/mem: " + ename(e.errno))
files = hits = 0
for path, data in readable_files(("/workspace", "/tmp", "/var/run/hako", "/opt/hako", "/etc")):
    files += 1
    if holds_key(data):
        hits += 1
        report(False, "the key is in " + path)
if not hits:
    report(True, f"the key is in none of {files} readable files")
'
