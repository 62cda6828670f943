#!/usr/bin/env bash
# Regenerates docs/settings-dialog.png (English) and docs/settings-dialog.ja.png
# (Japanese) with the example settings dialog on Qt's offscreen platform: the
# dialog after Apply with two bad values, so that the marked fields and the
# plugin's messages show. Needs the dialog built (from a fresh checkout:
# cmake -S . -B build -G Ninja && cmake --build build --target hako-settings-dialog),
# Qt's catalogues (qt6-translations-l10n) for the buttons and a Japanese font
# (fonts-ipafont-gothic); scripts/setup.sh installs both.
#
# Usage: scripts/screenshots.sh [BUILD_DIR]     (default: build)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
dialog="$build/bin/hako-settings-dialog"
if [ ! -x "$dialog" ]; then
    echo "screenshots: $dialog is missing; build the hako-settings-dialog target first" >&2
    exit 1
fi
if [ ! -f /usr/share/qt6/translations/qtbase_ja.qm ]; then
    echo "screenshots: Qt's Japanese catalogue is missing; install qt6-translations-l10n" >&2
    exit 1
fi
if [ -z "$(fc-list :lang=ja)" ]; then
    echo "screenshots: no Japanese font; install fonts-ipafont-gothic" >&2
    exit 1
fi

shoot() { # LANG FILE
    env -u LANGUAGE -u LC_MESSAGES QT_QPA_PLATFORM=offscreen LANG="$1" LC_ALL= "$dialog" \
        --set limits.memory=lots --set docker.binary= --apply --screenshot "$root/docs/$2"
}
shoot en_US.UTF-8 settings-dialog.png
shoot ja_JP.UTF-8 settings-dialog.ja.png
