#!/bin/bash
# Usage: check-profile.sh PROFILE
# -Q parses and compiles without loading into the kernel; -T -K keep the cache out of it.
set -u
profile="$1"
parse() { apparmor_parser -Q -T -K "$1" 2>&1; }
if ! out=$(parse "$profile"); then echo "FAIL: $profile does not parse: $out"; exit 1; fi
for rule in 'deny mount,' 'deny ptrace,' 'deny network inet,' 'deny network inet6,' 'deny capability,' \
            'deny /sys/fs/cgroup/**/release_agent w,' 'deny @{PROC}/sys/** w,'; do
    grep -qF -- "$rule" "$profile" || { echo "FAIL: $profile lacks: $rule"; exit 1; }
done
# The parser must be able to say no, or its yes means nothing.
tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
sed 's/deny ptrace,/deny ptrace nonsense,/' "$profile" > "$tmp"
if parse "$tmp" >/dev/null; then echo "FAIL: a broken copy of the profile parsed"; exit 1; fi
echo "apparmor profile: parses, has its deny rules, a broken copy is refused"
