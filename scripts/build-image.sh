#!/usr/bin/env bash
# Build the Hako workspace image (hako/workspace-base:latest) without any
# container registry:
#
#   1. debootstrap Debian bookworm (variant minbase) into a cache directory,
#      from the mirror this machine's apt already uses (never a hard-coded host);
#   2. `docker import` that tree as hako/bookworm-base:<base-hash>;
#   3. `docker build` resources/workspace-base/ on top of it, passing the same
#      mirror as a build-arg, labelled org.hako.inputs=<inputs-hash>;
#   4. scripts/image-manifest.sh writes the image's SBOM (SPDX 2.3 JSON, every
#      dpkg package and version) and the Debian snapshot it came from into
#      $HAKO_CACHE_DIR/manifests/<inputs-hash>/ (also for a cached image that
#      has none yet: read from the image, no rebuild).
#
# Caching: the inputs hash covers the build context (Dockerfile, packages.txt,
# ...) and this script. When an image carrying that label already exists the
# script only (re)tags it and exits — a cached run takes well under a second.
# The debootstrap tree is cached per base recipe in $HAKO_CACHE_DIR.
#
# Usage: scripts/build-image.sh [--force] [--verify] [--print-mirror] [--quiet]
#   --force         rebuild everything (new debootstrap, docker build --no-cache)
#   --verify        run the smoke tests (runc + runsc) even when cached
#   --print-mirror  print the apt mirror configuration that would be used and exit
# Environment:
#   HAKO_IMAGE       image to produce           (default hako/workspace-base:latest)
#   HAKO_CACHE_DIR   debootstrap/.deb cache     (default /var/cache/hako)
#   HAKO_APT_MIRROR  override the detected Debian mirror URI
#   HAKO_APT_SECURITY_MIRROR  override the detected security mirror ("none" = none)
#   DOCKER           docker CLI to use          (default docker)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
CONTEXT="$ROOT/resources/workspace-base"
SELF="$SCRIPT_DIR/$(basename "${BASH_SOURCE[0]}")"

IMAGE="${HAKO_IMAGE:-hako/workspace-base:latest}"
CACHE_DIR="${HAKO_CACHE_DIR:-/var/cache/hako}"
DOCKER="${DOCKER:-docker}"
SUITE=bookworm
VARIANT=minbase
BASE_REPO=hako/bookworm-base
# Bump to force a fresh debootstrap tree for everybody.
BASE_RECIPE=1

FORCE=0 VERIFY=0 PRINT_MIRROR=0 QUIET=0
for arg in "$@"; do
    case "$arg" in
        --force) FORCE=1 ;;
        --verify) VERIFY=1 ;;
        --print-mirror) PRINT_MIRROR=1 ;;
        --quiet|-q) QUIET=1 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$SELF" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "build-image: unknown argument: $arg (try --help)" >&2; exit 2 ;;
    esac
done

# ---------------------------------------------------------------- helpers
T_START=$(date +%s.%N)
log()  { printf '[build-image] %s\n' "$*"; }
warn() { printf '[build-image] WARNING: %s\n' "$*" >&2; }
die()  { printf '[build-image] ERROR: %s\n' "$*" >&2; exit 1; }
now()  { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }
# run_quiet CMD...: in --quiet mode keep output in a log and show it on failure.
run_logged() {
    if [ "$QUIET" = 1 ]; then
        local out; out="$(mktemp)"
        if ! "$@" >"$out" 2>&1; then tail -n 60 "$out" >&2; rm -f "$out"; return 1; fi
        rm -f "$out"
    else
        "$@"
    fi
}

# Image reference without the tag, e.g. hako/workspace-base
case "${IMAGE##*/}" in *:*) ;; *) IMAGE="$IMAGE:latest" ;; esac
IMAGE_REPO="${IMAGE%:*}"

