# Requests carrying the client's own AWS credentials are not passed through:
# the proxy drops them and signs itself, or, holding no credentials, refuses
# to send anything unsigned.
py '
fake = ("Authorization: AWS4-HMAC-SHA256 Credential=AKIAHAKOVERIFYFAKE/20240101/us-east-1/bedrock/aws4_request, "
        "SignedHeaders=host, Signature=00\r\nX-Amz-Security-Token: hako-verify-fake\r\n")
status, reason = proxy(request("/model/x/invoke", "bedrock-runtime.us-east-1.amazonaws.com", "POST", fake))
if reason == "credentials_unavailable":
    report(True, f"client-signed request: {status} {reason} (the proxy holds no credentials and sent nothing)")
elif reason in ("", "upstream_connect", "upstream_tls", "upstream_timeout", "upstream_protocol"):
    shown = reason or "(forwarded)"
    report(True, f"client-signed request: {status} {shown}: re-signed by the proxy")
    print("note: proxy-signed")
else:
    report(False, f"client-signed request: {status} {reason}")
'
