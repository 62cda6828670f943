# Everyday clients get no connection out either: curl straight to the
# internet, bash /dev/tcp, Python urllib.
if out=$(curl -sS -m 5 -o /dev/null https://example.com 2>&1); then fail "curl https://example.com connected"; else ok "curl https://example.com: ${out#curl: }"; fi
if timeout 5 bash -c 'exec 3<>/dev/tcp/1.1.1.1/80' 2>/dev/null; then fail "bash /dev/tcp/1.1.1.1/80 connected"; else ok "bash /dev/tcp/1.1.1.1/80: $(timeout 5 bash -c 'exec 3<>/dev/tcp/1.1.1.1/80' 2>&1 | sed 's/.*: //' | head -n 1)"; fi
py '
import urllib.request
try:
    urllib.request.urlopen("http://1.1.1.1/", timeout=5)
    report(False, "urllib http://1.1.1.1/ connected")
except Exception as e:
    report(True, "urllib http://1.1.1.1/: %s" % getattr(e, "reason", e))
'
