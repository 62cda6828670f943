"""In-container recipe: Python's standard library over the proxy's Unix socket.
(httpx users: httpx.Client(transport=httpx.HTTPTransport(uds=SOCKET)).)
usage: client.py SOCKET"""
import http.client
import socket
import sys


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, socket_path, host):
        super().__init__(host)
        self.socket_path = socket_path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self.socket_path)


connection = UnixHTTPConnection(sys.argv[1] if len(sys.argv) > 1 else "/var/run/hako/proxy.sock",
                                "bedrock-runtime.us-east-1.amazonaws.com")
connection.request("POST", "/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke",
                   body=b'{"anthropic_version":"bedrock-2023-05-31"}',
                   headers={"Content-Type": "application/json"})
print(connection.getresponse().read().decode())
