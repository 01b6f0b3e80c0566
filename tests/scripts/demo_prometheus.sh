#!/usr/bin/env bash
# scripts/demo.sh with Debian's prometheus: kubesim and a Prometheus scraping it are started and
# the window is given --prometheus on it (the window replaced by a check that Prometheus holds
# kubesim's node conditions); without prometheus it says so and runs --demo.
set -euo pipefail
root=$1
build=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/window" <<'CHECK'
#!/usr/bin/env bash
# The window's stand-in: its arguments, then (with --prometheus) kubesim's series in Prometheus.
printf '%s\n' "$@" >"$WORK/args"
url=
while [[ $# -gt 0 ]]; do [[ $1 == --prometheus ]] && url=$2; shift; done
[[ -z $url ]] && exit 0
# Bounded wait for the first scrape (every second), as QTRY_VERIFY_WITH_TIMEOUT does.
for _ in $(seq 150); do
    if curl -sf "$url/api/v1/query?query=kube_node_status_condition%7Bnode%3D%22npu-0001%22%7D" |
        grep -q '"node":"npu-0001"'; then
        exit 0
    fi
    sleep 0.1
done
echo "Prometheus has no series of kubesim's npu-0001" >&2
exit 1
CHECK
chmod +x "$work/window"
export WORK=$work FAULTBOARD_DEMO_NO_BUILD=1 FAULTBOARD_DEMO_SCRAPE_INTERVAL=1s FAULTBOARD_BUILD_DIR=$build \
    FAULTBOARD_DEMO_WINDOW=$work/window

# Installed: the window gets the kubeconfig and --prometheus, and Prometheus has scraped kubesim.
"$root/scripts/demo.sh" 2>"$work/err"
grep -q -- '--prometheus' "$work/args" || { echo "no --prometheus: $(cat "$work/args")"; exit 1; }
grep -q 'scrapes kubesim' "$work/err" || { echo "not said: $(cat "$work/err")"; exit 1; }

# Not installed: said, and the plain demo.
FAULTBOARD_PROMETHEUS=/nonexistent/prometheus "$root/scripts/demo.sh" 2>"$work/err"
grep -q 'prometheus is not installed' "$work/err" || { echo "not said: $(cat "$work/err")"; exit 1; }
[[ $(cat "$work/args") == --demo ]] || { echo "not --demo: $(cat "$work/args")"; exit 1; }
echo "demo_prometheus: ok"
