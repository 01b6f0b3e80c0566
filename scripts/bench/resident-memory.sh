#!/usr/bin/env bash
# Resident memory of Faultboard's window and of `faultboard watch` against a kubesim cluster
# (docs/performance.md, issue #15: at most 250 MB at 65,000 nodes, after the initial sync and
# after an hour of a fault storm). Each program gets a new history file and settings of its own.
#
#   scripts/bench/resident-memory.sh [--build DIR] [--only watch|window] [--every S] [--until S] \
#       [-- KUBESIM ARGS]
#
# Starts kubesim with KUBESIM ARGS (default `--nodes 65000 --paused`), then the programs, and
# prints one line every S seconds (default 50) until S seconds have passed (default 50): seconds
# since the start, then VmRSS and VmHWM of each program in MB. Stops when a program ends.
#
#   scripts/bench/resident-memory.sh --only watch                 # after the initial sync
#   scripts/bench/resident-memory.sh --every 30 --until 3900 -- \
#       --scenario resources/scenarios/large-65k.json             # an hour of its fault storm
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=$root/build
only=
every=50
until=50
while [[ $# -gt 0 ]]; do
    case $1 in
    --build) build=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --every) every=$2; shift 2 ;;
    --until) until=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "resident-memory: unknown argument $1" >&2; exit 2 ;;
    esac
done
[[ $# -gt 0 ]] || set -- --nodes 65000 --paused
[[ -z $only || $only == watch || $only == window ]] || { echo "resident-memory: --only watch|window" >&2; exit 2; }

tmp=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT

"$build/bin/kubesim" "$@" --kubeconfig "$tmp/kubeconfig" >"$tmp/kubesim.out" 2>&1 &
pids+=($!)
# kubesim prints its address once it listens, after it has written the kubeconfig.
for _ in $(seq 600); do
    [[ -s $tmp/kubesim.out ]] && break
    kill -0 "${pids[0]}" 2>/dev/null || { cat "$tmp/kubesim.out" >&2; exit 1; }
    sleep 0.1
done

names=()
start() {
    local name=$1
    shift
    mkdir -p "$tmp/$name"
    XDG_DATA_HOME=$tmp/$name/data XDG_CONFIG_HOME=$tmp/$name/config HOME=$tmp/$name \
        QT_QPA_PLATFORM=offscreen "$build/bin/faultboard" "$@" --kubeconfig "$tmp/kubeconfig" \
        >"$tmp/$name/out" 2>&1 &
    pids+=($!)
    names+=("$name")
}
[[ $only == window ]] || start watch watch
[[ $only == watch ]] || start window --context kubesim

mb() { awk -v k="$1:" '$1==k{printf "%d", $2/1024}' "/proc/$2/status"; }
header="seconds"
for n in "${names[@]}"; do header+="  ${n}_rss_MB ${n}_peak_MB"; done
echo "$header"
t0=$(date +%s)
while :; do
    sleep "$every"
    line="$(($(date +%s) - t0))"
    for i in "${!names[@]}"; do
        p=${pids[$((i + 1))]}
        if ! kill -0 "$p" 2>/dev/null; then
            echo "resident-memory: ${names[$i]} ended:" >&2
            tail -n 5 "$tmp/${names[$i]}/out" >&2
            exit 1
        fi
        line+="  $(mb VmRSS "$p") $(mb VmHWM "$p")"
    done
    echo "$line"
    (($(date +%s) - t0 >= until)) && break
done
