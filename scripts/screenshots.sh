#!/bin/sh
# Takes the README's screenshots from the real app on the demo cluster (kubesim), headless.
# Usage: scripts/screenshots.sh [BUILD_DIR]   (after scripts/build.sh; needs fonts-wqy-microhei
# for the Chinese ones: FAULTBOARD_SCREENSHOT_DEPS=1 scripts/deps.sh installs it)
set -eu
build=${1:-${FAULTBOARD_BUILD_DIR:-build}}
out=docs/screenshots
mkdir -p "$out"
export QT_QPA_PLATFORM=offscreen
# Each run gets its own settings and history, so earlier runs do not change the pictures.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
shot() {
    file=$1
    shift
    HOME="$tmp/$file" XDG_CONFIG_HOME="$tmp/$file/config" XDG_DATA_HOME="$tmp/$file/data" \
        "$build/bin/faultboard" --demo --screenshot "$out/$file" --screenshot-delay 9 "$@"
    echo "$out/$file"
}
shot main-window.png --theme light --lang en
shot main-window-dark.png --theme dark --lang en
shot main-window-zh.png --theme light --lang zh_CN
shot main-window-dark-zh.png --theme dark --lang zh_CN
shot node-history.png --theme light --lang en --screenshot-view=node:npu-0003
shot trends.png --theme light --lang en --screenshot-view=trends
shot drain-dialog.png --theme light --lang en --screenshot-view=drain:gpu-0001
