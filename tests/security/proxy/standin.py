"""Local HTTPS stand-in for bedrock-runtime, used by the proxy's security tests
and benchmarks. Loopback only.

    standin.py --cert C --key K --log LOG [--access-key A --secret-key S --token T]

Prints "PORT <n>" once listening on 127.0.0.1. Appends one JSON line per
request to LOG: method, path, headers, body size, and whether botocore
(an independent SigV4 implementation) accepts the signature. Routes:
  /model/<id>/invoke                     200 JSON {"verified": ...} (403 if not)
  /model/<id>/invoke-with-response-stream  event-stream frames with pauses; with
                                         an X-Standin-Gate: NAME header the last
                                         frame waits until /gate/NAME is requested
  /gate/<name>                           opens that gate
  /redirect                              302 to another host
  /bytes/<n>                             n bytes of body (benchmarks)
  /random/<n>                            n random bytes; their SHA-256 is logged
  anything else                          200 JSON echo of the verification
With an X-Standin-Interim: N header, N interim (1xx) responses come first.

It is also an STS stand-in: a POST on a Host starting with "sts." is
AssumeRole, which must be signed (service sts) with the base key given on the
command line. It issues fresh temporary credentials, which the Bedrock routes
then accept (and only then with their session token), and logs the role,
session name, policy and issued key ("sts"). A role ARN containing ":role/deny"
is refused with AccessDenied; one containing ":role/slow" is answered only
when /gate/sts-slow is requested (or after the gate's wait). Every logged request names the access key that
signed it ("access_key").
"""
import argparse
import base64
import binascii
import hashlib
import http.server
import json
import os
import socketserver
import ssl
import struct
import sys
import threading
import time
import urllib.parse
import uuid

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

ARGS = None
LOG_LOCK = threading.Lock()
GATES = {}
GATES_LOCK = threading.Lock()
GATE_WAIT_S = 20
ISSUED = {}  # temporary access key id -> (secret, session token)
ISSUED_LOCK = threading.Lock()


def gate(name):
    with GATES_LOCK:
        return GATES.setdefault(name, threading.Event())


def verify_sigv4(handler, body):
    """Recomputes the signature over the headers the request says it signed."""
    auth = handler.headers.get("Authorization", "")
    if not auth.startswith("AWS4-HMAC-SHA256 ") or not ARGS.access_key:
        return False, "no sigv4 authorization"
    fields = dict(part.strip().split("=", 1) for part in auth[len("AWS4-HMAC-SHA256 "):].split(","))
    access_key, date, region, service, _ = fields["Credential"].split("/")
    signed = fields["SignedHeaders"].split(";")
    for required in ("host", "x-amz-date", "x-amz-content-sha256"):
        if required not in signed:
            return False, "unsigned " + required
    if handler.headers.get("x-amz-content-sha256") != hashlib.sha256(body).hexdigest():
        return False, "payload hash mismatch"
    handler.signed_by = access_key
    with ISSUED_LOCK:
        secret, token = ISSUED.get(access_key, (None, None))
    if access_key == ARGS.access_key:
        secret, token = ARGS.secret_key, ARGS.token
    if secret is None:
        return False, "wrong access key"
    if token and handler.headers.get("x-amz-security-token") != token:
        return False, "wrong session token"
    request = AWSRequest(method=handler.command,
                         url="https://" + handler.headers["Host"] + handler.path, data=body)
    for name in signed:
        request.headers[name] = ", ".join(handler.headers.get_all(name))
    request.context["timestamp"] = handler.headers["x-amz-date"]
    signer = SigV4Auth(Credentials(access_key, secret, token), service, region)
    expected = signer.signature(signer.string_to_sign(request, signer.canonical_request(request)),
                                request)
    return expected == fields["Signature"], "botocore recomputed"


