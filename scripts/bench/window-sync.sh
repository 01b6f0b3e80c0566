#!/usr/bin/env bash
# The window's initial sync as one process: starts Faultboard offscreen on KUBECONFIG (a fresh
# HOME, so no earlier settings or history), waits until it logs that every node is synced and
# shown, prints that line, the GUI thread's longest stall from the cluster's opening to its sync
# (the logging category faultboard.responsiveness) and the window's resident memory on stderr,
# and stops it.
#
#   scripts/bench/window-sync.sh KUBECONFIG CONTEXT   (without a context the window offers its
#                                                    cluster picker and waits)
#
# FAULTBOARD_BIN names the binary (default ./build/bin/faultboard). Time it with
# `/usr/bin/time -v scripts/bench/window-sync.sh ...`: its wall time is the time from launch to
# the fleet on screen.
set -euo pipefail
kubeconfig=$1
context=$2
bin=${FAULTBOARD_BIN:-./build/bin/faultboard}
home=$(mktemp -d)
log="$home/window.log"
trap 'rm -rf "$home"' EXIT
args=(--kubeconfig "$kubeconfig")
[[ -z "$context" ]] || args+=(--context "$context")
HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share \
    QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES="faultboard.responsiveness.info=true" \
    "$bin" "${args[@]}" >"$log" 2>&1 &
pid=$!
until grep -q 'nodes synced' "$log"; do
    if ! kill -0 "$pid" 2>/dev/null; then
        cat "$log" >&2
        exit 1
    fi
    sleep 0.05
done
grep -m1 -o "[0-9]* nodes synced.*" "$log" >&2
grep -m1 -o "longest GUI-thread stall.*" "$log" >&2 || true
grep VmRSS "/proc/$pid/status" >&2
kill "$pid"
wait "$pid" 2>/dev/null || true
