#!/bin/bash
# Runs the workload suite and the denied-call probe in a workspace container
# started the way the plugin starts one (engine/containerpolicy), under the shipped seccomp
# profile; then the probe again under a copy of the profile whose explicit
# deny rules return a marker errno, which shows that those rules (not the
# default action or a missing capability) refuse each call.
# Usage: run-seccomp-test.sh PROFILE WORKLOADS_DIR [AGENT_BINARY]
#   AGENT_BINARY (optional): a static hako-agent, mounted read-only where the
#   plugin mounts it and driven by the suite as well.
# Environment: HAKO_WORKSPACE_IMAGE (default hako/workspace-base:latest),
#              HAKO_RUNTIME (default runc).
# Exit: 0 green, 1 mismatch, 77 skipped (no docker or no image).
set -u
profile="$1"
workloads="$2"
agent="${3:-}"
image="${HAKO_WORKSPACE_IMAGE:-hako/workspace-base:latest}"
runtime="${HAKO_RUNTIME:-runc}"
marker=133  # EHWPOISON: no call in the probe returns it by itself

if ! docker info >/dev/null 2>&1; then echo "SKIP: docker is not reachable"; exit 77; fi
if ! docker image inspect "$image" >/dev/null 2>&1; then echo "SKIP: image $image is missing"; exit 77; fi

tmp="$(mktemp -d)"
names=()
cleanup() {
    for n in "${names[@]}"; do docker rm -f "$n" >/dev/null 2>&1; done
    rm -rf "$tmp"
}
trap cleanup EXIT

sed -E "s/\"errnoRet\": 1([^0-9])/\"errnoRet\": $marker\1/" "$profile" > "$tmp/marked.json"
if cmp -s "$profile" "$tmp/marked.json"; then echo "FAIL: no explicit EPERM rule found in $profile"; exit 1; fi

run() {  # run PROFILE COMMAND...: a workspace container as the plugin starts it
    local name="hako-seccomp-test-$$-$RANDOM"
    names+=("$name")
    local prof="$1"; shift
    chmod 0644 "$prof"
    docker run --name "$name" --runtime "$runtime" \
        --read-only --network none --cap-drop ALL --security-opt no-new-privileges \
        --user 1000:1000 --pids-limit 100 --memory 2g --memory-swap 2g \
        --tmpfs /tmp:rw,noexec,nosuid,nodev,size=512m \
        --tmpfs /workspace:rw,exec,nosuid,nodev,size=512m,uid=1000,gid=1000 \
        --security-opt "seccomp=$prof" \
        -v "$workloads:/suite:ro" "${agent_mount[@]}" "$image" "$@"
}

agent_mount=()
if [ -n "$agent" ]; then
    agent_mount=(-v "$agent:/opt/hako/hako-agent:ro" -e HAKO_AGENT=/opt/hako/hako-agent)
fi

failed=0
cp "$profile" "$tmp/profile.json"
run "$tmp/profile.json" bash -c 'bash /suite/run-suite.sh /workspace/run && python3 /suite/denied-probe.py' \
    || failed=1
run "$tmp/marked.json" python3 /suite/denied-probe.py --deny-errno "$marker" || failed=1
[ "$failed" -eq 0 ] && echo "seccomp integration: green" || echo "seccomp integration: FAILED"
exit "$failed"
