#!/usr/bin/env python3
"""Drives hako-agent over its socket, outside any container.

As a library: `AgentClient` speaks the framing of protocol/include/hako/protocol/wire.h.
As a program: starts the agent as an ordinary process (optionally as another
uid with an RLIMIT_NPROC standing in for the container's pids limit) and runs
the behaviour checks, ending with an "N passed, N failed" line.

    python3 tests/integration/agent/agent_driver.py --agent build/bin/hako-agent [--user 1000]

The agent proves its key (HAKO_AGENT_KEY) in its Hello; the driver gives a
started agent a fresh random key, and takes the key of one it connects to from
--key or its own HAKO_AGENT_KEY.

Against the agent as PID 1 of a hardened container, with the socket and
workspace directories bind-mounted from here (owned by uid 1000):

    KEY=$(openssl rand -hex 32)
    HAKO_AGENT_KEY=$KEY docker run -d --name T -e HAKO_AGENT_KEY --network none --read-only --pids-limit 100 \
        --tmpfs /tmp:rw,noexec,nosuid,nodev --cap-drop ALL --user 1000:1000 \
        --security-opt no-new-privileges -v WS:/workspace -v RUN:/var/run/hako \
        -v AGENT:/usr/local/bin/hako-agent:ro --entrypoint /usr/local/bin/hako-agent IMAGE
    python3 tests/integration/agent/agent_driver.py --connect RUN/agent.sock --key "$KEY" --workspace WS \
        --agent-pid "$(docker inspect -f '{{.State.Pid}}' T)"

Under gVisor add --look-inside (its processes are invisible from the host) and
--no-fork-bomb --sanitized (docker's pids limit and RSS are the sandbox's).
"""
import argparse
import hashlib
import hmac
import json
import os
import random
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import traceback

HELLO, CALL, DATA, DATA_END, CANCEL, STDOUT, STDERR, RESULT, ERROR, FILE_DATA, EVENT = range(1, 12)
HEADER = struct.Struct(">IBI")
MAX_PAYLOAD = 1 << 20
CHUNK = 64 * 1024
VERSION = 2
PROOF_CONTEXT = b"hako-agent-proof-v1"
# The key of the agent under test (64 lowercase hex digits); main() sets it.
AGENT_KEY = None


def proof_for(key_hex, challenge_hex):
    """What the agent must answer to `challenge_hex` (hako/protocol/wire.h)."""
    return hmac.new(bytes.fromhex(key_hex), PROOF_CONTEXT + bytes.fromhex(challenge_hex), hashlib.sha256).hexdigest()


def hello_payload(challenge=None):
    return {"version": VERSION, "challenge": challenge if challenge is not None else os.urandom(32).hex()}


# The shape of the rules the plugin derives from the profile (plugin/src/policy/seccomplayers.cpp).
SECCOMP_RULES = [
    {"names": ["unshare", "mount"], "errnoRet": 1},
    {"names": ["socket"], "args": [{"index": 0, "value": 2, "valueTwo": 0, "op": "SCMP_CMP_EQ"}], "errnoRet": 1},
]


class Closed(Exception):
    pass


class AgentClient:
    """With hello, performs the handshake as the host does: a fresh challenge
    out, the agent's Hello back, its proof checked against `key`."""

    def __init__(self, path, hello=True, timeout=30.0, key=None):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect(path)
        self.buf = bytearray()
        self.pending = {}  # id -> list of frames not yet claimed
        self.next_id = 1
        self.agent_hello = None
        if hello:
            challenge = os.urandom(32).hex()
            self.send_json(HELLO, 0, hello_payload(challenge))
            t, i, payload = self.recv_frame()
            assert t == HELLO and i == 0, (t, i, payload)
            self.agent_hello = json.loads(payload)
            expected = proof_for(key or AGENT_KEY, challenge)
            assert hmac.compare_digest(self.agent_hello.get("proof", ""), expected), self.agent_hello

    def close(self):
        self.sock.close()

    def send(self, type_, id_, payload=b""):
        self.sock.sendall(HEADER.pack(len(payload), type_, id_) + payload)

    def send_json(self, type_, id_, obj):
        self.send(type_, id_, json.dumps(obj).encode())

    def _fill(self, n):
        while len(self.buf) < n:
            data = self.sock.recv(1 << 20)
            if not data:
                raise Closed()
            self.buf += data

    def recv_frame(self):
        self._fill(HEADER.size)
        length, type_, id_ = HEADER.unpack(self.buf[:HEADER.size])
        assert length <= MAX_PAYLOAD, length
        self._fill(HEADER.size + length)
        payload = bytes(self.buf[HEADER.size:HEADER.size + length])
        del self.buf[:HEADER.size + length]
        return type_, id_, payload

    def start(self, tool, inp, id_=None, **extra):
        if id_ is None:
            id_ = self.next_id
            self.next_id += 1
        msg = {"tool": tool, "input": inp}
        msg.update(extra)
        self.send_json(CALL, id_, msg)
        return id_

    def wait(self, id_):
        """Collects one call's frames until its Result or Error."""
        out = {"stdout": bytearray(), "stderr": bytearray(), "filedata": bytearray(), "result": None,
               "error": None, "frames": 0}
        frames = self.pending.pop(id_, [])
        while True:
            if frames:
                t, payload = frames.pop(0)
            else:
                t, i, payload = self.recv_frame()
                if i != id_:
                    self.pending.setdefault(i, []).append((t, payload))
                    continue
            out["frames"] += 1
            if t == STDOUT:
                out["stdout"] += payload
            elif t == STDERR:
                out["stderr"] += payload
            elif t == FILE_DATA:
                out["filedata"] += payload
            elif t in (RESULT, ERROR):
                out["result" if t == RESULT else "error"] = json.loads(payload)
                for key in ("stdout", "stderr", "filedata"):
                    out[key] = bytes(out[key])
                return out
            else:
                raise AssertionError("unexpected frame type %d" % t)

    def call(self, tool, inp, **extra):
        return self.wait(self.start(tool, inp, **extra))

    def bash(self, command, **extra):
        return self.call("bash", {"command": command}, **extra)

    def edit(self, **inp):
        return self.call("str_replace_based_edit_tool", inp)

    def write_file(self, path, data, max_bytes=None):
        inp = {"path": path}
        if max_bytes is not None:
            inp["max_bytes"] = max_bytes
        id_ = self.start("write_file", inp)
        for off in range(0, len(data), CHUNK):
            self.send(DATA, id_, data[off:off + CHUNK])
        self.send(DATA_END, id_)
        return self.wait(id_)

    def events(self):
        """The Event frames received so far (they arrive before the Result of the call that caused them)."""
        frames = self.pending.pop(0, [])
        self.pending[0] = [f for f in frames if f[0] != EVENT]
        return [json.loads(payload) for t, payload in frames if t == EVENT]

    def expect_fatal(self):
        """Reads until the connection closes; returns the id-0 Error seen."""
        error = None
        try:
            while True:
                t, i, payload = self.recv_frame()
                if t == ERROR and i == 0:
                    error = json.loads(payload)
        except (Closed, ConnectionResetError):
            return error


