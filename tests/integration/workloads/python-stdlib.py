"""Python 3.11 standard library workloads: json, sqlite3, ssl, subprocess,
multiprocessing (fork and spawn), threads, files, signals, mmap."""
import concurrent.futures
import hashlib
import json
import mmap
import multiprocessing
import os
import secrets
import selectors
import shutil
import signal
import socket
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import threading
import time


def square(x):
    return x * x


def check_json():
    doc = {"a": [1, 2.5, "x", None, True], "b": {"c": "\u7bb1"}}
    with open("doc.json", "w", encoding="utf-8") as f:
        json.dump(doc, f)
    with open("doc.json", encoding="utf-8") as f:
        assert json.load(f) == doc


def check_sqlite():
    db = sqlite3.connect("test.db")
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)")
    db.executemany("INSERT INTO t (v) VALUES (?)", [(str(i),) for i in range(1000)])
    db.commit()
    assert db.execute("SELECT count(*) FROM t").fetchone()[0] == 1000
    db.close()
    mem = sqlite3.connect(":memory:")
    assert mem.execute("SELECT sqlite_version()").fetchone()[0]


def check_ssl():
    ctx = ssl.create_default_context()
    assert ctx.cert_store_stats()["x509_ca"] > 0, "no CA certificates loaded"
    assert len(ssl.RAND_bytes(16)) == 16 and len(secrets.token_bytes(16)) == 16
    assert hashlib.sha256(b"hako").hexdigest()
    # A real TLS 1.3 handshake over a socketpair, with a throwaway certificate.
    if shutil.which("openssl") is None:
        return
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                    "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", "1", "-subj", "/CN=hako.test"],
                   check=True, capture_output=True)
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain("cert.pem", "key.pem")
    client_ctx = ssl.create_default_context(cafile="cert.pem")
    a, b = socket.socketpair()

    def serve():
        with server_ctx.wrap_socket(a, server_side=True) as s:
            s.sendall(s.recv(5).upper())

    t = threading.Thread(target=serve)
    t.start()
    with client_ctx.wrap_socket(b, server_hostname="hako.test") as c:
        c.sendall(b"hello")
        assert c.recv(5) == b"HELLO"
    t.join()


def check_subprocess():
    out = subprocess.run(["bash", "-c", "echo $((6*7)); echo err >&2"], capture_output=True, text=True, check=True)
    assert out.stdout == "42\n" and out.stderr == "err\n"
    p = subprocess.Popen(["sleep", "30"], start_new_session=True)
    os.killpg(p.pid, signal.SIGTERM)
    assert p.wait(timeout=5) == -signal.SIGTERM
    try:
        subprocess.run(["sleep", "5"], timeout=0.2)
        raise AssertionError("timeout did not fire")
    except subprocess.TimeoutExpired:
        pass
    assert subprocess.check_output("ls / | wc -l", shell=True).strip()


def check_multiprocessing():
    for method in ("fork", "spawn", "forkserver"):
        ctx = multiprocessing.get_context(method)
        with ctx.Pool(2) as pool:
            assert pool.map(square, range(20)) == [x * x for x in range(20)], method
    q = multiprocessing.Queue()
    lock = multiprocessing.Lock()
    p = multiprocessing.Process(target=q.put, args=("from child",))
    p.start()
    with lock:
        assert q.get(timeout=10) == "from child"
    p.join()
    shared = multiprocessing.Value("i", 0)
    assert shared.value == 0


def check_threads():
    counter = [0]
    lock = threading.Lock()
    cond = threading.Condition()

    def work():
        for _ in range(1000):
            with lock:
                counter[0] += 1
        with cond:
            cond.notify_all()

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert counter[0] == 8000
    with concurrent.futures.ThreadPoolExecutor(4) as ex:
        assert sum(ex.map(square, range(10))) == 285
    ev = threading.Event()
    threading.Timer(0.05, ev.set).start()
    assert ev.wait(5)


def check_files_and_misc():
    with tempfile.TemporaryDirectory(dir=".") as d:
        path = os.path.join(d, "m.bin")
        with open(path, "wb") as f:
            f.write(b"\0" * 8192)
        with open(path, "r+b") as f, mmap.mmap(f.fileno(), 0) as m:
            m[0:4] = b"hako"
        os.rename(path, path + ".2")
        os.symlink(os.path.basename(path) + ".2", path)
        assert os.path.realpath(path).endswith(".2")
        os.utime(path + ".2", (0, 0))
        assert [e.name for e in os.scandir(d)]
        shutil.copytree(d, d + "-copy")
        shutil.rmtree(d + "-copy")
    with tempfile.NamedTemporaryFile() as f:
        f.write(b"x")
        f.flush()
        os.fsync(f.fileno())
    sel = selectors.DefaultSelector()
    r, w = os.pipe()
    sel.register(r, selectors.EVENT_READ)
    os.write(w, b"!")
    assert sel.select(timeout=1)
    got = []
    signal.signal(signal.SIGUSR1, lambda *a: got.append(1))
    os.kill(os.getpid(), signal.SIGUSR1)
    signal.alarm(0)
    time.sleep(0.01)
    assert got
    # Name lookups work offline for localhost only; the network is absent.
    socket.getaddrinfo("localhost", 80)
    assert os.cpu_count() and os.getloadavg() and os.uname()


def main():
    for check in (check_json, check_sqlite, check_ssl, check_subprocess, check_multiprocessing, check_threads,
                  check_files_and_misc):
        check()
        print("ok", check.__name__)


if __name__ == "__main__":
    main()
    sys.exit(0)
