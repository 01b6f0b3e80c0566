#!/usr/bin/env bash
# The cost of the fleet's history from Prometheus: generates NODES NPU nodes over DAYS days
# (scripts/bench/prometheus-history-gen.py: 5-minute samples, known fault rates), backfills a
# Prometheus with promtool (one 6 h block a file, two at a time), starts it on loopback and runs
# build/bin/prometheus_history_bench: the Trends view's fleet-wide read (cut into time slices
# when Prometheus refuses a query as too large), one node's drill-down, and the fleet-wide read
# again knowing the node count (cut beforehand), through Faultboard's own code. Prints what each step cost; the data goes with it.
#
#   cmake --build build --target prometheus_history_bench
#   scripts/bench/prometheus-history.sh NODES [DAYS=7]   (DAYS may be a fraction: 0.0833 = 2 h)
#
# FAULTBOARD_BENCH_DIR keeps the data there (default: a temporary folder, removed after).
set -euo pipefail
nodes=$1
days=${2:-7}
here=$(cd "$(dirname "$0")" && pwd)
bench=${FAULTBOARD_BENCH_BIN:-$here/../../build/bin/prometheus_history_bench}
dir=${FAULTBOARD_BENCH_DIR:-$(mktemp -d)}
keep=${FAULTBOARD_BENCH_DIR:+yes}
cleanup() {
    [[ -z "${prom:-}" ]] || { kill "$prom" 2>/dev/null; wait "$prom" 2>/dev/null || true; }
    [[ -n "$keep" ]] || rm -rf "$dir"
}
trap cleanup EXIT

t0=$(date +%s.%N)
read -r first last series samples < <(python3 "$here/prometheus-history-gen.py" "$nodes" "$days" "$dir/om")
t1=$(date +%s.%N)
echo "generated $series series, $samples samples ($(du -sh "$dir/om" | cut -f1) of OpenMetrics) in $(echo "$t1 - $t0" | bc) s"
ls "$dir"/om/*.om | xargs -P 2 -I{} sh -c \
    'promtool tsdb create-blocks-from openmetrics --max-block-duration=6h "$1" "$2" >/dev/null && rm "$1"' \
    _ {} "$dir/data"
t2=$(date +%s.%N)
echo "backfilled in $(echo "$t2 - $t1" | bc) s: $(du -sh "$dir/data" | cut -f1) of blocks"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
touch "$dir/prometheus.log"
printf 'global:\n  scrape_interval: 1m\n' >"$dir/prometheus.yml"
prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
    --web.listen-address="127.0.0.1:$port" >"$dir/prometheus.log" 2>&1 &
prom=$!
until grep -q "Server is ready to receive web requests" "$dir/prometheus.log"; do
    kill -0 "$prom" 2>/dev/null || { cat "$dir/prometheus.log" >&2; exit 1; }
    sleep 0.2
done
t3=$(date +%s.%N)
echo "Prometheus ready in $(echo "$t3 - $t2" | bc) s, resident $(grep VmRSS /proc/$prom/status | awk '{print $2, $3}')"
# From FAULTBOARD_BENCH_SKIP seconds (default an hour) after the first sample, so that every
# evaluation has data.
"$bench" "http://127.0.0.1:$port" npu-00000 $((first + ${FAULTBOARD_BENCH_SKIP:-3600})) "$last" "$nodes"
echo "Prometheus resident after the queries: $(grep VmRSS /proc/$prom/status | awk '{print $2, $3}')"