# --------------------------------------------------------------------------- checks

class Checks:
    def __init__(self, sock, ws, aws, agent_proc, pids_bounded, sanitized, look_inside, tools_unprivileged,
                 connected):
        # ws: the workspace as this script sees it; aws: as the agent sees it
        self.sock, self.ws, self.aws, self.proc = sock, ws, aws, agent_proc
        self.pids_bounded, self.sanitized, self.look_inside = pids_bounded, sanitized, look_inside
        self.tools_unprivileged, self.connected = tools_unprivileged, connected
        self.passed, self.failed = 0, 0
        self.notes = []

    def alive(self, marker):
        return group_alive(marker, self.sock if self.look_inside else None)

    def client(self, **kw):
        return AgentClient(self.sock, **kw)

    def run(self, name, fn):
        try:
            fn()
            self.passed += 1
            print("PASS", name, "(agent RSS %d KiB)" % rss_kib(self.proc.pid), flush=True)
        except Exception:
            self.failed += 1
            print("FAIL", name, flush=True)
            traceback.print_exc()

    def note(self, text):
        self.notes.append(text)
        print("  ..", text, flush=True)


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def group_alive(marker, agent_sock=None):
    """Pids of processes whose command line contains `marker` ("sleep 105").

    With agent_sock the agent itself looks (gVisor hides the sandbox's
    processes from the host); the bracket keeps the pattern from matching the
    shell that searches."""
    pattern = "[%s]%s" % (marker[0], marker[1:])
    if agent_sock:
        a = AgentClient(agent_sock)
        found = a.bash("grep -las '%s' /proc/[0-9]*/cmdline || true" % pattern.replace(" ", "."))["stdout"]
        a.close()
        return found.decode().split()
    out = subprocess.run(["pgrep", "-f", pattern], capture_output=True, text=True).stdout.split()
    return [p for p in out if int(p) != os.getpid()]


