#!/usr/bin/env bash
# Runs one control plane in the foreground: etcd, kube-apiserver, kube-controller-manager,
# kube-scheduler and the kubelet stand-in, all children of this shell. scripts/realcluster.sh `up`
# starts it with setsid, so this shell leads a process group that `down` stops as a whole; when
# any child exits, or on TERM/INT, everything else is stopped too.
#
#   plane.sh DIR BINDIR      (DIR already holds pki/, tokens.csv, ports and the kubeconfigs)
#
# FAULTBOARD_APISERVER_ARGS: more kube-apiserver flags, split on spaces (the overload tests use
# `--enable-priority-and-fairness=false --max-requests-inflight=1 ...`).
set -uo pipefail

dir=$1 bin=$2
# shellcheck disable=SC1091
source "$dir/ports"
log="$dir/logs"
mkdir -p "$log"

children=()
stop_all() {
    trap - TERM INT EXIT
    local p
    for p in "${children[@]}"; do kill -TERM "$p" 2>/dev/null; done
    for _ in $(seq 50); do
        local alive=0
        for p in "${children[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
        ((alive)) || break
        sleep 0.1
    done
    for p in "${children[@]}"; do kill -KILL "$p" 2>/dev/null; done
    wait 2>/dev/null
    rm -f "$dir/ready"
}
trap 'stop_all; exit 0' TERM INT
trap stop_all EXIT

spawn() {
    local name=$1
    shift
    "$@" >"$log/$name.log" 2>&1 &
    children+=($!)
    echo "$name $!" >>"$dir/pids"
}

# Waits until CHECK succeeds, giving up after SECONDS or when the last child died.
await() {
    local what=$1 seconds=$2
    shift 2
    local last=${children[-1]}
    for _ in $(seq $((seconds * 10))); do
        "$@" >/dev/null 2>&1 && return 0
        if ! kill -0 "$last" 2>/dev/null; then
            echo "plane: $what exited; the end of its log:" >&2
            tail -n 30 "$log/$what.log" >&2
            return 1
        fi
        sleep 0.1
    done
    echo "plane: $what not ready after ${seconds}s; the end of its log:" >&2
    tail -n 30 "$log/$what.log" >&2
    return 1
}

: >"$dir/pids"
admin_token=$(awk -F, '$2=="admin"{print $1}' "$dir/tokens.csv")
api="https://127.0.0.1:$APISERVER_PORT"

spawn etcd etcd --name plane --data-dir "$dir/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "plane=http://127.0.0.1:$ETCD_PEER_PORT" \
    --unsafe-no-fsync --log-level warn
await etcd 30 curl -sf "http://127.0.0.1:$ETCD_PORT/health" || exit 1

# TaintNodesByCondition off: every new node would carry node.kubernetes.io/not-ready:NoSchedule
# (no kubelet ever reports Ready through the node lifecycle controller) and nothing would schedule.
# No endpoint reconciler: the `kubernetes` Service cannot have a loopback endpoint.
spawn kube-apiserver "$bin/kube-apiserver" \
    --etcd-servers "http://127.0.0.1:$ETCD_PORT" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$APISERVER_PORT" \
    --insecure-port 0 \
    --tls-cert-file "$dir/pki/apiserver.crt" --tls-private-key-file "$dir/pki/apiserver.key" \
    --client-ca-file "$dir/pki/ca.crt" --token-auth-file "$dir/tokens.csv" \
    --authorization-mode RBAC \
    --service-account-key-file "$dir/pki/sa.pub" \
    --service-account-signing-key-file "$dir/pki/sa.key" \
    --service-account-issuer https://kubernetes.default.svc \
    --api-audiences https://kubernetes.default.svc \
    --service-cluster-ip-range 10.96.0.0/16 \
    --endpoint-reconciler-type none \
    --disable-admission-plugins TaintNodesByCondition \
    --profiling=false ${FAULTBOARD_APISERVER_ARGS:-}
await kube-apiserver 90 curl -sf --cacert "$dir/pki/ca.crt" \
    -H "Authorization: Bearer $admin_token" "$api/readyz" || exit 1

# No node lifecycle controller (it would mark every kubelet-less node NotReady and evict), no
# node IPAM, no CSR signing. The service-account key: without it no token Secret, and without a
# token no pod is ever created ("No API token found for service account"). No garbage collector:
# the tests' pods name owners (a DaemonSet that is gone, a ReplicaSet by name) that do not exist,
# exactly the cases kubectl drain must handle; the collector would delete them first. Each
# controller acts with its own service account and RBAC role, as kubeadm sets it up.
spawn kube-controller-manager "$bin/kube-controller-manager" \
    --kubeconfig "$dir/controller-manager.kubeconfig" \
    --controllers '*,-nodelifecycle,-nodeipam,-csrsigning,-garbagecollector' \
    --service-account-private-key-file "$dir/pki/sa.key" --root-ca-file "$dir/pki/ca.crt" \
    --use-service-account-credentials \
    --leader-elect=false --port 0 --secure-port 0 --profiling=false
spawn kube-scheduler "$bin/kube-scheduler" \
    --kubeconfig "$dir/scheduler.kubeconfig" \
    --leader-elect=false --port 0 --secure-port 0 --profiling=false

# The default service account appears once the controller manager runs: pods need it.
await kube-controller-manager 60 bash -c "curl -sf --cacert '$dir/pki/ca.crt' \
    -H 'Authorization: Bearer $admin_token' '$api/api/v1/namespaces/default/serviceaccounts/default' \
    | grep -q '\"secrets\"'" || exit 1

spawn kubelet-standin "$KUBELET_STANDIN" --kubeconfig "$dir/kubeconfig" \
    --context kubelet-standin
await kubelet-standin 20 test -s "$dir/logs/kubelet-standin.log" || exit 1

touch "$dir/ready"
# Until one of them ends, the owner (a test process) is gone, or `down`: then the EXIT trap stops
# the rest.
while :; do
    for p in "${children[@]}"; do
        kill -0 "$p" 2>/dev/null || { echo "plane: process $p exited; stopping the rest" >&2; exit 1; }
    done
    if ((${OWNER:-0})) && ! kill -0 "$OWNER" 2>/dev/null; then
        echo "plane: owner $OWNER is gone; stopping" >&2
        exit 0
    fi
    sleep 0.5
done
