#!/bin/bash
# The workload suite and the denied-call probe as an agent's tools run them:
# through the plugin (hako-host exec), in a conversation's container under the
# given OCI runtime, with the plugin's own flags, limits and seccomp layers.
# It is how integration.seccomp.runsc runs them under gVisor, where what is in
# force differs from runc (docs/seccomp-syscall-analysis.md §9): the profile
# only when runsc has --oci-seccomp, hako-agent's own layer always.
# Usage: run-seccomp-plugin.sh HAKO_HOST PROFILE WORKLOADS_DIR RUNTIME
# Environment: HAKO_WORKSPACE_IMAGE.
# Under runsc it expects the gaps docs/seccomp-syscall-analysis.md §9 lists and
# /healthz reports (runtimes.gaps): gvisor-statx-no-automount, and
# gvisor-no-oci-seccomp unless docker runs runsc with --oci-seccomp. A gap is
# reported as GAP only where it is measured, never as a pass.
# Exit: 0 green, 1 mismatch, 77 skipped (no docker, runtime or image).
set -u
host="$1"; profile="$2"; workloads="$3"; runtime="$4"
image="${HAKO_WORKSPACE_IMAGE:-hako/workspace-base:latest}"
marker=133  # as in run-seccomp-test.sh

if ! docker info >/dev/null 2>&1; then echo "SKIP: docker is not reachable"; exit 77; fi
if ! docker info --format '{{json .Runtimes}}' | grep -q "\"$runtime\""; then
    echo "SKIP: runtime $runtime is not registered with docker"; exit 77
fi
if ! docker image inspect "$image" >/dev/null 2>&1; then echo "SKIP: image $image is missing"; exit 77; fi

gaps=""
if [ "$runtime" = runsc ]; then
    gaps="gvisor-statx-no-automount"
    docker info --format "{{json (index .Runtimes \"$runtime\")}}" | grep -q -- '--oci-seccomp' \
        || gaps="$gaps gvisor-no-oci-seccomp"
    echo "expected gaps of $runtime: $gaps"
fi

tmp="$(mktemp -d)"
cleanup() {
    for run in "$tmp"/run-*; do
        [ -s "$run/instance-id" ] || continue
        ids="$(docker ps -aq --filter "label=org.hako.instance=$(cat "$run/instance-id")")"
        [ -n "$ids" ] && docker rm -f $ids >/dev/null 2>&1
    done
    # Size-capped workspaces are loop mounts.
    awk -v t="$tmp/" 'index($2, t) == 1 { print $2 }' /proc/mounts | while read -r m; do umount -l "$m"; done
    rm -rf "$tmp"
}
trap cleanup EXIT

sed -E "s/\"errnoRet\": 1([^0-9])/\"errnoRet\": $marker\1/" "$profile" > "$tmp/marked.json"
if cmp -s "$profile" "$tmp/marked.json"; then echo "FAIL: no explicit EPERM rule found in $profile"; exit 1; fi
cp "$profile" "$tmp/profile.json"
chmod 0644 "$tmp/profile.json" "$tmp/marked.json"

# conversation NAME PROFILE COMMAND: one conversation of its own host instance,
# with the suite copied into its workspace; prints what the command printed.
conversation() {
    local name="$1" prof="$2" command="$3"
    local sets=(--set "paths.workspaces=$tmp/ws-$name" --set "paths.runtime=$tmp/run-$name"
                --set "runtime=$runtime" --set "image=$image" --set "seccomp.profile=$prof"
                --set tools.timeout=900 --set tools.outputLimit=4m)
    "$host" exec "${sets[@]}" --conversation "$name" -- true || return 1
    local ws
    ws="$(find "$tmp/ws-$name" -mindepth 1 -maxdepth 1 -type d ! -name '.*' | head -n 1)"
    [ -n "$ws" ] || { echo "no workspace directory under $tmp/ws-$name"; return 1; }
    cp -r "$workloads" "$ws/suite" && chown -R --reference="$ws" "$ws/suite"
    "$host" exec "${sets[@]}" --conversation "$name" --timeout 900 -- "$command"
}

failed=0
echo "== $runtime: workload suite and probe, shipped profile"
conversation suite "$tmp/profile.json" \
    "HAKO_EXPECT_GAPS='$gaps' HAKO_AGENT=/opt/hako/hako-agent bash /workspace/suite/run-suite.sh /workspace/run && python3 /workspace/suite/denied-probe.py --expect-gaps '$gaps'" \
    || failed=1
echo "== $runtime: probe, deny rules answering errno $marker"
conversation marked "$tmp/marked.json" "python3 /workspace/suite/denied-probe.py --deny-errno $marker --expect-gaps '$gaps'" || failed=1
[ "$failed" -eq 0 ] && echo "seccomp integration ($runtime, through the plugin): green" \
                    || echo "seccomp integration ($runtime, through the plugin): FAILED"
exit "$failed"