def define_checks(c):
    ws, aws = c.ws, c.aws

    def hello():
        a = c.client()
        assert a.agent_hello["version"] == VERSION and a.agent_hello["agent"] == "hako-agent 0.1", a.agent_hello
        assert a.agent_hello["seccomp"] in ("counted", "uncounted", "none"), a.agent_hello
        assert set(a.agent_hello) == {"version", "agent", "seccomp", "proof"}, a.agent_hello
        assert AGENT_KEY not in json.dumps(a.agent_hello), a.agent_hello
        a.close()

    def proof_binds_key_and_challenge():
        # The same challenge twice gets the same proof; another challenge,
        # or the same one checked against another key, does not pass.
        challenge = os.urandom(32).hex()
        proofs = []
        for _ in range(2):
            a = c.client(hello=False)
            a.send_json(HELLO, 0, hello_payload(challenge))
            t, i, payload = a.recv_frame()
            assert t == HELLO and i == 0, (t, payload)
            proofs.append(json.loads(payload)["proof"])
            a.close()
        assert proofs[0] == proofs[1] == proof_for(AGENT_KEY, challenge), proofs
        assert proofs[0] != proof_for(AGENT_KEY, os.urandom(32).hex())
        assert proofs[0] != proof_for(os.urandom(32).hex(), challenge)
        try:
            c.client(key=os.urandom(32).hex())
            passed = True
        except AssertionError:
            passed = False
        assert not passed, "a proof passed the check against another key"

    def key_stays_in_the_agent():
        # No tool inherits the key, and the agent's environment block no
        # longer holds it: it was overwritten in place, not only unset.
        a = c.client()
        r = a.bash("env; cat /proc/self/environ | tr '\\0' '\\n'")
        assert r["result"]["exit_code"] == 0, r
        assert b"HAKO_AGENT_KEY" not in r["stdout"] and AGENT_KEY.encode() not in r["stdout"], r["stdout"]
        if not c.look_inside:  # under gVisor the host cannot see the agent's memory
            with open("/proc/%d/environ" % c.proc.pid, "rb") as f:
                block = f.read()
            assert AGENT_KEY.encode() not in block, block
            assert b"HAKO_AGENT_KEY=\0" in block or b"HAKO_AGENT_KEY" not in block, block
        # A tool (same uid, not root) cannot read the agent's memory or its
        # environment: the agent is not dumpable. gVisor differs: it shows
        # /proc/1/environ to the same uid (hence the scrub), and in a docker
        # runsc container opening PID 1's environ, cmdline or mem has ended the
        # whole sandbox (exit 2), so there it is not tried.
        if c.look_inside:
            c.note("gVisor: a tool's reads of /proc/1/{environ,mem} not tried (they end the sandbox)")
        elif c.tools_unprivileged:
            pid = "1" if c.connected else str(c.proc.pid)
            r = a.bash("cat /proc/%s/environ; head -c 1 /proc/%s/mem" % (pid, pid))
            err = r["stderr"].decode(errors="replace")
            assert r["stdout"] == b"" and err.count("Permission denied") == 2, r
            c.note("a tool reading the agent's memory: %s" % err.strip().replace("\n", "; "))
        a.close()

    def bash_echo():
        a = c.client()
        r = a.bash("echo hi; echo err >&2; exit 3")
        assert r["stdout"] == b"hi\n" and r["stderr"] == b"err\n", r
        res = r["result"]
        assert res["exit_code"] == 3 and res["signal"] is None and not res["timed_out"], res
        assert res["stdout_bytes"] == 3 and res["stderr_bytes"] == 4 and not res["truncated"], res
        assert set(res) == {"exit_code", "signal", "timed_out", "oom_killed", "cancelled", "truncated",
                            "stdout_bytes", "stderr_bytes", "duration_ms"}, res
        r = a.bash("pwd")
        assert r["stdout"].decode().strip() == aws, r
        a.close()

    def persistence():
        a = c.client()
        a.call("bash", {"restart": True})
        r = a.bash("mkdir -p 'sub dir' && cd 'sub dir' && export FOO='a b\"c' && export GONE=1 && X=notexported")
        assert r["result"]["exit_code"] == 0, r
        # The same shell answers, so its unexported variables are still there.
        r = a.bash("unset GONE; pwd; echo \"$FOO\"; echo \"${X-unset}\"")
        assert r["stdout"] == (aws + "/sub dir\na b\"c\nnotexported\n").encode(), r
        r = a.bash("echo ${GONE-unset}; exit 7")
        assert r["stdout"] == b"unset\n" and r["result"]["exit_code"] == 7, r
        b = c.client()  # state belongs to the container, not the connection
        r = b.bash("pwd; echo $FOO")
        assert r["stdout"] == (aws + "/sub dir\na b\"c\n").encode(), r
        b.close()
        a.close()

    def restart():
        a = c.client()
        a.bash("cd /tmp && export FOO=1")
        r = a.call("bash", {"restart": True})
        assert r["error"] is None and r["result"]["exit_code"] == 0, r
        r = a.bash("pwd; echo ${FOO-unset}")
        assert r["stdout"] == (aws + "\nunset\n").encode(), r
        a.bash("export FOO=2")
        r = a.call("bash", {"restart": True, "command": "echo ${FOO-unset}"})
        assert r["stdout"] == b"unset\n", r
        a.close()

    def state_dir_deleted():
        # `rm -rf /` as the container user takes the shells' directory with it.
        a = c.client()
        a.bash("export KEPT=1")
        r = a.bash("rm -rf '%s'; echo gone" % c.state_dir)
        assert r["stdout"] == b"gone\n", r
        r = a.bash("echo answers")
        assert r["error"] is None and r["stdout"] == b"answers\n", r
        a.close()

    def timeout():
        a = c.client()
        t0 = time.monotonic()
        r = a.bash("sleep 101 & sleep 101; echo never", timeout_ms=1000)
        dt = time.monotonic() - t0
        res = r["result"]
        assert res["timed_out"] and res["signal"] == 9 and res["exit_code"] == 137 and not res["cancelled"], res
        assert 0.9 < dt < 3, dt
        time.sleep(0.2)
        assert not c.alive("sleep 101"), "sleep survived"
        c.note("timeout: Result after %.0f ms (duration_ms %d)" % (dt * 1000, res["duration_ms"]))
        a.close()

    def cancel():
        a = c.client()
        id_ = a.start("bash", {"command": "echo started; sleep 102"})
        time.sleep(0.3)
        a.send(CANCEL, id_)
        r = a.wait(id_)
        res = r["result"]
        assert r["stdout"] == b"started\n" and res["cancelled"] and not res["timed_out"] and res["signal"] == 9, r
        time.sleep(0.1)
        assert not c.alive("sleep 102")
        a.send(CANCEL, id_)  # late cancel for a finished call: ignored
        assert a.bash("echo ok")["stdout"] == b"ok\n"
        a.close()

    def background_group_killed():
        a = c.client()
        t0 = time.monotonic()
        r = a.bash("sleep 103 >/dev/null 2>&1 & echo bg")
        dt = time.monotonic() - t0
        assert r["stdout"] == b"bg\n" and r["result"]["exit_code"] == 0 and dt < 1, (r, dt)
        time.sleep(0.1)
        assert not c.alive("sleep 103"), "background job outlived the call"
        r = a.bash("sleep 104 & echo held")  # holds our pipes: the call still ends after the grace
        assert r["stdout"] == b"held\n", r
        time.sleep(0.1)
        assert not c.alive("sleep 104")
        r = a.bash("setsid sleep 105 >/dev/null 2>&1 < /dev/null & echo escaped")
        time.sleep(0.2)
        assert c.alive("sleep 105"), "setsid job should survive"
        a.bash("pkill -f '[s]leep 105' || true")
        a.close()

    def big_output():
        a = c.client()
        t0 = time.monotonic()
        r = a.bash("head -c 5000000 /dev/zero | tr '\\0' a; echo tail >&2", output_limit=1 << 20)
        dt = time.monotonic() - t0
        res = r["result"]
        marker = b"\n[hako: output truncated: %d bytes not shown]\n" % (5000000 - (1 << 20))
        assert r["stdout"] == b"a" * (1 << 20) + marker, (len(r["stdout"]), r["stdout"][-80:])
        assert r["stderr"] == b"tail\n", r["stderr"]
        assert res["truncated"] and res["stdout_bytes"] == 5000000 and res["stderr_bytes"] == 5, res
        c.note("5 MB output, 1 MiB cap: %d frames, %.0f ms" % (r["frames"], dt * 1000))
        a.close()

    def binary_output():
        a = c.client()
        r = a.bash("printf '\\x00\\x01\\xff\\xfe\\n'; printf '\\xc3\\x28' >&2")
        assert r["stdout"] == b"\x00\x01\xff\xfe\n" and r["stderr"] == b"\xc3\x28", r
        a.close()

    def concurrent_calls():
        a = c.client()
        b = c.client()
        slow = a.start("bash", {"command": "sleep 2; echo slow"})
        fast = a.start("bash", {"command": "echo fast"})
        other = b.start("bash", {"command": "echo other"})
        t0 = time.monotonic()
        assert a.wait(fast)["stdout"] == b"fast\n"
        assert b.wait(other)["stdout"] == b"other\n"
        assert time.monotonic() - t0 < 1.5  # did not wait for the slow call
        assert a.wait(slow)["stdout"] == b"slow\n"
        a.close()
        b.close()

    def command_bytes_arrive_intact():
        # Quotes, backslashes, newlines, a trailing backslash-newline, UTF-8 under a UTF-8
        # locale (the shell reads its pipe counting bytes whatever the locale), and a
        # command longer than the pipe holds (it goes through a file instead).
        a = c.client()
        a.bash("export LC_ALL=C.UTF-8")
        text = "h\u00e9llo w\u00f6rld \u65e5\u672c 'q' \"d\" \\ $HOME `x`"
        r = a.bash("cat <<'EOF'\n%s\nEOF\nprintf '%%s|' a\\\nb" % text)
        assert r["stdout"] == (text + "\n").encode() + b"ab|", r
        long_cmd = ": " + "x" * 70000 + "\necho long ${#PWD}"
        r = a.bash(long_cmd)
        assert r["stdout"] == b"long %d\n" % len(aws) and r["result"]["exit_code"] == 0, r
        r = a.bash("echo after")
        assert r["stdout"] == b"after\n", r
        a.bash("unset LC_ALL")
        a.close()

    def forged_status_lines_ignored():
        # Output shaped like the shell's answer, on stdout, stderr and every descriptor
        # the command can reach (the shell's saved copies of its pipes among them), does
        # not end the call or set its status.
        a = c.client()
        forged = "%s 0" % ("0" * 32)
        r = a.bash("for i in 1 2 3; do echo '%s'; echo '%s' >&2; done; "
                   "for fd in $(seq 3 70); do echo '%s' >&$fd; done 2>/dev/null; "
                   "sleep 0.2; echo real; exit 5" % (forged, forged, forged))
        assert r["result"]["exit_code"] == 5 and r["stdout"].endswith(b"real\n"), r
        assert r["stdout"].count(forged.encode()) == 3, r
        # A job that keeps writing forged lines does not answer for later commands either.
        r = a.bash("(for fd in $(seq 3 70); do echo '%s' >&$fd; done 2>/dev/null; sleep 0.05) & "
                   "sleep 0.3; echo later; exit 4" % forged)
        assert r["result"]["exit_code"] == 4 and r["stdout"] == b"later\n", r
        assert a.bash("echo ok")["stdout"] == b"ok\n"
        a.close()

    def shell_ending_commands():
        # exec, exit, traps, set -e, break and continue, closing the shell's own output or its saved copies of
        # its pipes, and functions named like the loop's builtins: each call reports what
        # happened, the next call works and still has the exported state.
        a = c.client()
        a.call("bash", {"restart": True})
        a.bash("export KEEP=kept; cd /tmp")
        rows = [("exit 9", 9, b""),
                ("exec /bin/sh -c 'echo replaced; exit 6'", 6, b"replaced\n"),
                ("set -e; false; echo not reached", 1, b""),
                ("continue; echo not reached", 0, b""),
                ("break; echo not reached", 0, b""),
                ("break 2", 0, b""),
                ("trap 'echo bye' EXIT; trap '' TERM INT HUP; echo trapped", 0, b"trapped\n"),
                ("read() { :; }; printf() { :; }; eval() { :; }; echo shadowed", 0, b"shadowed\n"),
                ("exec >&- 2>&-; echo lost", 1, b""),
                ("cat; read x; echo \"stdin $?\"", 0, b"stdin 1\n"),
                ("exec 62<&- 63>&- 10>&- 11>&- 12>&-; echo closed", None, b"closed\n")]
        for command, code, out in rows:
            r = a.bash(command, timeout_ms=10000)
            assert r["result"] is not None and code in (None, r["result"]["exit_code"]), (command, r)
            assert r["stdout"] == out and not r["result"]["timed_out"], (command, r)
            r = a.bash("echo \"$KEEP $PWD\"")
            assert r["stdout"] == b"kept /tmp\n", (command, r)
        a.call("bash", {"restart": True})
        a.close()

    def disconnect_kills():
        a = c.client()
        a.start("bash", {"command": "sleep 106"})
        time.sleep(0.3)
        assert c.alive("sleep 106")
        a.close()
        time.sleep(0.3)
        assert not c.alive("sleep 106"), "call outlived its connection"

    def editor():
        a = c.client()
        r = a.edit(command="create", path="ed/f.txt", file_text="x\n")
        assert r["error"]["code"] == "not_found", r
        a.bash("mkdir -p ed/sub/deeper/deepest && touch ed/sub/deeper/deepest/hidden_level ed/.hidden")
        r = a.edit(command="create", path="ed/f.txt", file_text="one\ntwo\nthree\ntwo\n")
        assert r["result"]["output"].startswith("File created"), r
        r = a.edit(command="view", path=aws + "/ed/f.txt")
        assert r["result"]["output"].endswith("     1\tone\n     2\ttwo\n     3\tthree\n     4\ttwo\n"), r
        r = a.edit(command="view", path="ed/f.txt", view_range=[2, 3])
        assert r["result"]["output"].endswith("     2\ttwo\n     3\tthree\n"), r
        r = a.edit(command="view", path="ed/f.txt", view_range=[3, -1])
        assert r["result"]["output"].endswith("     3\tthree\n     4\ttwo\n"), r
        for bad in ([0, 2], [2, 9], [3, 2], [1], "1,2"):
            r = a.edit(command="view", path="ed/f.txt", view_range=bad)
            assert r["error"]["code"] == "bad_request", (bad, r)
        r = a.edit(command="view", path="ed")
        out = r["result"]["output"]
        assert "ed/f.txt\n" in out and "ed/sub/\n" in out and "ed/sub/deeper/\n" in out, out
        assert "deepest" not in out and ".hidden" not in out, out
        r = a.edit(command="str_replace", path="ed/f.txt", old_str="two", new_str="2")
        assert r["error"]["code"] == "multiple_matches" and r["error"]["details"]["lines"] == [2, 4], r
        assert "2, 4" in r["error"]["message"], r
        r = a.edit(command="str_replace", path="ed/f.txt", old_str="nope", new_str="2")
        assert r["error"]["code"] == "no_match", r
        r = a.edit(command="str_replace", path="ed/f.txt", old_str="three\ntwo", new_str="3\n2")
        assert r["error"] is None and "     3\t3\n     4\t2\n" in r["result"]["output"], r
        r = a.edit(command="str_replace", path="ed/f.txt", old_str="one\n")
        assert r["error"] is None, r
        assert open(ws + "/ed/f.txt").read() == "two\n3\n2\n"
        r = a.edit(command="insert", path="ed/f.txt", insert_line=0, new_str="top")
        assert r["error"] is None, r
        r = a.edit(command="insert", path="ed/f.txt", insert_line=2, new_str="mid\nmid2")
        assert r["error"] is None, r
        r = a.edit(command="insert", path="ed/f.txt", insert_line=6, insert_text="end\n")
        assert r["error"] is None, r
        assert open(ws + "/ed/f.txt").read() == "top\ntwo\nmid\nmid2\n3\n2\nend\n", open(ws + "/ed/f.txt").read()
        r = a.edit(command="insert", path="ed/f.txt", insert_line=8, new_str="x")
        assert r["error"]["code"] == "bad_request" and r["error"]["details"]["lines"] == 7, r
        r = a.edit(command="insert", path="ed/f.txt", insert_line=-1, new_str="x")
        assert r["error"]["code"] == "bad_request", r
        with open(ws + "/ed/nonl.txt", "w") as f:
            f.write("a\nb")
        a.edit(command="insert", path="ed/nonl.txt", insert_line=2, new_str="c")
        assert open(ws + "/ed/nonl.txt").read() == "a\nb\nc\n"
        r = a.edit(command="create", path="ed/f.txt", file_text="over")
        assert r["error"] is None and open(ws + "/ed/f.txt").read() == "over"
        r = a.edit(command="create", path="ed/sub", file_text="x")
        assert r["error"]["code"] == "exists", r
        r = a.edit(command="view", path="ed/missing")
        assert r["error"]["code"] == "not_found", r
        r = a.edit(command="undo_edit", path="ed/f.txt")
        assert r["error"]["code"] == "bad_request", r
        r = a.edit(command="view")
        assert r["error"]["code"] == "bad_request", r
        r = a.edit(command="view", path="")
        assert r["error"]["code"] == "bad_request", r
        r = a.edit(command="view", path="ed/f\0.txt")
        assert r["error"]["code"] == "bad_request", r
        r = a.edit(command="str_replace", path="ed/f.txt", old_str=5)
        assert r["error"]["code"] == "bad_request", r
        # invalid UTF-8 in a file must not break the JSON reply
        with open(ws + "/ed/bin", "wb") as f:
            f.write(b"\xff\xfe\x00abc\n")
        r = a.edit(command="view", path="ed/bin")
        assert r["error"] is None and "abc" in r["result"]["output"], r
        os.mkfifo(ws + "/ed/fifo")
        r = a.edit(command="view", path="ed/fifo")  # gVisor refuses to open host FIFOs at all
        assert r["error"]["code"] in ("bad_request", "io_error"), r
        leftovers = [n for n in os.listdir(ws + "/ed") if n.startswith(".hako-")]
        assert not leftovers, leftovers
        a.close()

    def big_view_fits_frame():
        a = c.client()
        with open(ws + "/big.txt", "w") as f:
            for i in range(200000):
                f.write("\x01" * 20 + "\n")
        r = a.edit(command="view", path="big.txt")
        assert r["error"] is None and "output truncated" in r["result"]["output"], r["error"]
        r = a.edit(command="str_replace", path="big.txt", old_str="\x01", new_str="")
        assert r["error"]["code"] == "multiple_matches" and r["error"]["details"]["count"] == 4000000, r["error"]
        os.unlink(ws + "/big.txt")
        a.close()

    def confinement():
        a = c.client()
        os.symlink("/", ws + "/esc")
        os.symlink("/etc/passwd", ws + "/pw")
        os.symlink("ed", ws + "/inside")
        try:
            for path in ("esc/etc/passwd", "pw", "../etc/passwd", aws + "/../etc/passwd", "/etc/passwd",
                         aws + "x/y", "ed/../../etc/passwd"):
                r = a.edit(command="view", path=path)
                assert r["error"] and r["error"]["code"] == "path_outside_workspace", (path, r)
                r = a.call("read_file", {"path": path})
                assert r["error"] and r["error"]["code"] == "path_outside_workspace", (path, r)
            for path in ("esc/tmp/owned", "../owned", "/tmp/owned"):
                r = a.write_file(path, b"x")
                assert r["error"]["code"] == "path_outside_workspace", (path, r)
                r = a.edit(command="create", path=path, file_text="x")
                assert r["error"]["code"] == "path_outside_workspace", (path, r)
            assert not os.path.exists("/tmp/owned")
            # a link that stays inside is followed with openat2; the gVisor fallback refuses every link
            r = a.edit(command="view", path="inside/nonl.txt")
            assert r["error"] is None or r["error"]["code"] == "path_outside_workspace", r
            r = a.write_file("pw", b"replaced the link, not /etc/passwd")
            assert r["error"] is None and not os.path.islink(ws + "/pw"), r
        finally:
            for n in ("esc", "pw", "inside"):
                if os.path.lexists(ws + "/" + n):
                    os.unlink(ws + "/" + n)
        a.close()

    def file_round_trip():
        a = c.client()
        data = random.randbytes(10 * 1000 * 1000)
        t0 = time.monotonic()
        r = a.write_file("blob.bin", data)
        t1 = time.monotonic()
        assert r["result"] == {"size": len(data)}, r
        r = a.call("read_file", {"path": "blob.bin"})
        t2 = time.monotonic()
        assert r["result"] == {"size": len(data)} and r["filedata"] == data, r["result"]
        c.note("10 MB binary: write %.0f ms, read %.0f ms" % ((t1 - t0) * 1000, (t2 - t1) * 1000))
        r = a.call("read_file", {"path": "blob.bin", "max_bytes": 1000})
        assert r["error"]["code"] == "too_large" and r["frames"] == 1, r
        r = a.write_file("small.bin", b"x" * 200000, max_bytes=100000)
        assert r["error"]["code"] == "too_large", r
        assert not os.path.exists(ws + "/small.bin")
        r = a.call("read_file", {"path": "ed"})
        assert r["error"]["code"] == "bad_request", r
        r = a.call("read_file", {"path": "nothing"})
        assert r["error"]["code"] == "not_found", r
        # cancelled upload leaves nothing behind, nor does a dropped connection
        id_ = a.start("write_file", {"path": "partial.bin"})
        a.send(DATA, id_, b"y" * 1000)
        a.send(CANCEL, id_)
        assert a.wait(id_)["error"]["code"] == "cancelled"
        a.send(DATA, id_, b"late")  # crossed the Error on the wire: ignored
        b = c.client()
        id_ = b.start("write_file", {"path": "partial.bin"})
        b.send(DATA, id_, b"y" * 1000)
        b.close()
        time.sleep(0.2)
        names = os.listdir(ws)
        assert "partial.bin" not in names and not [n for n in names if n.startswith(".hako-")], names
        r = a.write_file("empty.bin", b"")
        assert r["result"] == {"size": 0}
        r = a.call("read_file", {"path": "empty.bin"})
        assert r["result"] == {"size": 0} and r["filedata"] == b""
        os.unlink(ws + "/blob.bin")
        a.close()

    def garbage_frames():
        survivor = c.client()
        cases = [
            ("unknown type", lambda a: a.send(42, 0, b"")),
            ("oversized", lambda a: a.sock.sendall(HEADER.pack(MAX_PAYLOAD + 1, CALL, 1))),
            ("bad json", lambda a: a.send(CALL, 1, b"{not json")),
            ("call id 0", lambda a: a.send_json(CALL, 0, {"tool": "bash", "input": {"command": "true"}})),
            ("agent-only type", lambda a: a.send(RESULT, 1, b"{}")),
            ("second hello", lambda a: a.send_json(HELLO, 0, hello_payload())),
            ("duplicate id", lambda a: (a.start("bash", {"command": "sleep 107"}, id_=9),
                                        a.start("bash", {"command": "true"}, id_=9))),
        ]
        for name, action in cases:
            a = c.client()
            action(a)
            err = a.expect_fatal()
            assert err and err["code"] in ("bad_frame", "bad_request", "duplicate_id"), (name, err)
            c.note("%s -> %s" % (name, err["code"]))
        challenge = os.urandom(32).hex()
        hellos = [
            (b"", "bad_frame"), (b"[]", "bad_frame"),
            (json.dumps({"version": 1}).encode(), "bad_request"),
            (json.dumps({"version": 1, "challenge": challenge}).encode(), "bad_request"),
            (json.dumps({"version": 3, "challenge": challenge}).encode(), "bad_request"),
            (json.dumps({"version": VERSION}).encode(), "bad_challenge"),
            (json.dumps({"version": VERSION, "challenge": None}).encode(), "bad_challenge"),
            (json.dumps({"version": VERSION, "challenge": 5}).encode(), "bad_challenge"),
            (json.dumps({"version": VERSION, "challenge": ""}).encode(), "bad_challenge"),
            (json.dumps({"version": VERSION, "challenge": challenge[:62]}).encode(), "bad_challenge"),
            (json.dumps({"version": VERSION, "challenge": challenge + "00"}).encode(), "bad_challenge"),
            (json.dumps({"version": VERSION, "challenge": challenge.upper()}).encode(), "bad_challenge"),
            (json.dumps({"version": VERSION, "challenge": "g" + challenge[1:]}).encode(), "bad_challenge"),
            (json.dumps({"version": VERSION, "challenge": [challenge]}).encode(), "bad_challenge"),
        ]
        for hello, code in hellos:
            a = c.client(hello=False)
            a.send(HELLO, 0, hello)
            frames = []
            try:
                while True:
                    frames.append(a.recv_frame())
            except (Closed, ConnectionResetError):
                pass
            # One id-0 Error and nothing else: no Hello, so no proof for a bad challenge.
            assert [(t, i) for t, i, _ in frames] == [(ERROR, 0)], (hello, frames)
            err = json.loads(frames[0][2])
            assert err["code"] == code, (hello, err)
            a.close()
        a = c.client(hello=False)
        a.send_json(CALL, 1, {"tool": "bash", "input": {"command": "true"}})
        assert a.expect_fatal()["code"] == "bad_request"
        time.sleep(0.2)
        assert not c.alive("sleep 107"), "duplicate-id victim left running"
        # per-call problems answer the call and keep the connection
        a = c.client()
        for req, code in ((["x"], "bad_request"), ({"input": {}}, "bad_request"),
                          ({"tool": "rm -rf", "input": {}}, "unknown_tool"),
                          ({"tool": "bash", "input": []}, "bad_request"),
                          ({"tool": "bash", "input": {"command": "true"}, "timeout_ms": -1}, "bad_request"),
                          ({"tool": "bash", "input": {"command": "true"}, "timeout_ms": 1.5}, "bad_request"),
                          ({"tool": "bash", "input": {"command": "a\0b"}}, "bad_request"),
                          ({"tool": "bash", "input": {}}, "bad_request")):
            a.send_json(CALL, 77, req)
            r = a.wait(77)
            assert r["error"]["code"] == code, (req, r)
        a.send(DATA, 555, b"nobody")
        a.send(CANCEL, 556)
        assert a.bash("echo still")["stdout"] == b"still\n"
        # deeply nested JSON must neither crash the parser nor the destructor
        deep = b'{"tool":"bash","input":{"command":"echo deep"},"x":' + b"[" * 400000 + b"]" * 400000 + b"}"
        a.send(CALL, 78, deep)
        assert a.wait(78)["stdout"] == b"deep\n"
        a.close()
        # a burst of random bytes
        for seed in range(20):
            rnd = random.Random(seed)
            a = c.client(hello=rnd.random() < 0.5)
            try:
                a.sock.sendall(rnd.randbytes(rnd.randint(1, 5000)))
                a.sock.shutdown(socket.SHUT_WR)
                a.expect_fatal()
            except (BrokenPipeError, ConnectionResetError):
                pass
            a.close()
        assert survivor.bash("echo alive")["stdout"] == b"alive\n"
        assert c.proc.poll() is None
        survivor.close()

    def slow_reader_backpressure():
        a = c.client()
        id_ = a.start("bash", {"command": "head -c 200000000 /dev/zero"}, output_limit=1 << 30)
        time.sleep(2.0)
        rss = rss_kib(c.proc.pid)
        other = c.client()
        assert other.bash("echo responsive")["stdout"] == b"responsive\n"
        other.close()
        r = a.wait(id_)
        assert r["result"]["stdout_bytes"] == 200000000 and len(r["stdout"]) == 200000000, r["result"]
        c.note("stalled reader of a 200 MB stream: agent RSS %d KiB" % rss)
        assert c.sanitized or rss < 16 * 1024, rss
        a.close()

    def seccomp_denials():
        a = c.client()
        mode = a.agent_hello.get("seccomp")
        c.note("agent seccomp layer: %s" % mode)
        probe = ("import socket,errno\n"
                 "try:\n socket.socket(socket.AF_INET)\nexcept OSError as e: print(errno.errorcode[e.errno])\n"
                 "socket.socket(socket.AF_UNIX).close(); print('unix ok')")
        r = a.bash("for i in 1 2 3; do unshare -U true; echo rc=$?; done 2>/dev/null; "
                   "/usr/bin/python3 -c \"%s\"" % probe)
        assert r["stdout"] == b"rc=1\nrc=1\nrc=1\nEPERM\nunix ok\n", r
        events = [e["syscall"] for e in a.events() if e.get("event") == "seccomp_violation"]
        c.note("events: %s" % events)
        if mode == "counted":
            assert sorted(events) == ["socket", "unshare", "unshare", "unshare"], events
        else:
            assert mode in ("uncounted", "none") and not events, (mode, events)
        a.close()

    def many_calls_rss():
        a = c.client()
        ids = [a.start("bash", {"command": "echo %d" % i}) for i in range(20)]
        for i, id_ in enumerate(ids):
            r = a.wait(id_)
            assert r["stdout"] == b"%d\n" % i, r
        a.close()

    def fork_bomb():
        if not c.pids_bounded:
            c.note("fork bomb skipped: needs a pids limit (--user, or --connect to a runc container)")
            return
        a = c.client()
        b = c.client()
        id_ = a.start("bash", {"command": "b() { b | b; }; b"}, timeout_ms=4000)
        time.sleep(1.0)
        outcomes = []
        message = None
        for _ in range(10):
            t0 = time.monotonic()
            r = b.bash("echo hi")
            dt = time.monotonic() - t0
            assert dt < 2.0, dt
            assert r["error"] is None or r["error"]["code"] == "spawn_failed", r
            outcomes.append("%s/%.0fms" % (r["error"]["code"] if r["error"] else "ok", dt * 1000))
            if r["error"]:
                message = r["error"]["message"]
        # An idle shell answers a builtin without a new process; a call that
        # needs one gets spawn_failed. Either way it answers, and fast.
        c.note("calls during the fork bomb: " + " ".join(outcomes))
        if message:
            c.note("spawn_failed message: " + message)
        bomb = a.wait(id_)["result"]
        assert bomb["timed_out"] and bomb["signal"] == 9, bomb
        t0 = time.monotonic()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            r = b.bash("echo recovered")
            if r["error"] is None:
                break
            time.sleep(0.1)
        assert r["stdout"] == b"recovered\n", r
        c.note("fork bomb timed out after %d ms; a new call ran %.0f ms later"
               % (bomb["duration_ms"], (time.monotonic() - t0) * 1000))
        a.close()
        b.close()

    for name, fn in list(locals().items()):
        if callable(fn) and name not in ("c", "ws", "aws"):
            c.run(name, fn)


