#!/usr/bin/env bash
# Hako machine set-up — run by ./test.sh and ./run.sh; safe to re-run.
#
#   1. installs the Debian packages Hako needs that are missing
#      (one `apt-get update`, only when something is missing; noninteractive);
#   2. installs /etc/docker/daemon.json from policies/docker/daemon.json when
#      there is none (registers the gVisor runtime `runsc`); an existing file is
#      never touched;
#   3. makes sure a docker engine answers: if `docker info` fails, starts
#      Debian's dockerd in the background (log: /var/log/hako-dockerd.log) and
#      waits for it, bounded by HAKO_DOCKERD_TIMEOUT seconds (default 60);
#   4. checks that the docker CLI found in PATH talks to that engine;
#   5. gives user dockremap (userns-remap=default) its subordinate id ranges;
#   6. prepares the unprivileged user of the rootless-Podman tests
#      (scripts/setup-rootless.sh, docs/rootless.md).
#
# Run it (`scripts/setup.sh`) or source it (`. scripts/setup.sh`); either way it
# does not change the caller's shell options. Needs root (or sudo) only when
# something has to be installed or started.
#
# Environment: DOCKER (CLI, default docker), HAKO_DOCKERD_TIMEOUT,
#              HAKO_DOCKERD_FLAGS (extra flags for a dockerd we start).

