#!/usr/bin/env bash
# scripts/realcluster.sh end to end: up prints working kubeconfigs, the users may do what RBAC
# gives them and no more, the kubelet stand-in runs a pod and removes it after its grace period,
# and the plane goes away with its owner (a crashed test) and with `down`.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d /tmp/realcluster-updown.XXXXXX)
owner_pid=
cleanup() {
    [[ -n "$owner_pid" ]] && kill "$owner_pid" 2>/dev/null || true
    "$root/scripts/realcluster.sh" down "$work/a" 2>/dev/null || true
    "$root/scripts/realcluster.sh" down "$work/b" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
# Waits up to $1 seconds for a command to succeed.
within() {
    local s=$1
    shift
    for _ in $(seq $((s * 10))); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    return 1
}

# --- a plane owned by a process that then dies ---
sleep 600 &
owner_pid=$!
"$root/scripts/realcluster.sh" up "$work/a" --owner "$owner_pid" --nodes 4 >"$work/a.out"
grep -qx "$work/a/kubeconfig" "$work/a.out" || fail "up did not print the kubeconfig"
k() { kubectl --kubeconfig "$work/a/kubeconfig" --cache-dir "$work/cache" "$@"; }
[[ $(k get nodes --no-headers | wc -l) -eq 4 ]] || fail "not 4 nodes"
k --context viewer get nodes >/dev/null || fail "viewer cannot list nodes"
[[ $(k --context viewer auth can-i patch nodes) == no ]] || fail "viewer may patch nodes"
[[ $(k --context operator auth can-i patch nodes) == yes ]] || fail "operator may not patch nodes"
[[ $(k --context operator auth can-i create pods/eviction) == no ]] || fail "operator may evict"
k --context admin-cert get nodes >/dev/null || fail "the admin's client certificate is refused"

# The stand-in: Running and Ready, then gone once its 2 s grace period passed.
k run standin-probe --image=registry.example/probe:1 --overrides='{"spec":{"terminationGracePeriodSeconds":2}}' >/dev/null
within 30 bash -c "[[ \$(kubectl --kubeconfig '$work/a/kubeconfig' --cache-dir '$work/cache' get pod standin-probe -o jsonpath='{.status.phase}/{.status.conditions[?(@.type==\"Ready\")].status}') == Running/True ]]" ||
    fail "the pod did not become Running and Ready"
k delete pod standin-probe --wait=false >/dev/null
k get pod standin-probe >/dev/null 2>&1 || fail "the pod went before its grace period"
within 20 bash -c "! kubectl --kubeconfig '$work/a/kubeconfig' --cache-dir '$work/cache' get pod standin-probe" ||
    fail "the pod was not removed after its grace period"

pgid=$(cat "$work/a/pgid")
kill "$owner_pid"
wait "$owner_pid" 2>/dev/null || true
owner_pid=
within 30 bash -c "! kill -0 -- -$pgid" || fail "the plane outlived its owner"

# --- a plane stopped by down ---
"$root/scripts/realcluster.sh" up "$work/b" --nodes 2 >/dev/null
pgid=$(cat "$work/b/pgid")
"$root/scripts/realcluster.sh" down "$work/b"
kill -0 -- "-$pgid" 2>/dev/null && fail "down left processes of group $pgid"
[[ ! -f "$work/b/pgid" ]] || fail "down left the pgid file"
echo "realcluster up/down: 1 passed, 0 failed"
