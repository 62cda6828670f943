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
"""
import argparse
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

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

ARGS = None
LOG_LOCK = threading.Lock()
GATES = {}
GATES_LOCK = threading.Lock()
GATE_WAIT_S = 20


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
    if access_key != ARGS.access_key:
        return False, "wrong access key"
    if ARGS.token and handler.headers.get("x-amz-security-token") != ARGS.token:
        return False, "wrong session token"
    request = AWSRequest(method=handler.command,
                         url="https://" + handler.headers["Host"] + handler.path, data=body)
    for name in signed:
        request.headers[name] = ", ".join(handler.headers.get_all(name))
    request.context["timestamp"] = handler.headers["x-amz-date"]
    signer = SigV4Auth(Credentials(ARGS.access_key, ARGS.secret_key, ARGS.token), service, region)
    expected = signer.signature(signer.string_to_sign(request, signer.canonical_request(request)),
                                request)
    return expected == fields["Signature"], "botocore recomputed"


def event_frame(payload):
    """One application/vnd.amazon.eventstream message with a :event-type header."""
    name, value = b":event-type", b"chunk"
    headers = bytes([len(name)]) + name + b"\x07" + struct.pack(">H", len(value)) + value
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
                 "body_size": len(body), "verified": verified, "why": why}
        entry.update(extra or {})
        with LOG_LOCK, open(ARGS.log, "a") as log:
            log.write(json.dumps(entry) + "\n")

    def send_json(self, status, obj):
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
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

    def handle_any(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0) or 0))
        self.interim(int(self.headers.get("X-Standin-Interim", 0) or 0))
        auth = self.headers.get("Authorization", "")
        verified, why = verify_sigv4(self, body) if auth.startswith("AWS4") else (False, "no sigv4")
        if self.path.startswith("/bytes/"):
            self.record(body, verified, why)
            return self.bytes_body(int(self.path.split("/")[2]))
        if self.path.startswith("/random/"):
            return self.random_body(body, verified, why, int(self.path.split("/")[2]))
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
                              {"verified": verified, "why": why})

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
