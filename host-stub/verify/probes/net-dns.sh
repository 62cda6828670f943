# Names do not resolve: there is no resolver to reach.
py '
import time
for name in ("bedrock-runtime.us-east-1.amazonaws.com", "example.com"):
    start = time.monotonic()
    try:
        addrs = socket.getaddrinfo(name, 443)
        report(False, f"{name} resolved to {addrs[0][4][0]}")
    except socket.gaierror as e:
        report(True, f"{name}: {e.strerror} after {time.monotonic() - start:.1f} s")
'