class AgentProcess:
    """The agent's own pid (not a setpriv or docker wrapper's)."""

    def __init__(self, pid):
        self.pid = pid

    def poll(self):
        return None if os.path.exists("/proc/%d" % self.pid) else 1


def launch(args):
    base = tempfile.mkdtemp(prefix="hako-agent-test-")
    ws, sock, state = base + "/ws", base + "/agent.sock", base + "/state"
    os.mkdir(ws)
    rules = base + "/seccomp.json"
    with open(rules, "w") as f:
        json.dump(SECCOMP_RULES, f)
    cmd = [os.path.abspath(args.agent), "--socket", sock, "--workspace", ws, "--state-dir", state,
           "--seccomp", rules]
    if args.user is not None:
        os.chmod(base, 0o755)
        os.chown(ws, args.user, args.user)
        os.chown(base, args.user, args.user)
        cmd = ["setpriv", "--reuid", str(args.user), "--regid", str(args.user), "--clear-groups",
               "prlimit", "--nproc=100", "--"] + cmd
    env = dict(os.environ, HAKO_AGENT_KEY=AGENT_KEY)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    for _ in range(100):
        if os.path.exists(sock):
            break
        time.sleep(0.05)
    pid = int(subprocess.run(["pgrep", "-f", "--newest", "hako-agent --socket " + sock],
                             capture_output=True, text=True).stdout.split()[0])
    return base, ws, ws, sock, proc, pid


