#!/usr/bin/env bash
# Quick start 1: install what is missing, build, and launch Faultboard on the demo cluster.
# With Debian's prometheus installed, it also starts kubesim and a Prometheus scraping kubesim's
# /metrics, and opens the window with --prometheus on it; without, it says so and runs --demo.
# FAULTBOARD_DEMO_NO_BUILD=1 skips deps and build; FAULTBOARD_PROMETHEUS names the binary;
# FAULTBOARD_DEMO_SCRAPE_INTERVAL (default 5s) how often it scrapes;
# FAULTBOARD_DEMO_WINDOW replaces the window's command (tests: it gets the same arguments).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [[ -z ${FAULTBOARD_DEMO_NO_BUILD:-} ]]; then
    "$root/scripts/deps.sh"
    "$root/scripts/build.sh"
fi
bin=${FAULTBOARD_BUILD_DIR:-$root/build}/bin
window=${FAULTBOARD_DEMO_WINDOW:-$bin/faultboard}
prometheus=${FAULTBOARD_PROMETHEUS:-prometheus}

if ! command -v "$prometheus" >/dev/null 2>&1; then
    echo "demo: Debian's prometheus is not installed (sudo apt-get install prometheus):" \
        "the demo runs without a Prometheus, so the fault history is Faultboard's own only." >&2
    exec "$window" --demo "$@"
fi

work=$(mktemp -d)
pids=()
cleanup() {
    # The window first, then what it reads from.
    local i
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

sim_port=$(free_port)
# kubesim prints its URL once it accepts connections (and has written the kubeconfig).
mkfifo "$work/ready"
"$bin/kubesim" --no-tls --port "$sim_port" --kubeconfig "$work/kubeconfig" \
    >"$work/ready" 2>"$work/kubesim.log" &
pids+=($!)
exec 3<"$work/ready"
if ! read -r _ <&3; then
    echo "demo: kubesim did not start:" >&2
    cat "$work/kubesim.log" >&2
    exit 1
fi

prom_port=$(free_port)
cat >"$work/prometheus.yml" <<YAML
global:
  scrape_interval: ${FAULTBOARD_DEMO_SCRAPE_INTERVAL:-5s}
scrape_configs:
  - job_name: kubesim
    static_configs:
      - targets: ["127.0.0.1:$sim_port"]
YAML
"$prometheus" --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
    --web.listen-address="127.0.0.1:$prom_port" 2>"$work/prometheus.log" &
pids+=($!)
echo "demo: Prometheus at http://127.0.0.1:$prom_port scrapes kubesim's /metrics every ${FAULTBOARD_DEMO_SCRAPE_INTERVAL:-5s};" \
    "Faultboard reads its fault history (--prometheus)." >&2
# In the background and waited for: a TERM to this script then ends the window too (bash runs a
# trap only once a foreground command has ended, but interrupts `wait`).
"$window" --kubeconfig "$work/kubeconfig" --context kubesim \
    --prometheus "http://127.0.0.1:$prom_port" "$@" &
pids+=($!)
wait "${pids[-1]}"
