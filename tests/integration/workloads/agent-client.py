"""Drives hako-agent through its protocol (docs/protocol.md) the way the plugin
does: bash calls with persistent state, a timeout, a cancel, the editor,
write_file and read_file, after the handshake in which the agent proves the
key it was started with. Measures and checks what the agent itself needs.

Usage: agent-client.py AGENT_BINARY WORKDIR
"""
import hashlib
import hmac
import json
import os
import socket
import struct
import subprocess
import sys
import time

HELLO, CALL, DATA, DATA_END, CANCEL, STDOUT, STDERR, RESULT, ERROR, FILE_DATA = range(1, 11)


class Agent:
    def __init__(self, path, key):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.buf = b""
        self.next_id = 1
        challenge = os.urandom(32)
        self.send(HELLO, 0, {"version": 2, "challenge": challenge.hex()})
        kind, _, payload = self.recv()
        assert kind == HELLO, (kind, payload)
        proof = hmac.new(bytes.fromhex(key), b"hako-agent-proof-v1" + challenge, hashlib.sha256).hexdigest()
        assert hmac.compare_digest(json.loads(payload).get("proof", ""), proof), payload

    def send(self, kind, call_id, payload=b""):
        if not isinstance(payload, bytes):
            payload = json.dumps(payload).encode()
        self.sock.sendall(struct.pack(">IBI", len(payload), kind, call_id) + payload)

    def recv(self):
        while True:
            if len(self.buf) >= 9:
                length, kind, call_id = struct.unpack(">IBI", self.buf[:9])
                if len(self.buf) >= 9 + length:
                    payload, self.buf = self.buf[9:9 + length], self.buf[9 + length:]
                    return kind, call_id, payload
            chunk = self.sock.recv(65536)
            assert chunk, "agent closed the connection"
            self.buf += chunk

    def call(self, tool, data=None, cancel_after=None, timeout_ms=10000, output_limit=1 << 20, **inp):
        call_id, self.next_id = self.next_id, self.next_id + 1
        self.send(CALL, call_id, {"tool": tool, "input": inp, "timeout_ms": timeout_ms, "output_limit": output_limit})
        if data is not None:
            self.send(DATA, call_id, data)
            self.send(DATA_END, call_id)
        if cancel_after is not None:
            time.sleep(cancel_after)
            self.send(CANCEL, call_id)
        out = {STDOUT: b"", STDERR: b"", FILE_DATA: b""}
        while True:
            kind, got_id, payload = self.recv()
            assert got_id == call_id
            if kind in out:
                out[kind] += payload
            elif kind in (RESULT, ERROR):
                return kind, json.loads(payload), out


def main():
    agent_bin, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    sock = os.path.join(work, "agent.sock")
    key = os.urandom(32).hex()
    proc = subprocess.Popen([agent_bin, "--socket", sock, "--workspace", work,
                             "--state-dir", os.path.join(work, ".agent-state")],
                            env=dict(os.environ, HAKO_AGENT_KEY=key))
    try:
        for _ in range(100):
            if os.path.exists(sock):
                break
            time.sleep(0.05)
        a = Agent(sock, key)
        kind, res, out = a.call("bash", command="export HAKO_X=41; cd /; echo hi; echo err >&2")
        assert kind == RESULT and res["exit_code"] == 0 and out[STDOUT] == b"hi\n", (res, out)
        kind, res, out = a.call("bash", command="echo $((HAKO_X + 1)) $PWD")
        assert out[STDOUT] == b"42 /\n", out
        kind, res, out = a.call("bash", command="sleep 30 & sleep 30", timeout_ms=300)
        assert kind == RESULT and res["timed_out"], res
        kind, res, out = a.call("bash", command="sleep 30", cancel_after=0.2)
        assert kind == RESULT and res["cancelled"], res
        kind, res, out = a.call("bash", command="seq 1 100000", output_limit=1000)
        assert kind == RESULT and res["truncated"], res
        kind, res, _ = a.call("str_replace_based_edit_tool", command="create", path="notes.txt", file_text="a\nb\n")
        assert kind == RESULT, res
        kind, res, _ = a.call("str_replace_based_edit_tool", command="str_replace", path="notes.txt",
                              old_str="b", new_str="c")
        kind, res, _ = a.call("str_replace_based_edit_tool", command="view", path="notes.txt")
        assert kind == RESULT and "c" in res["output"], res
        kind, res, _ = a.call("str_replace_based_edit_tool", command="view", path="/etc/passwd")
        assert kind == ERROR and res["code"] == "path_outside_workspace", res
        kind, res, _ = a.call("write_file", data=b"\0binary\xff", path="blob.bin", max_bytes=1024)
        assert kind == RESULT, res
        kind, res, out = a.call("read_file", path="blob.bin", max_bytes=1024)
        assert kind == RESULT and out[FILE_DATA] == b"\0binary\xff", (res, out)
        kind, res, out = a.call("bash", command="echo fresh $HAKO_X", restart=True)
        assert out[STDOUT] == b"fresh\n", out
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
