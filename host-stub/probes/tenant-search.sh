# Nothing of the neighbour conversation is visible: not its file by name, not
# its secret by content, not its processes. The secret comes in two halves so
# that it appears in no command line until it is searched for (from stdin).
name="$V_NEIGHBOUR_FILE"
hits=$(census | awk -v name="$name" '$4 ~ "/" name "$" { print $4 }')
[ -z "$hits" ] && ok "no file named $name anywhere" || fail "found $hits"
secret="${V_SECRET_A}${V_SECRET_B}"
py '
needle = sys.stdin.read().strip().encode()
seen = 0
for top in ("/workspace", "/tmp", "/var/run/hako", "/home", "/opt", "/srv", "/mnt", "/media"):
    for root, dirs, files in os.walk(top):
        for f in files:
            try:
                with open(os.path.join(root, f), "rb") as fh:
                    data = fh.read(1 << 20)
            except OSError:
                continue
            seen += 1
            if needle in data:
                report(False, "neighbour secret in " + os.path.join(root, f))
agents = 0
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            agents += fh.read().startswith(b"/opt/hako/hako-agent")
    except OSError:
        pass
report(True, f"neighbour secret in none of {seen} readable files")
report(agents == 1, f"{agents} hako-agent process(es) visible (this container only)")
' <<<"$secret"