# ------------------------------------------------- apt mirror detection
# Print "URI SUITE" for every enabled `deb` source of the host's apt config:
# deb822 *.sources files and one-line sources.list / *.list files.
host_apt_sources() {
    local f
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -r "$f" ] || continue
        awk '
            function flush(   n, m, i, j, U, S) {
                if (types ~ /(^|[ \t])deb([ \t]|$)/ && enabled !~ /^(no|false|0)$/) {
                    n = split(uris, U, /[ \t]+/); m = split(suites, S, /[ \t]+/)
                    for (i = 1; i <= n; i++) if (U[i] != "")
                        for (j = 1; j <= m; j++) if (S[j] != "") print U[i], S[j]
                }
                types = uris = suites = last = ""; enabled = "yes"
            }
            BEGIN { enabled = "yes" }
            /^[ \t]*#/ { next }                     # comments do not end a stanza
            /^[ \t]*$/ { flush(); next }            # blank line ends a stanza
            /^[ \t]/ {                              # continuation line
                if (last == "types") types = types " " $0
                else if (last == "uris") uris = uris " " $0
                else if (last == "suites") suites = suites " " $0
                next
            }
            {
                key = tolower($0); sub(/:.*/, "", key)
                val = $0; sub(/^[^:]*:[ \t]*/, "", val)
                last = ""
                if (key == "types") { types = val; last = key }
                else if (key == "uris") { uris = val; last = key }
                else if (key == "suites") { suites = val; last = key }
                else if (key == "enabled") enabled = tolower(val)
            }
            END { flush() }' "$f"
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -r "$f" ] || continue
        awk '
            /^[ \t]*#/ || NF == 0 { next }
            $1 == "deb" {
                i = 2
                if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
                if (i + 1 <= NF) print $i, $(i + 1)
            }' "$f"
    done
}

detect_mirror() {
    local sources
    sources="$(host_apt_sources)"
    APT_MIRROR="${HAKO_APT_MIRROR:-}"
    if [ -z "$APT_MIRROR" ]; then
        APT_MIRROR="$(awk -v s="$SUITE" '$2 == s { print $1; exit }' <<<"$sources")"
    fi
    [ -n "$APT_MIRROR" ] || die "no 'deb' source for suite '$SUITE' found in /etc/apt/sources.list{,.d/*.list,.d/*.sources};
    set HAKO_APT_MIRROR to a Debian mirror URI (e.g. the one your apt uses)."
    case "$APT_MIRROR" in
        http://*|https://*) ;;
        *) die "unsupported mirror URI '$APT_MIRROR' (need http:// or https://); set HAKO_APT_MIRROR" ;;
    esac
    # bookworm-updates from the same mirror, if the host uses it.
    APT_UPDATES=0
    if awk -v u="$APT_MIRROR" -v s="$SUITE-updates" '$1 == u && $2 == s { f = 1 } END { exit !f }' <<<"$sources"; then
        APT_UPDATES=1
    fi
    APT_SECURITY_MIRROR="${HAKO_APT_SECURITY_MIRROR:-}"
    if [ -z "$APT_SECURITY_MIRROR" ]; then
        APT_SECURITY_MIRROR="$(awk -v s="$SUITE-security" '$2 == s { print $1; exit }' <<<"$sources")"
    elif [ "$APT_SECURITY_MIRROR" = none ]; then
        APT_SECURITY_MIRROR=""
    fi
    # apt options the host relies on for this mirror (e.g. a snapshot mirror
    # whose Release files are past Valid-Until, or an HTTP proxy).
    APT_OPTS=""
    local key val
    for key in Acquire::Check-Valid-Until Acquire::Check-Date Acquire::http::Proxy Acquire::https::Proxy; do
        val=""
        eval "$(apt-config shell val "$key" 2>/dev/null)" || true
        if [ -n "$val" ] && [[ "$val" != *[[:space:]]* ]]; then
            APT_OPTS+="${APT_OPTS:+ }-o $key=$val"
        fi
    done
    # debootstrap (wget) honours *_proxy from the environment only.
    if [ -z "${http_proxy:-}" ]; then
        val=""; eval "$(apt-config shell val Acquire::http::Proxy 2>/dev/null)" || true
        if [ -n "$val" ]; then export http_proxy="$val"; fi
    fi
}

