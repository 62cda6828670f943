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
        HOME="$ROOTLESS_HOME" USER="$ROOTLESS_USER" LANG=C.UTF-8 ${LD_LIBRARY_PATH:+LD_LIBRARY_PATH="$LD_LIBRARY_PATH"} "$@")
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

# stage_build HAKO_HOST [EXTRA_BIN...]: a copy of what the user runs, in a
# directory it can read (the build tree may sit under root's 0700 home).
# Sets STAGE; hako-host finds ../plugins/libhako.so and ../bin/hako-agent there.
stage_build() {
    local host="$1" build; shift
    build="$(cd "$(dirname "$host")/.." && pwd)"
    STAGE="$(mktemp -d /tmp/hako-rootless-stage.XXXXXX)"
    trap 'rm -rf "$STAGE"' EXIT
    mkdir -p "$STAGE/bin" "$STAGE/plugins" "$STAGE/lib"
    cp "$host" "$build/bin/hako-agent" "$@" "$STAGE/bin/"
    cp "$build/plugins/libhako.so" "$STAGE/plugins/"
    cp -P "$build"/lib/libhakointerface.so* "$STAGE/lib/"
    chmod -R a+rX "$STAGE"
    export LD_LIBRARY_PATH="$STAGE/lib"
}
