#!/usr/bin/env bash
# Every message the sources mark for translation has a finished Japanese
# translation, and translations/hako_ja.ts is what lupdate makes of the sources
# today. lupdate runs on a scratch copy; the tree is never touched.
#
# Usage: check-translations.sh LUPDATE TS_FILE SOURCE_LIST
set -euo pipefail
lupdate="$1" ts="$2" list="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$ts" "$work/hako_ja.ts"
"$lupdate" @"$list" -ts "$work/hako_ja.ts" -no-obsolete -locations none
unfinished="$(grep -c 'type="unfinished"' "$work/hako_ja.ts" || true)"
echo "unfinished Japanese messages: $unfinished"
if [ "$unfinished" != 0 ]; then
    grep -B2 'type="unfinished"' "$work/hako_ja.ts" | grep '<source>' >&2
    exit 1
fi
if ! diff -u "$ts" "$work/hako_ja.ts" >"$work/diff"; then
    echo "FAIL: $ts is out of date with the sources; build the hako_lupdate target" >&2
    head -40 "$work/diff" >&2
    exit 1
fi
