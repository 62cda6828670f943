# The proxy forwards to allowlisted hosts only: other hosts, look-alike names
# and the host machine itself (loopback, link-local) are refused, while an
# allowlisted host is not refused for its name (the control: a proxy that
# refused everything would fail here).
py '
for host in ("example.com", "bedrock-runtime.us-east-1.amazonaws.com.evil.example",
             "evil-bedrock-runtime.us-east-1.amazonaws.com", "bedrock-runtime.us-east-1.amazonaws.com.",
             "bedrock-runtime.amazonaws.com", "s3.amazonaws.com", "localhost", "127.0.0.1", "[::1]", "0.0.0.0",
             "host.docker.internal", "bedrock-runtime.us-east-1.amazonaws.com:8443"):
    refused_by_proxy("Host: " + host, request("/", host))
status, reason = proxy(request("/model/x/invoke", "bedrock-runtime.us-east-1.amazonaws.com", "POST"))
shown = reason or "(forwarded)"
report(status > 0 and reason not in ("host_not_allowed", "ip_literal", "bad_host", "bad_port"),
       f"control, allowlisted bedrock-runtime.us-east-1.amazonaws.com: {status} {shown}")
'
