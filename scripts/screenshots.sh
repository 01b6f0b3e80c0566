#!/bin/sh
# Takes the README's screenshots from the real app, headless: on the demo cluster (kubesim), and
# the 65,000-node overview on kubesim serving resources/scenarios/overview-65k.json.
# Usage: scripts/screenshots.sh [BUILD_DIR]   (after scripts/build.sh; needs fonts-wqy-microhei
# for the Chinese ones: FAULTBOARD_SCREENSHOT_DEPS=1 scripts/deps.sh installs it)
set -eu
build=${1:-${FAULTBOARD_BUILD_DIR:-build}}
out=docs/screenshots
mkdir -p "$out"
export QT_QPA_PLATFORM=offscreen
# Each run gets its own settings and history, so earlier runs do not change the pictures.
tmp=$(mktemp -d)
sim=
trap '[ -z "$sim" ] || kill "$sim" 2>/dev/null; rm -rf "$tmp"' EXIT
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

# The overview at 65,000 nodes: one kubesim for every shot (building the fleet takes a while);
# about 170 nodes turn faulty half a second after it starts and stay so. Each shot lists every
# node again and is taken 3 s after the list is complete.
"$build/bin/kubesim" --scenario resources/scenarios/overview-65k.json --no-tls \
    --kubeconfig "$tmp/overview.kubeconfig" >"$tmp/kubesim.out" 2>"$tmp/kubesim.err" &
sim=$!
waited=0
until [ -s "$tmp/kubesim.out" ]; do
    if ! kill -0 "$sim" 2>/dev/null || [ "$waited" -ge 300 ]; then
        echo "kubesim did not start:" >&2
        cat "$tmp/kubesim.err" >&2
        exit 1
    fi
    sleep 1
    waited=$((waited + 1))
done
big() {
    file=$1
    shift
    HOME="$tmp/$file" XDG_CONFIG_HOME="$tmp/$file/config" XDG_DATA_HOME="$tmp/$file/data" \
        "$build/bin/faultboard" --kubeconfig "$tmp/overview.kubeconfig" --context kubesim \
        --screenshot "$out/$file" --screenshot-delay 3 "$@"
    echo "$out/$file"
}
big overview-65k.png --theme light --lang en
big overview-65k-dark.png --theme dark --lang en
big overview-65k-zh.png --theme light --lang zh_CN
big overview-65k-dark-zh.png --theme dark --lang zh_CN
big overview-65k-faults-first.png --theme light --lang en --screenshot-view=faults-first
big overview-65k-faulty-only.png --theme light --lang en --screenshot-view=faulty-only
big overview-65k-racks.png --theme light --lang en --screenshot-view=group:rack