def key_required_check(checks, agent):
    """Without a valid key the agent refuses to start (exit 2, a message
    naming the variable and not echoing the value) and binds nothing."""
    base = tempfile.mkdtemp(prefix="hako-agent-nokey-")
    sock = base + "/agent.sock"
    key = os.urandom(32).hex()
    for name, value in (("unset", None), ("empty", ""), ("63 digits", key[:63]), ("65 digits", key + "0"),
                        ("uppercase", key.upper()), ("non-hex", "x" + key[1:]), ("spaces", " " + key[1:])):
        env = {k: v for k, v in os.environ.items() if k != "HAKO_AGENT_KEY"}
        if value is not None:
            env["HAKO_AGENT_KEY"] = value
        r = subprocess.run([os.path.abspath(agent), "--socket", sock, "--workspace", base, "--state-dir",
                            base + "/state"], env=env, capture_output=True, timeout=10)
        err = r.stderr.decode(errors="replace")
        ok = (r.returncode == 2 and "HAKO_AGENT_KEY" in err and not os.path.exists(sock)
              and (not value or len(value) < 16 or value[:16] not in err))
        print(("PASS" if ok else "FAIL"), "no agent without a valid key (%s): exit %d, %s"
              % (name, r.returncode, err.strip()), flush=True)
        checks.passed += ok
        checks.failed += not ok
    shutil.rmtree(base, ignore_errors=True)


