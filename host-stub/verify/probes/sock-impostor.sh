# An impostor at the agent's socket, left running by a tool as an attacker
# would: with V_IMPOSTOR=fake a process started with setsid moves the real
# agent.sock aside and binds a fake agent there that answers the host's Hello
# with a proof (from a key it found in reach, else a made-up one), logging to
# $V_LOG what the host did; with V_IMPOSTOR=link agent.sock becomes a symbolic
# link to $V_LINK (another conversation's agent). hako-host verify then makes
# the host connect afresh and checks the impostor is refused.
agent=/var/run/hako/agent
moved=$agent/agent.sock.hako-verify
rm -f "$V_LOG"
if [ "$V_IMPOSTOR" = link ]; then
    mv "$agent/agent.sock" "$moved" && ln -s "$V_LINK" "$agent/agent.sock"
    check $? "agent.sock is now a link to $(readlink "$agent/agent.sock")"
    exit "$V_FAILED"
fi
impostor='
import hashlib, hmac, json, os, re, socket, struct, sys, time
agent, moved, log = sys.argv[1], sys.argv[2], open(sys.argv[3], "a", buffering=1)

def key_in_reach():
    """Any 64-hex-digit value in an environment a tool can read: what an attacker would try."""
    blobs = {"the tool environment": b"\0".join(k + b"=" + v for k, v in os.environb.items())}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/environ", "rb") as f:
                blobs[f"/proc/{pid}/environ"] = f.read()
        except OSError:
            pass
    for where, blob in blobs.items():
        for entry in blob.split(b"\0"):
            value = entry.partition(b"=")[2]
            if re.fullmatch(rb"[0-9a-f]{64}", value):
                return bytes.fromhex(value.decode()), where
    return None, None

def recv_exactly(conn, n):
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            return None
        data += chunk
    return data

def frame(conn):
    head = recv_exactly(conn, 9)
    if head is None:
        return None, None
    length, kind, _ = struct.unpack(">IBI", head)
    return kind, recv_exactly(conn, length)

os.rename(agent, moved)
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(agent)
os.chmod(agent, 0o777)
server.listen(4)
server.settimeout(150)
key, where = key_in_reach()
log.write("listening; key " + ("found in " + where if key else "not found") + "\n")
try:
    conn, _ = server.accept()
    conn.settimeout(10)
    log.write("the host connected\n")
    kind, payload = frame(conn)
    if kind is None:
        log.write("the host closed the connection before its Hello\n")
        sys.exit(0)
    challenge = json.loads(payload).get("challenge", "")
    log.write(f"the host sent a Hello (type {kind}) with a challenge of {len(challenge)} hex digits\n")
    if key:
        proof = hmac.new(key, b"hako-agent-proof-v1" + bytes.fromhex(challenge), hashlib.sha256).hexdigest()
    else:
        proof = os.urandom(32).hex()
    body = json.dumps({"version": 2, "agent": "hako-verify-impostor", "proof": proof}).encode()
    conn.sendall(struct.pack(">IBI", len(body), 1, 0) + body)
    log.write("answered with a " + ("proof from the key in reach" if key else "made-up proof") + "\n")
    kind, payload = frame(conn)
    log.write("the host closed the connection\n" if kind is None else f"ACCEPTED: the host sent a frame of type {kind}: {payload[:80]!r}\n")
except socket.timeout:
    log.write("no connection or frame in time\n")
except (OSError, ValueError) as e:
    log.write(f"ended: {e}\n")
finally:
    # Had the host not come, the conversation keeps its agent.
    if os.path.exists(moved):
        os.replace(moved, agent)
'
setsid nohup python3 -c "$impostor" "$agent/agent.sock" "$moved" "$V_LOG" </dev/null >/dev/null 2>&1 &
for _ in $(seq 50); do
    grep -q '^listening' "$V_LOG" 2>/dev/null && break
    sleep 0.2
done
line=$(head -n 1 "$V_LOG" 2>/dev/null)
[ -n "$line" ] && ok "a fake agent left running at $agent/agent.sock: $line" || fail "the fake agent did not start"
