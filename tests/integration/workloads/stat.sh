#!/bin/bash
# GNU ls and stat: they call statx(..., AT_NO_AUTOMOUNT, ...), which gVisor's
# 2022 build refuses with EINVAL (gap gvisor-statx-no-automount,
# docs/seccomp-syscall-analysis.md §9); run-suite.sh tells that gap apart.
set -eu
mkdir -p a/b/c && echo data > a/b/c/f.txt && ln -sf a/b/c/f.txt link
chmod 600 a/b/c/f.txt && touch -d '2020-01-01' a/b/c/f.txt
stat -c '%a %Y' a/b/c/f.txt | grep -q '^600 1577836800$'
stat -L -c '%s' link | grep -qx 5
ls -la a >/dev/null && ls -lR a >/dev/null && ls -l / >/dev/null
ls -la /tmp >/dev/null
rm -rf a link