# ------------------------------------------------------------ hashing
ARCH="$(dpkg --print-architecture 2>/dev/null || echo amd64)"
inputs_hash() {
    {
        printf 'suite=%s variant=%s arch=%s base-recipe=%s\n' "$SUITE" "$VARIANT" "$ARCH" "$BASE_RECIPE"
        # Every file of the build context except documentation, in a stable order.
        (cd "$CONTEXT" && find . -type f ! -name '*.md' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
        sha256sum <"$SELF"
    } | sha256sum | cut -c1-16
}
# The debootstrap tree only depends on the bootstrap recipe, not on the
# Dockerfile, so editing the Dockerfile does not re-run debootstrap.
base_hash() {
    printf 'debootstrap suite=%s variant=%s arch=%s include=%s recipe=%s\n' \
        "$SUITE" "$VARIANT" "$ARCH" "${DEBOOTSTRAP_INCLUDE:-}" "$BASE_RECIPE" | sha256sum | cut -c1-12
}

image_label() {  # image label-key -> value or empty
    "$DOCKER" image inspect -f "{{ index .Config.Labels \"$2\" }}" "$1" 2>/dev/null | sed 's/^<no value>$//' || true
}

# ------------------------------------------------------------ smoke tests
# The hardened flags the plugin passes (plugin/src/engine/containerpolicy.cpp; minus seccomp/socket mounts, which belong to
# the plugin). Fails the build if the image is not usable under them.
HARDENED=(--user 1000:1000 --read-only --network none --cap-drop ALL
          --security-opt no-new-privileges --pids-limit 100
          --tmpfs /tmp:rw,noexec,nosuid,nodev,size=512m)
SMOKE='set -e
python3 -c "import sys, venv, ensurepip; assert sys.version_info[:2] == (3, 11), sys.version"
node -e "if (!process.versions.node) process.exit(1)"
git --version >/dev/null
curl --version >/dev/null
test "$(id -u):$(id -g)" = 1000:1000
test -d /workspace && test -d /run/hako && test -d /opt/hako
suid="$(find / -xdev -perm /6000 -type f 2>/dev/null || true)"
if [ -n "$suid" ]; then echo "setuid/setgid files: $suid"; exit 1; fi
echo ok'

smoke_test() {
    local t out rc
    t=$(now)
    if out="$("$DOCKER" run --rm "${HARDENED[@]}" "$IMAGE" bash -c "$SMOKE" 2>&1)" && [ "${out##*$'\n'}" = ok ]; then
        log "smoke test (runc, hardened flags): OK ($(since "$t"))"
    else
        printf '%s\n' "$out" >&2
        die "smoke test of $IMAGE failed under runc with the hardened flags"
    fi
    # gVisor is optional (settings key runtime=runsc); report, never fail.
    if ! "$DOCKER" info --format '{{ json .Runtimes }}' 2>/dev/null | grep -q '"runsc"'; then
        warn "runsc runtime is not registered with dockerd (see policies/docker/daemon.json); gVisor unavailable"
        return 0
    fi
    t=$(now)
    rc=0
    out="$("$DOCKER" run --rm --runtime runsc "${HARDENED[@]}" "$IMAGE" \
            bash -c 'python3 -c "print(1)" >/dev/null && node -e 0 && echo ok' 2>&1)" || rc=$?
    if [ "$rc" = 0 ] && [ "${out##*$'\n'}" = ok ]; then
        log "smoke test (runsc/gVisor, hardened flags): OK ($(since "$t"))"
    else
        warn "runsc/gVisor smoke test failed (rc=$rc, $(since "$t")): $(printf '%s' "$out" | tail -n 3)"
    fi
}

# ------------------------------------------------------------ manifest
manifest() {  # manifest [--if-missing]
    local dir="$CACHE_DIR/manifests/$HASH"
    if [ "${1:-}" = --if-missing ] && [ -s "$dir/sbom.spdx.json" ] && [ -s "$dir/snapshot.json" ]; then
        return 0
    fi
    [ -n "${APT_MIRROR:-}" ] || detect_mirror
    if ! APT_MIRROR="$APT_MIRROR" SUITE="$SUITE" ROOTFS="$(base_rootfs)" DOCKER="$DOCKER" \
        "$SCRIPT_DIR/image-manifest.sh" "$IMAGE" "$dir"; then
        # A cached image stays usable without its manifest (e.g. run without root).
        [ "${1:-}" = --if-missing ] || die "writing the image manifest failed"
        warn "no manifest for $IMAGE in $dir"
    fi
}
base_rootfs() {  # the debootstrap tree the image's base was imported from, if still cached
    local base; base="$(image_label "$IMAGE" org.hako.base)"
    [ -n "$base" ] && [ -d "$CACHE_DIR/rootfs-$base" ] && printf '%s' "$CACHE_DIR/rootfs-$base"
    return 0
}

# ------------------------------------------------------------ main
if [ "$PRINT_MIRROR" = 1 ]; then
    detect_mirror
    printf 'APT_MIRROR=%s\nAPT_UPDATES=%s\nAPT_SECURITY_MIRROR=%s\nAPT_OPTS=%s\n' \
        "$APT_MIRROR" "$APT_UPDATES" "$APT_SECURITY_MIRROR" "$APT_OPTS"
    exit 0
fi

"$DOCKER" info >/dev/null 2>&1 || die "cannot talk to the docker engine with '$DOCKER' (run scripts/setup.sh first)"

HASH="$(inputs_hash)"
HASH_TAG="$IMAGE_REPO:$HASH"

# Fast path: an image built from exactly these inputs already exists.
cached_image() {
    [ "$FORCE" = 1 ] && return 1
    if [ "$(image_label "$IMAGE" org.hako.inputs)" = "$HASH" ]; then
        return 0
    fi
    if [ "$(image_label "$HASH_TAG" org.hako.inputs)" = "$HASH" ]; then
        "$DOCKER" tag "$HASH_TAG" "$IMAGE"
        return 0
    fi
    return 1
}

if cached_image; then
    log "$IMAGE is up to date (org.hako.inputs=$HASH), $(since "$T_START")"
    manifest --if-missing
    if [ "$VERIFY" = 1 ]; then smoke_test; fi
    exit 0
fi

[ "$(id -u)" = 0 ] || die "building the image needs root (debootstrap); run as root or via sudo"
command -v debootstrap >/dev/null || die "debootstrap is not installed (run scripts/setup.sh)"

# Serialise concurrent builds (./test.sh and ./run.sh at the same time).
mkdir -p "$CACHE_DIR/debs"
exec 9>"$CACHE_DIR/build-image.lock"
if ! flock -n 9; then
    log "another build is running; waiting for it"
    flock 9
fi
if cached_image; then   # built by whoever held the lock
    log "$IMAGE is up to date (org.hako.inputs=$HASH), $(since "$T_START")"
    manifest --if-missing
    exit 0
fi

detect_mirror
log "inputs hash $HASH; mirror $APT_MIRROR (updates=$APT_UPDATES, security=${APT_SECURITY_MIRROR:-none})"

# ---- 1. debootstrap (cached per recipe)
DEBOOTSTRAP_INCLUDE=""
case "$APT_MIRROR" in https://*) DEBOOTSTRAP_INCLUDE="ca-certificates" ;; esac
BASE_HASH="$(base_hash)"
BASE_TAG="$BASE_REPO:$BASE_HASH"
ROOTFS="$CACHE_DIR/rootfs-$BASE_HASH"

umount_below() {  # lazily unmount whatever a failed debootstrap left mounted
    local m
    findmnt -rn -o TARGET 2>/dev/null | awk -v p="$1/" 'index($0, p) == 1' | sort -r |
        while read -r m; do umount -l "$m" 2>/dev/null || true; done
}

if [ "$FORCE" = 1 ] || ! "$DOCKER" image inspect "$BASE_TAG" >/dev/null 2>&1; then
    if [ "$FORCE" = 1 ] || [ ! -e "$ROOTFS/.hako-complete" ]; then
        t=$(now)
        log "debootstrap $SUITE ($VARIANT, $ARCH) into $ROOTFS"
        umount_below "$ROOTFS.tmp"; rm -rf --one-file-system "$ROOTFS.tmp"
        umount_below "$ROOTFS"; rm -rf --one-file-system "$ROOTFS"
        run_logged debootstrap --variant="$VARIANT" --arch="$ARCH" --components=main \
            --cache-dir="$CACHE_DIR/debs" ${DEBOOTSTRAP_INCLUDE:+--include="$DEBOOTSTRAP_INCLUDE"} \
            "$SUITE" "$ROOTFS.tmp" "$APT_MIRROR" \
            || { umount_below "$ROOTFS.tmp"; die "debootstrap failed (mirror $APT_MIRROR)"; }
        umount_below "$ROOTFS.tmp"
        # Do not bake this host's identity or package indexes into the image;
        # docker supplies resolv.conf/hostname/hosts at run time.
        rm -rf "$ROOTFS.tmp"/var/cache/apt/archives/*.deb "$ROOTFS.tmp"/var/lib/apt/lists/* \
               "$ROOTFS.tmp"/var/log/bootstrap.log
        : >"$ROOTFS.tmp/etc/resolv.conf"
        echo localhost >"$ROOTFS.tmp/etc/hostname"
        date -u +%FT%TZ >"$ROOTFS.tmp/.hako-complete"
        mv "$ROOTFS.tmp" "$ROOTFS"
        log "debootstrap done ($(since "$t"))"
    else
        log "reusing debootstrap tree $ROOTFS"
    fi
    t=$(now)
    tar --numeric-owner --exclude=./.hako-complete -C "$ROOTFS" -c . |
        "$DOCKER" import \
            --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
            --change 'CMD ["/bin/bash"]' \
            --change "LABEL org.hako.base=$BASE_HASH" \
            - "$BASE_TAG" >/dev/null
    "$DOCKER" tag "$BASE_TAG" "$BASE_REPO:latest"
    log "imported $BASE_TAG ($(since "$t"))"
else
    log "base image $BASE_TAG exists"
fi

# ---- 2. docker build
t=$(now)
build_args=(
    --build-arg "BASE_IMAGE=$BASE_TAG"
    --build-arg "APT_MIRROR=$APT_MIRROR"
    --build-arg "APT_SECURITY_MIRROR=$APT_SECURITY_MIRROR"
    --build-arg "APT_UPDATES=$APT_UPDATES"
    --build-arg "APT_SUITE=$SUITE"
    --build-arg "APT_OPTS=$APT_OPTS"
)
for v in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY; do
    if [ -n "${!v:-}" ]; then build_args+=(--build-arg "$v=${!v}"); fi
done
no_cache=()
[ "$FORCE" = 1 ] && no_cache=(--no-cache)
log "docker build $IMAGE"
# --network host: apt inside the build reaches the mirror exactly the way the
# host does (same resolver, same routes/proxy), independent of whether the
# docker0 bridge + NAT work in this (possibly nested/sandboxed) machine.
# DOCKER_BUILDKIT=0: Debian's docker.io ships no buildx plugin; the classic
# builder is what works with every client/daemon pairing here.
DOCKER_BUILDKIT=0 run_logged "$DOCKER" build --network host --rm --force-rm "${no_cache[@]}" \
    "${build_args[@]}" \
    --label "org.hako.inputs=$HASH" --label "org.hako.base=$BASE_HASH" \
    --label "org.opencontainers.image.title=hako workspace-base" \
    -t "$IMAGE" -t "$HASH_TAG" "$CONTEXT" \
    || die "docker build failed"
log "docker build done ($(since "$t"))"

# Drop tags of earlier builds (images still used by containers stay).
"$DOCKER" images --format '{{.Repository}}:{{.Tag}}' "$IMAGE_REPO" 2>/dev/null |
    while read -r ref; do
        case "$ref" in "$IMAGE"|"$HASH_TAG"|*:'<none>') ;; *) "$DOCKER" rmi "$ref" >/dev/null 2>&1 || true ;; esac
    done
"$DOCKER" image prune -f --filter "label=org.hako.inputs" >/dev/null 2>&1 || true

size="$("$DOCKER" image inspect -f '{{ .Size }}' "$IMAGE" | awk '{ printf "%.0f MB", $1 / 1e6 }')"
log "built $IMAGE ($HASH_TAG, $size)"
smoke_test
manifest
log "total $(since "$T_START")"
