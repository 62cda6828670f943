#!/usr/bin/env bash
# The unprivileged user that runs Hako on rootless Podman in the tests
# (tests/integration/rootless) and shows how an operator would (docs/rootless.md).
# Safe to re-run; called by scripts/setup.sh as root.
#
#   1. creates the user (HAKO_ROOTLESS_USER, default hako-rootless), in no
#      group that can reach /var/run/docker.sock;
#   2. gives it 65536 subordinate uids and gids (Podman maps container ids
#      onto them);
#   3. writes its Podman configuration: OCI runtime runc (Debian's default,
#      crun, refuses a cgroup v1/hybrid host) and native overlay storage
#      (the default it picks on first use here is the slow vfs driver).
set -euo pipefail

user="${HAKO_ROOTLESS_USER:-hako-rootless}"
log() { printf '[setup-rootless] %s\n' "$*"; }

[ "$(id -u)" = 0 ] || { log "not root: skipped"; exit 0; }
if ! id "$user" >/dev/null 2>&1; then
    useradd --create-home --shell /bin/bash --user-group "$user"
    log "created user $user"
fi
for f in /etc/subuid /etc/subgid; do
    if ! grep -q "^$user:" "$f"; then
        # The first 65536-wide range above every range already given out.
        start="$(awk -F: 'BEGIN { m = 100000 } { if ($2 + $3 > m) m = $2 + $3 } END { print m }' "$f")"
        echo "$user:$start:65536" >>"$f"
        log "$f: $user:$start:65536"
    fi
done

home="$(getent passwd "$user" | cut -d: -f6)"
conf="$home/.config/containers"
install -d -o "$user" -g "$user" -m 0700 "$home/.config" "$conf"
if [ ! -e "$conf/containers.conf" ]; then
    printf '[engine]\nruntime = "runc"\n' >"$conf/containers.conf"
fi
if [ ! -e "$conf/storage.conf" ]; then
    printf '[storage]\ndriver = "overlay"\n' >"$conf/storage.conf"
fi
chown "$user:$user" "$conf/containers.conf" "$conf/storage.conf"
log "$user ready for rootless podman ($(runuser -u "$user" -- podman --version 2>/dev/null || echo 'podman missing'))"
