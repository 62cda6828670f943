"""Runs inside a conversation container: asks for an event stream through the
proxy socket, and once the first frame is in hand opens the stand-in's gate
(a second request through the same socket) so the stand-in may send the last
frame. Prints JSON: frames received, when the first arrived, the gate answer."""
import http.client
import json
import socket
import struct
import time

SOCKET = "/var/run/hako/proxy.sock"
HOST = "bedrock-runtime.us-east-1.amazonaws.com"
UTILITY_HOST = "bedrock-runtime.us-west-2.amazonaws.com"  # the stand-in's own routes (standin.h)
MODEL = "/model/anthropic.claude-3-haiku-20240307-v1%3A0"


class UnixHTTPConnection(http.client.HTTPConnection):
    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(SOCKET)


def read_frame(response):
    prelude = response.read(4)
    if len(prelude) < 4:
        return None
    (total,) = struct.unpack(">I", prelude)
    return prelude + response.read(total - 4)


stream = UnixHTTPConnection(HOST)
stream.request("POST", MODEL + "/invoke-with-response-stream", body=b"{}",
               headers={"Content-Type": "application/json", "X-Standin-Gate": "first-frame"})
response = stream.getresponse()
frames = [read_frame(response)]
first_frame_at = time.time()
opener = UnixHTTPConnection(UTILITY_HOST)
opener.request("POST", "/gate/first-frame", body=b"{}")
gate_status = opener.getresponse().status
while True:
    frame = read_frame(response)
    if frame is None:
        break
    frames.append(frame)
print(json.dumps({"status": response.status, "frames": len(frames),
                  "first_frame_at": first_frame_at, "gate_status": gate_status,
                  "content_type": response.getheader("Content-Type")}))
