# No credential file exists in the container, and no readable file holds the
# canary, an AWS secret key line or an access key ID. The agent's decoys
# (DECOYS in helpers.py) are the exception, and the agent's binary, which
# holds their template.
for path in /root/.aws /home/*/.aws /etc/boto.cfg "$HOME/.docker/config.json" "$HOME/.netrc" \
    "$HOME/.config/gcloud" /var/run/secrets /run/secrets; do
    [ -e "$path" ] && fail "$path exists" || ok "$path absent"
done
extra=$(find "$HOME/.aws" -mindepth 1 2>/dev/null | grep -vxF -e "$HOME/.aws/credentials" -e "$HOME/.aws/config")
[ -z "$extra" ] && ok "$HOME/.aws holds only the decoys" || fail "$HOME/.aws holds more than the decoys: $extra"
py '
import re
needle = sys.stdin.read().strip().encode()
agent = "/opt/hako/hako-agent"
secret = re.compile(rb"aws_secret_access_key\s*=|(?<![A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])", re.I)
files = 0
for top in ("/etc", "/opt", "/home", "/root", "/var", "/run", "/tmp", "/workspace", "/srv", "/usr/local"):
    for root, dirs, names in os.walk(top):
        for name in names:
            path = os.path.join(root, name)
            if path in DECOYS:
                continue
            try:
                if os.path.islink(path) or not os.path.isfile(path):
                    continue
                with open(path, "rb") as f:
                    data = f.read(4 << 20)
            except OSError:
                continue
            files += 1
            if needle in data:
                report(False, "canary in " + path)
            m = None if path == agent else secret.search(data)
            if m and not path.startswith("/usr/local/lib/python"):
                report(False, f"{path}: {m.group(0)[:24]!r}")
report(True, f"{files} readable files searched")
' <<<"$V_CANARY_A$V_CANARY_B"
