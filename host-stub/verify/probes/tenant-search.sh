# Nothing of the neighbour conversation is visible: not its file by name, not
# its secret by content, not its processes. The secret comes in two halves so
# that it appears in no command line until it is searched for (from stdin).
name="$V_NEIGHBOUR_FILE"
hits=$(census | awk -v name="$name" '$4 ~ "/" name "$" { print $4 }')
[ -z "$hits" ] && ok "no file named $name anywhere" || fail "found $hits"
secret="${V_SECRET_A}${V_SECRET_B}"
py '
needle = sys.stdin.read().strip().encode()
seen = found = 0
for path, data in readable_files(("/workspace", "/tmp", "/var/run/hako", "/home", "/opt", "/srv", "/mnt", "/media")):
    seen += 1
    if needle in data:
        found += 1
        report(False, "neighbour secret in " + path)
agents = sum(1 for pid, part, data in proc_texts()
             if part == "cmdline" and data is not None and data.startswith(b"/opt/hako/hako-agent"))
if not found:
    report(True, f"neighbour secret in none of {seen} readable files")
report(agents == 1, f"{agents} hako-agent process(es) visible (this container only)")
' <<<"$secret"
