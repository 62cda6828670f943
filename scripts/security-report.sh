#!/usr/bin/env bash
# scripts/security-report.sh — regenerates docs/security-report.md (English) and
# docs/security-report.ja.md (Japanese) from live `hako-host verify` runs on this
# machine's engine, runc first, then runsc. Each language is its own pair of runs.
# Needs a build (./build) and the workspace image; takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
host=build/bin/hako-host
[ -x "$host" ] || { echo "security-report.sh: build first ($host is missing)" >&2; exit 1; }

report() {  # report LANG FILE
    local lang="$1" file="$2" runtime
    {
        for runtime in runc runsc; do
            # A failing row is part of the record, not a reason to stop.
            LANG="$lang" LC_ALL="$lang" "$host" verify --runtime "$runtime" --format markdown || true
            echo
        done
    } >"$file.tmp"
    mv "$file.tmp" "$file"
}
report C.UTF-8 docs/security-report.md
report ja_JP.UTF-8 docs/security-report.ja.md
