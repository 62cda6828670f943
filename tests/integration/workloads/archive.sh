#!/bin/bash
# tar and gzip round trips: archives are how projects enter and leave a workspace.
set -eu  # no pipefail: `grep -q` ends a pipeline early by design
mkdir -p src/sub && seq 1 10000 > src/numbers && echo hi > src/sub/hi && ln -s numbers src/link
tar -czf src.tar.gz src
tar -tzf src.tar.gz | grep -q 'src/sub/hi'
mkdir out && tar -xzf src.tar.gz -C out && diff -r src out/src
gzip -9 -k src/numbers && gunzip -c src/numbers.gz | cmp - src/numbers
zcat src/numbers.gz | tail -n 1 | grep -qx 10000
tar -cf - src | gzip -1 | gzip -d | tar -tf - | wc -l | grep -q .
