# Sourced by the rootless tests: the unprivileged user scripts/setup.sh creates,
# and the workspace image copied into that user's rootless Podman store.
#   HAKO_ROOTLESS_USER   (default hako-rootless)   HAKO_IMAGE (default hako/workspace-base:latest)
ROOTLESS_USER="${HAKO_ROOTLESS_USER:-hako-rootless}"
IMAGE="${HAKO_IMAGE:-hako/workspace-base:latest}"

if [ "$(id -u)" != 0 ]; then echo "SKIP: needs root to switch to $ROOTLESS_USER"; exit 77; fi
command -v podman >/dev/null || { echo "FAIL: podman is not installed (scripts/setup.sh installs it)"; exit 1; }
id "$ROOTLESS_USER" >/dev/null 2>&1 || { echo "FAIL: no user $ROOTLESS_USER (scripts/setup.sh creates it)"; exit 1; }
ROOTLESS_HOME="$(getent passwd "$ROOTLESS_USER" | cut -d: -f6)"

# as_user CMD...: CMD as the unprivileged user, in its home, with a login-like environment.
as_user() {
    (cd "$ROOTLESS_HOME" && runuser -u "$ROOTLESS_USER" -- env -i PATH=/usr/local/bin:/usr/bin:/bin \
        HOME="$ROOTLESS_HOME" USER="$ROOTLESS_USER" LANG=C.UTF-8 "$@")
}

# The same image ID in both stores, else copy it (about a minute; later runs reuse it).
ensure_rootless_image() {
    local want have
    want="$(docker image inspect -f '{{.Id}}' "$IMAGE" | sed 's/^sha256://')" || { echo "FAIL: no $IMAGE in docker"; exit 1; }
    have="$(as_user podman image inspect -f '{{.Id}}' "$IMAGE" 2>/dev/null || true)"
    if [ "$have" != "$want" ]; then
        echo "copying $IMAGE into $ROOTLESS_USER's podman store"
        docker save "$IMAGE" | as_user podman load -q || { echo "FAIL: podman load"; exit 1; }
    fi
}

# Every file a test runs must be reachable by the user (a build tree under /root is not).
require_readable() {
    local f
    for f in "$@"; do
        as_user test -r "$f" || { echo "FAIL: $ROOTLESS_USER cannot read $f (make the build tree world-readable)"; exit 1; }
    done
}
