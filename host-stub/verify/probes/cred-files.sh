# No credential file exists in the container, and no readable file holds the
# canary, an AWS secret key line or an access key ID.
for path in "$HOME/.aws" /root/.aws /home/*/.aws /etc/boto.cfg "$HOME/.docker/config.json" "$HOME/.netrc" \
    "$HOME/.git-credentials" "$HOME/.config/gcloud" /var/run/secrets /run/secrets; do
    [ -e "$path" ] && fail "$path exists" || ok "$path absent"
done
py '
import re
needle = sys.stdin.read().strip().encode()
secret = re.compile(rb"aws_secret_access_key\s*=|(?<![A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])", re.I)
files = 0
for top in ("/etc", "/opt", "/home", "/root", "/var", "/run", "/tmp", "/workspace", "/srv", "/usr/local"):
    for root, dirs, names in os.walk(top):
        for name in names:
            path = os.path.join(root, name)
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
            m = secret.search(data)
            if m and not path.startswith("/usr/local/lib/python"):
                report(False, f"{path}: {m.group(0)[:24]!r}")
report(True, f"{files} readable files searched")
' <<<"$V_CANARY_A$V_CANARY_B"