def sigterm_check(checks, sock, pid, proc):
    """SIGTERM: running tools die with the agent, the socket goes away, exit 0."""
    a = AgentClient(sock)
    a.start("bash", {"command": "sleep 109"})
    time.sleep(0.3)
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 5
    while os.path.exists("/proc/%d" % pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    rc = proc.wait(timeout=5) if proc else 0  # a container's exit code is docker's to report
    time.sleep(0.1)
    ok = rc == 0 and not os.path.exists(sock) and (checks.look_inside or not group_alive("sleep 109"))
    print(("PASS" if ok else "FAIL"), "sigterm (exit %d)" % rc, flush=True)
    checks.passed += ok
    checks.failed += not ok


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--agent", help="start this agent binary as an ordinary process")
    ap.add_argument("--user", type=int, help="run the agent as this uid with RLIMIT_NPROC=100")
    ap.add_argument("--keep", action="store_true", help="leave the temporary workspace behind")
    ap.add_argument("--sanitized", action="store_true", help="an ASan build: skip the memory bound")
    ap.add_argument("--connect", metavar="SOCKET", help="use an agent that is already running (a container)")
    ap.add_argument("--agent-pid", type=int, help="with --connect: the agent's pid as seen from here")
    ap.add_argument("--key", default=os.environ.get("HAKO_AGENT_KEY"),
                    help="with --connect: the agent's HAKO_AGENT_KEY (default: this process's own)")
    ap.add_argument("--workspace", help="with --connect: the workspace as seen from here")
    ap.add_argument("--agent-workspace", default="/workspace", help="with --connect: as the agent sees it")
    ap.add_argument("--look-inside", action="store_true",
                    help="look for leftover processes through the agent (gVisor hides them from the host)")
    ap.add_argument("--no-fork-bomb", action="store_true",
                    help="skip the fork bomb (gVisor: docker's pids limit counts the sandbox's own threads)")
    args = ap.parse_args()

    global AGENT_KEY
    if args.connect:
        if not args.key:
            ap.error("--connect needs the agent's key (--key or HAKO_AGENT_KEY)")
        AGENT_KEY = args.key
    else:
        AGENT_KEY = os.urandom(32).hex()
    if args.connect:
        base, proc = None, None
        sock, ws, aws, pid = args.connect, args.workspace, args.agent_workspace, args.agent_pid
    elif args.agent:
        base, ws, aws, sock, proc, pid = launch(args)
    else:
        ap.error("give --agent or --connect")
    time.sleep(0.2)
    print("idle RSS before any call: %d KiB" % rss_kib(pid), flush=True)

    pids_bounded = (args.user is not None or args.connect is not None) and not args.no_fork_bomb
    # Tools run as the agent's uid: unprivileged with --user or in a container started with --user.
    tools_unprivileged = args.user is not None or args.connect is not None
    checks = Checks(sock, ws, aws, AgentProcess(pid), pids_bounded, args.sanitized, args.look_inside,
                    tools_unprivileged, args.connect is not None)
    # As the agent sees it: its default inside a container, the one launch() gave it here.
    checks.state_dir = base + "/state" if base else "/tmp/hako-state"
    try:
        define_checks(checks)
        time.sleep(0.5)
        print("idle RSS after the checks: %d KiB" % rss_kib(pid), flush=True)
        if args.agent:
            key_required_check(checks, args.agent)
        sigterm_check(checks, sock, pid, proc)
    finally:
        if proc and proc.poll() is None:
            os.kill(pid, signal.SIGKILL)
    if proc:
        sys.stderr.write(proc.stderr.read().decode(errors="replace"))
    if base and not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    print("%d passed, %d failed" % (checks.passed, checks.failed))
    return 0 if checks.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
