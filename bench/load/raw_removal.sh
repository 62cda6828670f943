#!/bin/bash
# What the engine itself allows for ends: starts N bare containers of the
# workspace image (8 at a time), then removes them one way, and prints the
# removal rate. Ways: "rm B P" (`docker rm -f`, B names per command, P commands
# at once, as RemovalBatcher does), "killrm B P" (`docker kill` first, then
# `docker rm -f`, both in batches). Only containers labelled with this run's
# label are touched. Run under the bench lock:
#   flock /tmp/hako-bench.lock bench/load/raw_removal.sh 200 rm 10 4
set -eu
n=${1:?N} mode=${2:?rm|killrm} batch=${3:?names per command} parallel=${4:?commands at once}
image=${HAKO_IMAGE:-hako/workspace-base:latest}
label=org.hako.bench=raw-removal-$$
now() { date +%s.%N; }
cleanup() { docker ps -aq --filter "label=$label" | xargs -r docker rm -f >/dev/null; }
trap cleanup EXIT
load0=$(cut -d' ' -f1 /proc/loadavg)
t0=$(now)
seq 1 "$n" | xargs -P8 -I{} docker run -d --label "$label" --network none "$image" sleep infinity >/dev/null
t1=$(now)
ids=$(docker ps -aq --filter "label=$label")
count=$(echo "$ids" | wc -l)
killed=0
t2=$(now)
if [ "$mode" = killrm ]; then
    echo "$ids" | xargs -n "$batch" -P "$parallel" docker kill >/dev/null
    killed=$(printf '%.2f' "$(echo "$(now) - $t2" | bc)")
fi
echo "$ids" | xargs -n "$batch" -P "$parallel" docker rm -f >/dev/null
t3=$(now)
left=$(docker ps -aq --filter "label=$label" | wc -l)
load1=$(cut -d' ' -f1 /proc/loadavg)
start_s=$(printf '%.2f' "$(echo "$t1 - $t0" | bc)")
remove_s=$(printf '%.2f' "$(echo "$t3 - $t2" | bc)")
rate=$(printf '%.1f' "$(echo "scale=3; $count / $remove_s" | bc)")
echo "raw removal: $mode, $batch names per command, $parallel at once: $count containers removed in ${remove_s}s" \
     "(${rate}/s; the kill alone ${killed}s); started in ${start_s}s; left $left; 1-min load $load0 -> $load1"
echo "{\"mode\":\"$mode\",\"batch\":$batch,\"parallel\":$parallel,\"containers\":$count,\"remove_s\":$remove_s," \
     "\"per_s\":$rate,\"kill_s\":$killed,\"start_s\":$start_s,\"left\":$left,\"load\":[$load0,$load1]}"