def event_frame(payload, event=b"chunk"):
    """One application/vnd.amazon.eventstream message with a :event-type header."""
    headers = b""
    for name, value in ((b":message-type", b"event"), (b":event-type", event)):
        headers += bytes([len(name)]) + name + b"\x07" + struct.pack(">H", len(value)) + value
    total = 12 + len(headers) + len(payload) + 4
    prelude = struct.pack(">II", total, len(headers))
    prelude += struct.pack(">I", binascii.crc32(prelude))
    message = prelude + headers + payload
    return message + struct.pack(">I", binascii.crc32(message))


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def record(self, body, verified, why, extra=None):
        entry = {"t": time.time(), "method": self.command, "path": self.path,
                 "headers": [[k, v] for k, v in self.headers.items()],
                 "body_size": len(body), "verified": verified, "why": why,
                 "access_key": getattr(self, "signed_by", None)}
        entry.update(extra or {})
        with LOG_LOCK, open(ARGS.log, "a") as log:
            log.write(json.dumps(entry) + "\n")

    def send_json(self, status, obj, tokens=None):
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        if tokens:
            self.send_header("X-Amzn-Bedrock-Input-Token-Count", str(tokens[0]))
            self.send_header("X-Amzn-Bedrock-Output-Token-Count", str(tokens[1]))
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def stream(self, body, verified, why):
        self.send_response(200 if verified else 403)
        self.send_header("Content-Type", "application/vnd.amazon.eventstream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        sent = []
        gate_name = self.headers.get("X-Standin-Gate")
        extra = {}
        for i in range(4):
            if i == 3 and gate_name:
                # Proof by causality: the client opens the gate only once it holds
                # the first frame, so an open gate means it arrived before this one.
                extra["gate_opened"] = gate(gate_name).wait(GATE_WAIT_S)
            frame = event_frame(json.dumps({"index": i}).encode())
            self.wfile.write(b"%x\r\n%s\r\n" % (len(frame), frame))
            self.wfile.flush()
            sent.append(time.time())
            time.sleep(0.4)
        self.wfile.write(b"0\r\n\r\n")
        extra["frames_sent"] = sent
        self.record(body, verified, why, extra)

    def token_headers(self):
        """X-Standin-Tokens: IN,OUT asks for Bedrock's token counts in the answer."""
        spec = self.headers.get("X-Standin-Tokens")
        return [int(x) for x in spec.split(",")] if spec else None

    def token_stream(self, body, verified, why, tokens):
        """A stream ending with its usage: a ConverseStream "metadata" event, or the
        last InvokeModelWithResponseStream chunk. X-Standin-Stream: oversize puts a
        message too long to be read first; broken sends a bad prelude first; late
        holds the usage back until /gate/usage is requested."""
        self.send_response(200 if verified else 403)
        self.send_header("Content-Type", "application/vnd.amazon.eventstream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        frames = [event_frame(json.dumps({"index": 0}).encode())]
        shape = self.headers.get("X-Standin-Stream", "")
        if shape == "oversize":
            frames.append(event_frame(json.dumps({"pad": "p" * 300000}).encode()))
        if shape == "broken":
            frames.insert(0, struct.pack(">II", 8, 100) + b"\0" * 8)
        if self.path.endswith("/converse-stream"):
            usage = {"usage": {"inputTokens": tokens[0], "outputTokens": tokens[1],
                               "totalTokens": tokens[0] + tokens[1]}, "metrics": {"latencyMs": 1}}
            frames.append(event_frame(json.dumps(usage).encode(), b"metadata"))
        else:
            inner = {"type": "message_stop", "amazon-bedrock-invocationMetrics": {
                "inputTokenCount": tokens[0], "outputTokenCount": tokens[1]}}
            chunk = {"bytes": base64.b64encode(json.dumps(inner).encode()).decode()}
            frames.append(event_frame(json.dumps(chunk).encode()))
        for i, frame in enumerate(frames):
            if shape == "late" and i == len(frames) - 1:
                gate("usage").wait(GATE_WAIT_S)
            # Split mid-frame, so the reader must join pieces.
            for piece in (frame[:7], frame[7:]):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")
        self.record(body, verified, why)

    def bytes_body(self, n):
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(n))
        self.end_headers()
        # Large writes: the stand-in plays a remote service, so the CPU it
        # takes from the proxy and the client on this machine is kept small.
        block = b"x" * 1048576
        while n > 0:
            self.wfile.write(block[:min(n, len(block))])
            n -= len(block)

    def random_body(self, body, verified, why, n):
        data = os.urandom(n)
        self.record(body, verified, why, {"sha256": hashlib.sha256(data).hexdigest()})
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(n))
        self.end_headers()
        self.wfile.write(data)

    def interim(self, count):
        for i in range(count):
            self.wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n" if i % 2 == 0
                             else b"HTTP/1.1 103 Early Hints\r\nLink: </x>; rel=preload\r\n\r\n")
        self.wfile.flush()

    def assume_role(self, body, verified, why):
        form = {k: v[0] for k, v in urllib.parse.parse_qs(body.decode(), keep_blank_values=True).items()}
        role = form.get("RoleArn", "")
        fields = {"role_arn": role, "session_name": form.get("RoleSessionName"),
                  "policy": form.get("Policy"), "duration": form.get("DurationSeconds"),
                  "action": form.get("Action"), "version": form.get("Version")}
        if ":role/slow" in role:
            gate("sts-slow").wait(GATE_WAIT_S)
        refused = not verified or form.get("Action") != "AssumeRole" or ":role/deny" in role
        if refused:
            code = "AccessDenied" if verified else "SignatureDoesNotMatch"
            self.record(body, verified, why, {"sts": fields})
            xml = ("<ErrorResponse><Error><Type>Sender</Type><Code>%s</Code><Message>refused</Message>"
                   "</Error></ErrorResponse>" % code).encode()
            return self.send_xml(403, xml)
        key = "ASIA" + uuid.uuid4().hex[:16].upper()
        secret, token = uuid.uuid4().hex + "/S+", "tok-" + uuid.uuid4().hex
        with ISSUED_LOCK:
            ISSUED[key] = (secret, token)
        fields["issued_key"] = key
        self.record(body, verified, why, {"sts": fields})
        expires = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + int(form["DurationSeconds"])))
        xml = ("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
               "<Credentials><AccessKeyId>%s</AccessKeyId><SecretAccessKey>%s</SecretAccessKey>"
               "<SessionToken>%s</SessionToken><Expiration>%s</Expiration></Credentials>"
               "</AssumeRoleResult></AssumeRoleResponse>" % (key, secret, token, expires)).encode()
        return self.send_xml(200, xml)

    def send_xml(self, status, data):
        self.send_response(status)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0) or 0))
        self.interim(int(self.headers.get("X-Standin-Interim", 0) or 0))
        auth = self.headers.get("Authorization", "")
        verified, why = verify_sigv4(self, body) if auth.startswith("AWS4") else (False, "no sigv4")
        if self.headers.get("Host", "").startswith("sts.") and self.command == "POST":
            return self.assume_role(body, verified, why)
        if self.path.startswith("/bytes/"):
            self.record(body, verified, why)
            return self.bytes_body(int(self.path.split("/")[2]))
        if self.path.startswith("/random/"):
            return self.random_body(body, verified, why, int(self.path.split("/")[2]))
        streamed = self.path.endswith("/invoke-with-response-stream") or self.path.endswith("/converse-stream")
        if streamed and self.token_headers():
            return self.token_stream(body, verified, why, self.token_headers())
        if self.path.endswith("/invoke-with-response-stream"):
            return self.stream(body, verified, why)
        if self.path.startswith("/gate/"):
            gate(self.path[len("/gate/"):]).set()
        self.record(body, verified, why)
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "https://evil.example.net/steal")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        return self.send_json(200 if verified or not auth.startswith("AWS4") else 403,
                              {"verified": verified, "why": why}, self.token_headers())

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = handle_any


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True

    def get_request(self):
        # Counted before the TLS handshake, which accept() runs and may fail:
        # the proxy's tests check that a refused request opened no connection.
        with LOG_LOCK, open(ARGS.log + ".connections", "a") as log:
            log.write("%f\n" % time.time())
        return super().get_request()


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    for name in ("--cert", "--key", "--log"):
        parser.add_argument(name, required=True)
    for name in ("--access-key", "--secret-key", "--token"):
        parser.add_argument(name, default=None)
    ARGS = parser.parse_args()
    server = Server(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(ARGS.cert, ARGS.key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
