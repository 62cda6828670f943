#!/bin/bash
# git init/commit/log/diff/branch as an agent would use it on a project.
set -eu  # no pipefail: `grep -q` ends a pipeline early by design
export GIT_AUTHOR_NAME=hako GIT_AUTHOR_EMAIL=hako@example.invalid \
       GIT_COMMITTER_NAME=hako GIT_COMMITTER_EMAIL=hako@example.invalid
git init -q -b main repo && cd repo
printf 'one\n' > file.txt && git add file.txt && git commit -q -m first
printf 'two\n' >> file.txt && git diff | grep -q '^+two'
git commit -q -am second
git log --oneline | wc -l | grep -qx 2
git diff HEAD~1 --stat | grep -q file.txt
git checkout -q -b feature && echo x > new.txt && git add new.txt && git commit -q -m third
git checkout -q main && git merge -q --no-edit feature
git status --porcelain | wc -l | grep -qx 0
git tag v1 && git show --stat v1 >/dev/null && git gc -q
