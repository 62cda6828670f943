#!/bin/bash
# bash and coreutils the way an agent's shell commands use them:
# pipelines, redirections, subshells, job control without a tty, signals.
set -eu  # no pipefail: `yes | head` and `grep -q` end pipelines early by design

seq 1 2000 | sort -rn | head -n 5 | tr '\n' ' ' | grep -q '^2000 1999'
printf 'b\na\nb\nc\n' | sort | uniq -c | awk '{s += $1} END {exit s == 4 ? 0 : 1}'
yes hako | head -n 100 | wc -l | grep -qx 100
diff <(printf 'x\ny\n') <(printf 'x\ny\n')
coproc CAT { cat; }
echo ping >&"${CAT[1]}"; read -r reply <&"${CAT[0]}"; [ "$reply" = ping ]
exec {CAT[1]}>&-; wait "$CAT_PID"

mkdir -p a/b/c && echo data > a/b/c/f.txt
cp -a a copy && mv copy moved && ln -s moved/b link && readlink -f link >/dev/null
# GNU ls and stat have a workload of their own (stat.sh): they meet a gap of gVisor.
chmod 600 a/b/c/f.txt && touch -d '2020-01-01' a/b/c/f.txt && find a/b/c/f.txt -perm 600 | grep -q f.txt
find . -name '*.txt' -print0 | xargs -0 -P 2 -n 1 sha256sum | wc -l | grep -qx 2
du -sh . >/dev/null && df -h . >/dev/null
sed -i 's/data/changed/' a/b/c/f.txt && grep -q changed a/b/c/f.txt
cut -d: -f1 /etc/passwd | head -n1 | grep -q root
base64 /etc/hostname | base64 -d >/dev/null
split -l 500 <(seq 1 2000) part. && cat part.* | md5sum >/dev/null
id -u >/dev/null && uname -a >/dev/null && nproc >/dev/null && date -u +%s >/dev/null && env >/dev/null
timeout 5 sleep 0.1
( sleep 30 & echo $! > bg.pid; wait ) &
sub=$!; until [ -s bg.pid ]; do sleep 0.05; done
kill -TERM "$(cat bg.pid)"; wait "$sub" || true
trap 'echo trapped > trap.out' USR1; kill -USR1 $$; sleep 0.1; grep -q trapped trap.out
rm -rf a moved link part.* bg.pid trap.out
