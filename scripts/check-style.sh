#!/usr/bin/env bash
# scripts/check-style.sh — the house rules a compiler cannot check, for ctest's style.check:
#   - every C++ source matches .clang-format (clang-format 14, as Debian 12 ships it);
#   - no source file outside tests/ is longer than 400 lines;
#   - nothing cites a document that is not in the repository.
# Prints each offence and exits non-zero if there was any.
set -uo pipefail
cd "$(dirname "$0")/.."

fail=0
offend() { printf '%s\n' "$*"; fail=1; }

command -v clang-format >/dev/null || { echo "clang-format is not installed (scripts/setup.sh installs it)"; exit 2; }

mapfile -t sources < <(git ls-files -- '*.cpp' '*.h')
[ "${#sources[@]}" -gt 0 ] || { echo "no sources found: not a git checkout?"; exit 2; }

for f in "${sources[@]}"; do
    if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
        offend "format: $f differs from .clang-format (fix: clang-format -i $f)"
    fi
done

for f in "${sources[@]}"; do
    case "$f" in tests/*|bench/*) continue ;; esac
    lines=$(wc -l <"$f")
    [ "$lines" -le 400 ] || offend "size: $f has $lines lines (at most 400 outside tests/ and bench/)"
done

while IFS= read -r hit; do
    offend "citation: $hit (the repository must stand alone)"
done < <(git grep -n -e '\.\./shared' -e 'SPEC §' -e 'seed T-' -e 'seed §' -- . \
             ':!scripts/check-style.sh' 2>/dev/null)

[ "$fail" = 0 ] && echo "style: ${#sources[@]} sources checked, all clean"
exit "$fail"
