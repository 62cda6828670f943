#!/bin/bash
# curl over a Unix socket, the only way out of the container (the credential
# proxy listens on /var/run/hako/proxy.sock). The server is a Python stand-in.
set -eu  # no pipefail: `grep -q` ends a pipeline early by design
sock="$PWD/proxy.sock"
python3 "$1/unix-http-server.py" "$sock" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do [ -S "$sock" ] && break; sleep 0.1; done
curl -fsS --unix-socket "$sock" http://proxy.invalid/hello | grep -qx 'hello from /hello'
curl -fsS --unix-socket "$sock" -X POST --data-binary @/etc/os-release http://proxy.invalid/echo \
    | cmp - /etc/os-release
