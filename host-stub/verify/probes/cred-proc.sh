# No process in the container has a credential in its environment or on its
# command line; the agent's own environment is not even readable.
py '
import re
needle = sys.stdin.read().strip().encode()
pattern = re.compile(rb"(^|\0)(AWS_[A-Z_]*|[A-Z_]*(TOKEN|SECRET|PASSWORD|API_?KEY)[A-Z_]*)=", re.I)
readable = unreadable = found = 0
for pid, part, data in proc_texts():
    if data is None:
        unreadable += part == "environ"
        continue
    readable += part == "environ"
    if needle in data:
        found += 1
        report(False, f"the canary is in /proc/{pid}/{part}")
    if part == "environ" and pattern.search(data):
        found += 1
        report(False, f"/proc/{pid}/environ has " + pattern.search(data).group(2).decode())
if not found:
    report(True, f"{readable} environments read, {unreadable} unreadable; no credential found")
# The agent makes itself non-dumpable; under gVisor that does not hide its
# environment, which was searched above with the others.
try:
    open("/proc/1/environ", "rb").read()
    gvisor = os.environ.get("V_GVISOR") == "1"
    report(gvisor, "the agent (PID 1) environment is readable" + (" under gVisor; nothing secret in it" if gvisor else ""))
    if gvisor:
        print("note: gvisor-dumpable")
except OSError as e:
    report(True, "/proc/1/environ: " + ename(e.errno))
' <<<"$V_CANARY_A$V_CANARY_B"