hako_setup() (
    set -euo pipefail

    local_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    DOCKER="${DOCKER:-docker}"
    DOCKERD_LOG=/var/log/hako-dockerd.log
    DOCKERD_TIMEOUT="${HAKO_DOCKERD_TIMEOUT:-60}"
    t0=$(date +%s)

    log()  { printf '[setup] %s\n' "$*"; }
    warn() { printf '[setup] WARNING: %s\n' "$*" >&2; }
    die()  { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }
    as_root() {
        if [ "$(id -u)" = 0 ]; then "$@"
        elif command -v sudo >/dev/null 2>&1; then sudo "$@"
        else die "need root for: $*  (run as root)"; fi
    }

    # ------------------------------------------------------------ packages
    PACKAGES=(
        build-essential cmake ninja-build
        qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
        qt6-translations-l10n   # Qt's own texts (dialog buttons) in the user's language
        fonts-ipafont-gothic    # Japanese glyphs for scripts/screenshots.sh (offscreen)
        libseccomp-dev libhttp-parser-dev libssl-dev nlohmann-json3-dev
        docker.io debootstrap runsc
        prometheus python3-botocore awscli
        clang clang-format libclang-rt-14-dev llvm
        jq iproute2 apparmor
        e2fsprogs   # mkfs.ext4: size-capped workspace images
        podman uidmap slirp4netns
    )
    # tests/integration/mcp runs the official MCP TypeScript SDK: node and npm.
    # A node from elsewhere that brings its own npm (NodeSource) is kept.
    if ! command -v npm >/dev/null 2>&1; then PACKAGES+=(nodejs npm); fi
    # One dpkg-query for all; a package it does not know is missing too.
    installed="$(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' "${PACKAGES[@]}" 2>/dev/null || true)"
    missing=()
    for p in "${PACKAGES[@]}"; do
        grep -qx "ii  $p" <<<"$installed" || missing+=("$p")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        log "installing missing packages: ${missing[*]}"
        # Services shipped by these packages (prometheus, docker, ...) must not
        # be started by their maintainer scripts: Hako needs only promtool from
        # prometheus, and we start the one daemon we need (dockerd) ourselves
        # below (through systemd where there is one).
        policy_rc_d=/usr/sbin/policy-rc.d
        created_policy=0
        if [ ! -e "$policy_rc_d" ]; then
            as_root sh -c "printf '#!/bin/sh\nexit 101\n' > $policy_rc_d && chmod 755 $policy_rc_d"
            created_policy=1
        fi
        rc=0
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q || rc=$?
        if [ "$rc" = 0 ]; then
            as_root env DEBIAN_FRONTEND=noninteractive NEEDRESTART_MODE=a apt-get install -y -q \
                --no-install-recommends \
                -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
                "${missing[@]}" || rc=$?
        fi
        if [ "$created_policy" = 1 ]; then as_root rm -f "$policy_rc_d"; fi
        [ "$rc" = 0 ] || die "apt-get failed (exit $rc) installing: ${missing[*]}"
        # Nor at the next boot: the Prometheus server is not part of Hako.
        if [[ " ${missing[*]} " == *" prometheus "* ]] && [ -d /run/systemd/system ]; then
            as_root systemctl disable prometheus.service >/dev/null 2>&1 || true
        fi
    else
        log "all ${#PACKAGES[@]} Debian packages present"
    fi

    command -v "$DOCKER" >/dev/null 2>&1 || die "docker CLI '$DOCKER' not found in PATH"

    # ------------------------------------------------------ daemon.json
    daemon_json_changed=0
    if [ ! -e /etc/docker/daemon.json ]; then
        log "installing /etc/docker/daemon.json (gVisor runtime 'runsc')"
        as_root install -D -m 0644 "$local_root/policies/docker/daemon.json" /etc/docker/daemon.json
        daemon_json_changed=1
    elif ! grep -q '"runsc"' /etc/docker/daemon.json; then
        warn "/etc/docker/daemon.json exists without a 'runsc' runtime; left unchanged."
        warn "  merge policies/docker/daemon.json into it to enable runtime=runsc (gVisor)."
    elif ! grep -q -- '--oci-seccomp' /etc/docker/daemon.json; then
        warn "/etc/docker/daemon.json registers 'runsc' without --oci-seccomp; left unchanged."
        warn "  gVisor then ignores the seccomp profile: add \"--oci-seccomp\" to its runtimeArgs."
    fi

    # ------------------------------------------------- userns-remap user
    # "userns-remap": "default" (policies/docker/daemon-userns.json, and the
    # private dockerd of tests/security/userns) maps container ids onto the
    # subordinate ranges of user dockremap.
    if ! getent passwd dockremap >/dev/null; then
        log "adding user dockremap (userns-remap=default)"
        as_root useradd --system --no-create-home --shell /usr/sbin/nologin dockremap
    fi
    for ids in /etc/subuid /etc/subgid; do
        if ! grep -q '^dockremap:' "$ids" 2>/dev/null; then
            # after every range given so far (as scripts/setup-rootless.sh does)
            start="$(awk -F: 'BEGIN { m = 100000 } { if ($2 + $3 > m) m = $2 + $3 } END { print m }' "$ids" 2>/dev/null || echo 100000)"
            log "giving dockremap the range $start:65536 in $ids"
            echo "dockremap:$start:65536" | as_root tee -a "$ids" >/dev/null
        fi
    done

    # ---------------------------------------------------------- dockerd
    docker_ok() { "$DOCKER" info >/dev/null 2>&1; }

    # Start dockerd in the background and wait for it. $@ = extra flags.
    # setsid + nohup: the daemon must outlive this script and the terminal.
    start_dockerd() {
        as_root sh -c "printf '\n=== %s hako setup.sh: dockerd %s\n' \"\$(date -u +%FT%TZ)\" '$*' >> $DOCKERD_LOG"
        as_root setsid nohup dockerd "$@" >>"$DOCKERD_LOG" 2>&1 </dev/null &
        local i
        for ((i = 0; i < DOCKERD_TIMEOUT * 2; i++)); do
            if docker_ok; then return 0; fi
            # Died early (not merely slow): give up on this flag set at once.
            if [ "$i" -ge 6 ] && ! pgrep -x dockerd >/dev/null 2>&1; then return 1; fi
            sleep 0.5
        done
        return 2
    }

    if docker_ok; then
        log "docker engine is running"
        if [ "$daemon_json_changed" = 1 ]; then
            # "runtimes" is one of dockerd's live-reloadable options: SIGHUP
            # applies the new daemon.json without stopping any container.
            pid="$(cat /var/run/docker.pid 2>/dev/null || true)"
            pid="$(cat /var/run/docker.pid 2>/dev/null || true)"
            if [ -n "$pid" ] && as_root kill -0 "$pid" 2>/dev/null; then
                as_root kill -HUP "$pid" && log "reloaded dockerd configuration (SIGHUP $pid)"
                sleep 1
            fi
        fi
    else
        if [ -n "${DOCKER_HOST:-}" ] && [ "${DOCKER_HOST}" != unix:///var/run/docker.sock ] \
           && [ "${DOCKER_HOST}" != unix:///run/docker.sock ]; then
            die "docker engine at DOCKER_HOST=$DOCKER_HOST does not answer (not starting a local one)"
        fi
        if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
            log "starting docker via systemd"
            as_root systemctl start docker.service || true
            for ((i = 0; i < DOCKERD_TIMEOUT * 2; i++)); do docker_ok && break; sleep 0.5; done
        fi
        if ! docker_ok; then
            if pgrep -x dockerd >/dev/null 2>&1; then
                # A dockerd exists but does not answer yet (still starting?).
                log "dockerd is running but not answering yet; waiting up to ${DOCKERD_TIMEOUT}s"
                for ((i = 0; i < DOCKERD_TIMEOUT * 2; i++)); do docker_ok && break; sleep 0.5; done
                docker_ok || die "dockerd (pid $(pgrep -x dockerd | tr '\n' ' ')) does not answer; see $DOCKERD_LOG"
            else
                # No dockerd: remove a stale pid file left by a killed daemon
                # (dockerd refuses to start while it exists).
                if [ -e /var/run/docker.pid ]; then as_root rm -f /var/run/docker.pid; fi
                # Flags. On a plain Debian 12 host (and on this project's
                # reference VM: ext4 root, cgroup v1, iptables-nft working)
                # dockerd's defaults are right — overlay2 storage, iptables on —
                # so none are passed. Sandboxes differ, so if the default start
                # fails we look at why and retry once with the matching fallback:
                #  * overlay2 unsupported (nested overlayfs, some container
                #    sandboxes)  -> --storage-driver=vfs (slow, but always works);
                #  * no iptables/netfilter in the sandbox -> --iptables=false
                #    --ip6tables=false --bridge=none. Safe for Hako: conversation
                #    containers run with --network none and the image build uses
                #    --network host, so the docker0 bridge/NAT is never needed.
                # HAKO_DOCKERD_FLAGS adds flags of your own on every attempt.
                read -r -a extra <<<"${HAKO_DOCKERD_FLAGS:-}"
                log "starting dockerd${extra[*]:+ ${extra[*]}} (log: $DOCKERD_LOG)"
                start_rc=0
                start_dockerd "${extra[@]}" || start_rc=$?
                if [ "$start_rc" = 1 ]; then
                    fallback=()
                    tail_log="$(tail -n 40 "$DOCKERD_LOG" 2>/dev/null || true)"
                    if grep -qiE 'overlay|graphdriver|storage driver' <<<"$tail_log"; then
                        fallback+=(--storage-driver=vfs)
                    fi
                    if grep -qiE 'iptables|nat chain|network controller|bridge' <<<"$tail_log"; then
                        fallback+=(--iptables=false --ip6tables=false --bridge=none)
                    fi
                    if [ "${#fallback[@]}" -gt 0 ]; then
                        warn "dockerd failed to start (flags: ${extra[*]:-none}); retrying with: ${fallback[*]}"
                        [ -e /var/run/docker.pid ] && ! pgrep -x dockerd >/dev/null && as_root rm -f /var/run/docker.pid
                        start_rc=0
                        start_dockerd "${extra[@]}" "${fallback[@]}" || start_rc=$?
                    fi
                fi
                if [ "$start_rc" != 0 ]; then
                    tail -n 15 "$DOCKERD_LOG" >&2 2>/dev/null || true
                    die "dockerd did not come up within ${DOCKERD_TIMEOUT}s; see $DOCKERD_LOG"
                fi
            fi
        fi
        log "docker engine is up"
    fi

    # --------------------------------------- client <-> daemon check
    # /usr/local/bin/docker may be a newer CLI than Debian's dockerd 20.10;
    # docker CLIs negotiate the API version down, verify that it really works.
    if ! ver="$("$DOCKER" version --format '{{.Client.Version}} (API {{.Client.APIVersion}}) -> engine {{.Server.Version}} (API {{.Server.APIVersion}}, min {{.Server.MinAPIVersion}})' 2>&1)"; then
        printf '%s\n' "$ver" >&2
        die "the docker CLI $(command -v "$DOCKER") cannot talk to the engine; try DOCKER=/usr/bin/docker or export DOCKER_API_VERSION=<engine API>"
    fi
    log "docker CLI $(command -v "$DOCKER") $ver"
    info="$("$DOCKER" info --format '{{.Driver}}|{{json .Runtimes}}|{{.DefaultRuntime}}|{{.CgroupVersion}}|{{json .SecurityOptions}}' 2>/dev/null || true)"
    IFS='|' read -r driver runtimes default_rt cgv secopts <<<"$info"
    log "engine: storage=$driver cgroup=v$cgv default-runtime=$default_rt security=$secopts"
    if grep -q '"runsc"' <<<"$runtimes"; then
        log "gVisor runtime 'runsc' registered (verified by scripts/build-image.sh smoke test)"
    else
        warn "runtime 'runsc' not registered with dockerd: runtime=runsc (gVisor) will not work"
    fi

    # An unprivileged user with rootless Podman (tests/integration/rootless).
    "$local_root/scripts/setup-rootless.sh"

    log "done in $(( $(date +%s) - t0 ))s"
)

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
    hako_setup "$@" || return $?
else
    hako_setup "$@"
    exit $?
fi
