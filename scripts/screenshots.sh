#!/bin/sh
# Takes the README's screenshots from the real app, headless: on the demo cluster (kubesim), and
# the 65,000-node overview on kubesim serving resources/scenarios/overview-65k.json.
# Usage: scripts/screenshots.sh [BUILD_DIR]   (after scripts/build.sh; needs fonts-wqy-microhei
# for the Chinese ones: FAULTBOARD_SCREENSHOT_DEPS=1 scripts/deps.sh installs it)
set -eu
build=${1:-${FAULTBOARD_BUILD_DIR:-build}}
out=docs/screenshots
mkdir -p "$out"
# Each run gets its own settings and history, so earlier runs do not change the pictures.
tmp=$(mktemp -d)
# The offscreen platform's screen is 800x600 unless told: a popup (the grid's context menu) would
# be moved into it, away from its tile. A screen larger than the window leaves it where it opens.
printf '{"screens":[{"name":"screenshots","x":0,"y":0,"width":1920,"height":1200,"logicalDpi":96}]}\n' \
    >"$tmp/screen.json"
export QT_QPA_PLATFORM="offscreen:configfile=$tmp/screen.json"
sim=
own=
trap '[ -z "$sim" ] || kill "$sim" 2>/dev/null || true; [ -z "$own" ] || kill "$own" 2>/dev/null || true; rm -rf "$tmp"' EXIT
# Waits until kubesim (pid $1) has written its address to $2, at most $3 seconds; else prints
# its errors ($4) and fails.
await_kubesim() {
    waited=0
    until [ -s "$2" ]; do
        if ! kill -0 "$1" 2>/dev/null || [ "$waited" -ge "$3" ]; then
            echo "kubesim did not start:" >&2
            cat "$4" >&2
            exit 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
}
shot() {
    file=$1
    shift
    # A home of its own (the export dialog shows it as the folder to write to).
    home="$tmp/${file%.png}/home/operator"
    mkdir -p "$home"
    HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
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
# Dark and Chinese too (item 13: the per-pod state text in the dark theme), and a drain stopped
# half way (item 3: each pod's state read back, the log saying what really happened).
shot drain-dialog-dark-zh.png --theme dark --lang zh_CN --screenshot-view=drain:gpu-0001
shot drain-stopped.png --theme light --lang en --screenshot-view=drain-stopped:gpu-0001
shot drain-stopped-dark-zh.png --theme dark --lang zh_CN --screenshot-view=drain-stopped:gpu-0001
shot node-history-dark-zh.png --theme dark --lang zh_CN --screenshot-view=node:npu-0003
shot trends-dark-zh.png --theme dark --lang zh_CN --screenshot-view=trends
# The confirmation that guards against a false picture (issue #16 item 5): isolating part of a
# rack, two nodes with faults of their own (from 5 s and 12 s into the demo) and two healthy ones.
shot isolate-batch.png --theme light --lang en --screenshot-delay 14 \
    --screenshot-view=isolate:npu-0001,npu-0002,npu-0003,npu-0017
shot isolate-batch-dark-zh.png --theme dark --lang zh_CN --screenshot-delay 14 \
    --screenshot-view=isolate:npu-0001,npu-0002,npu-0003,npu-0017
# The smallest window the layout is made for (item 12), a faulty node's details shown.
shot window-1024x700.png --theme light --lang en --screenshot-view=size:1024x700,npu-0003
shot window-1024x700-zh.png --theme light --lang zh_CN --screenshot-view=size:1024x700,npu-0003
# The export dialog (item 10): its folder, the columns and the history's range.
shot export-dialog.png --theme light --lang en --screenshot-view=export
shot export-dialog-dark-zh.png --theme dark --lang zh_CN --screenshot-view=export
# The selected tile hidden by a filter (item 6): no other node takes its place as the target.
shot hidden-selection.png --theme light --lang en --screenshot-view=hidden:npu-0003,gpu-*
shot hidden-selection-dark-zh.png --theme dark --lang zh_CN --screenshot-view=hidden:npu-0003,gpu-*
# The grid's context menu on a tile (item 15: "Copy name" among the actions).
shot context-menu.png --theme light --lang en --screenshot-view=menu:npu-0003
shot context-menu-dark-zh.png --theme dark --lang zh_CN --screenshot-view=menu:npu-0003

# Restoring a node that still has a critical fault (item 4): a demo cluster of its own, where
# npu-0003 loses a chip 5 s in and is isolated with the headless command, as an operator would.
# Then the same cluster refuses the node list with a 403 (item 1): a cluster that cannot be read.
"$build/bin/kubesim" --no-tls --kubeconfig "$tmp/own.kubeconfig" \
    >"$tmp/own.out" 2>"$tmp/own.err" &
own=$!
await_kubesim "$own" "$tmp/own.out" 60 "$tmp/own.err"
sleep 7
own_shot() {
    file=$1
    shift
    HOME="$tmp/$file" XDG_CONFIG_HOME="$tmp/$file/config" XDG_DATA_HOME="$tmp/$file/data" \
        "$build/bin/faultboard" --kubeconfig "$tmp/own.kubeconfig" --screenshot "$out/$file" \
        --screenshot-delay 2 "$@"
    echo "$out/$file"
}
# A first start with a kubeconfig of two contexts and no last cluster (item 14): the chooser.
own_shot cluster-chooser.png --theme light --lang en --screenshot-view=chooser
own_shot cluster-chooser-dark-zh.png --theme dark --lang zh_CN --screenshot-view=chooser
HOME="$tmp/isolate" XDG_CONFIG_HOME="$tmp/isolate/config" XDG_DATA_HOME="$tmp/isolate/data" \
    "$build/bin/faultboard" isolate npu-0003 --kubeconfig "$tmp/own.kubeconfig" \
    --context kubesim --reason "ticket 4711"
own_shot restore-confirm.png --context kubesim --theme light --lang en \
    --screenshot-view=restore:npu-0003
own_shot restore-confirm-dark-zh.png --context kubesim --theme dark --lang zh_CN \
    --screenshot-view=restore:npu-0003
server=$(sed -n 's/^ *server: *//p' "$tmp/own.kubeconfig" | head -1)
token=$(sed -n 's/^ *token: *\(kubesim-admin-.*\)/\1/p' "$tmp/own.kubeconfig" | head -1)
# Listing pods fails (item 2): the Pods tab says so, never "Pods (0)". A 403, which is not
# retried, so the tab shows the error at once (a 503 is retried for some seconds first).
curl -sSf -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data '{"failNext":{"status":403,"reason":"Forbidden","count":100000,"pathPrefix":"/api/v1/pods","message":"pods is forbidden: User \"kubesim-viewer\" cannot list resource \"pods\" in API group \"\" at the cluster scope"}}' \
    "$server/_sim/settings" >/dev/null
own_shot pods-error.png --context kubesim-viewer --theme light --lang en \
    --screenshot-view=pods:npu-0003
own_shot pods-error-dark-zh.png --context kubesim-viewer --theme dark --lang zh_CN \
    --screenshot-view=pods:npu-0003
curl -sSf -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data '{"failNext":{"status":403,"reason":"Forbidden","count":100000,"pathPrefix":"/api/v1/nodes","message":"nodes is forbidden: User \"kubesim-viewer\" cannot list resource \"nodes\" in API group \"\" at the cluster scope"}}' \
    "$server/_sim/settings" >/dev/null
own_shot unreadable-cluster.png --context kubesim-viewer --theme light --lang en \
    --screenshot-delay 4 --screenshot-view=unreadable
own_shot unreadable-cluster-dark-zh.png --context kubesim-viewer --theme dark --lang zh_CN \
    --screenshot-delay 4 --screenshot-view=unreadable
kill "$own" 2>/dev/null || true

# The overview at 65,000 nodes: one kubesim for every shot (building the fleet takes a while);
# about 170 nodes turn faulty half a second after it starts and stay so. Each shot lists every
# node again and is taken 3 s after the list is complete.
"$build/bin/kubesim" --scenario resources/scenarios/overview-65k.json --no-tls \
    --kubeconfig "$tmp/overview.kubeconfig" >"$tmp/kubesim.out" 2>"$tmp/kubesim.err" &
sim=$!
await_kubesim "$sim" "$tmp/kubesim.out" 300 "$tmp/kubesim.err"
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
