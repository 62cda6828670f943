# The agent's key (HAKO_AGENT_KEY, which proves the agent to the host) is out
# of reach of tools: not in their environment, not in any process's
# environment or command line, not in a readable file, and the agent's memory
# is closed. The key, read by the host from `docker inspect`, comes in two
# halves and is joined only when searched for, from stdin.
py '
needle = sys.stdin.read().strip().encode()
report(len(needle) == 64, f"the container key is known from outside ({len(needle)} hex characters)")
report("HAKO_AGENT_KEY" not in os.environ, "no HAKO_AGENT_KEY in the tool environment")
report(needle not in b"".join(k + b"=" + v for k, v in os.environb.items()), "the key is not in the tool environment")
seen = hits = 0
for pid, part, data in proc_texts():
    if data is None:
        continue
    seen += 1
    if needle in data:
        hits += 1
        report(False, f"the key is in /proc/{pid}/{part}")
if not hits:
    report(True, f"the key is in none of {seen} readable environments and command lines")
try:
    scrubbed = needle not in open("/proc/1/environ", "rb").read()
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
    if needle in data:
        hits += 1
        report(False, "the key is in " + path)
if not hits:
    report(True, f"the key is in none of {files} readable files")
' <<<"$V_KEY_A$V_KEY_B"
