#!/usr/bin/env bash
# A real Kubernetes control plane (etcd, kube-apiserver, kube-controller-manager, kube-scheduler
# from Debian 12's `kubernetes` source) on loopback, for the tests and by hand.
#
#   realcluster.sh build          build the binaries (or take them from the cache); prints their folder
#   realcluster.sh up DIR [--owner PID] [--apiserver-arg FLAG]... [KUBESIM ARGS]
#                                 start everything with its state in DIR, create the nodes kubesim
#                                 makes from KUBESIM ARGS (`--scenario FILE`, default `--nodes 40`)
#                                 and print the kubeconfigs: DIR/kubeconfig (contexts admin,
#                                 admin-cert, viewer, operator, sre), DIR/{admin,viewer,operator,sre}.kubeconfig.
#                                 With --owner, the plane stops by itself when process PID ends.
#                                 Each --apiserver-arg adds one kube-apiserver flag (one word, e.g.
#                                 `--watch-cache-sizes=nodes#0`) at the end of its command line,
#                                 after the plane's own and FAULTBOARD_APISERVER_ARGS (flags from
#                                 the environment, split on spaces); kept when a taken port makes
#                                 `up` start the plane again.
#   realcluster.sh down DIR       stop everything that `up DIR` started
#
# `up` needs kubesim and the kubelet stand-in built (FAULTBOARD_KUBESIM and
# FAULTBOARD_KUBELET_STANDIN name them, else $FAULTBOARD_BUILD_DIR/bin, default ./build/bin), and
# etcd, curl, openssl and jq (scripts/deps.sh test); `build` installs its own packages
# (scripts/deps.sh controlplane-build) when it has to build.
#
# The binaries are cached in $FAULTBOARD_CACHE_DIR (default /var/cache/faultboard) under
# kubernetes-<source version>-<hash of scripts/realcluster/build-recipe.sh>; a rebuild happens only
# when that key changes. Needs no systemd: everything runs as plain processes in one process group,
# whose id DIR/pgid holds.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
KUBE_SRC_VERSION=${FAULTBOARD_KUBE_SRC_VERSION:-1.20.5+really1.20.2-1.1+deb12u1}
CACHE_DIR=${FAULTBOARD_CACHE_DIR:-/var/cache/faultboard}
recipe="$here/realcluster/build-recipe.sh"

die() {
    echo "realcluster: $*" >&2
    exit 1
}

bindir() {
    local hash
    hash=$(sha256sum "$recipe" | cut -c1-12)
    echo "$CACHE_DIR/kubernetes-$KUBE_SRC_VERSION-$hash"
}

cmd_build() {
    local out
    out=$(bindir)
    if [[ -x "$out/kube-apiserver" && -x "$out/kube-controller-manager" && -x "$out/kube-scheduler" ]]; then
        echo "$out"
        return 0
    fi
    "$here/deps.sh" controlplane-build >&2
    mkdir -p "$CACHE_DIR"
    local work
    work=$(mktemp -d "$CACHE_DIR/build.XXXXXX")
    # The lock keeps two builds (two ctest runs) from racing; the second one waits and then finds
    # the cache filled.
    exec 9>"$CACHE_DIR/build.lock"
    flock 9
    if [[ -x "$out/kube-scheduler" ]]; then
        rm -rf "$work"
        echo "$out"
        return 0
    fi
    if ! bash "$recipe" "$KUBE_SRC_VERSION" "$work" "$work/bin" >"$work/build.log" 2>&1; then
        tail -n 40 "$work/build.log" >&2
        die "build failed; the whole log is $work/build.log"
    fi
    rm -rf "$out"
    mv "$work/bin" "$out"
    rm -rf "$work"
    echo "$out"
}


# A free TCP port on 127.0.0.1 (nothing answers a connect to it), below the kernel's ephemeral
# range: a port in that range can be taken at any moment as the local end of some outgoing
# connection (another test's client, this plane's own apiserver-to-etcd connections), and etcd
# then fails with "bind: address already in use". Never one of the ports given as arguments.
free_port() {
    local p lo=32768 hi=60999 range
    if range=$(cat /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null); then
        read -r lo hi <<<"$range"
    fi
    local from=10000 to=$((lo - 1))
    if ((to - from < 2000)); then
        from=$((hi + 1)) to=65535
    fi
    for _ in $(seq 200); do
        p=$((from + RANDOM % (to - from + 1)))
        [[ " $* " == *" $p "* ]] && continue
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            echo "$p"
            return 0
        fi
    done
    die "no free port on 127.0.0.1 between $from and $to"
}

# The start of every kubeconfig: the one cluster, then the users: key.
kubeconfig_head() {
    cat <<YAML
apiVersion: v1
kind: Config
clusters:
- name: realcluster
  cluster:
    server: https://127.0.0.1:$APISERVER_PORT
    certificate-authority-data: $(base64 -w0 <"$dir/pki/ca.crt")
users:
YAML
}

kubeconfig() { # NAME TOKEN CONTEXT...: one cluster, one user, the given context names for it
    local user=$1 token=$2
    shift 2
    kubeconfig_head
    printf -- '- name: %s\n  user:\n    token: %s\ncontexts:\n' "$user" "$token"
    local c
    for c in "$@"; do
        printf -- '- name: %s\n  context:\n    cluster: realcluster\n    user: %s\n' "$c" "$user"
    done
    echo "current-context: $1"
}

# Every user's kubeconfig in one file, a context per user (the tests' KUBECONFIG).
all_kubeconfig() {
    kubeconfig_head
    local u
    for u in admin viewer operator sre kubelet-standin; do
        printf -- '- name: %s\n  user:\n    token: %s\n' "$u" "$(token_of "$u")"
    done
    printf -- '- name: admin-cert\n  user:\n    client-certificate-data: %s\n    client-key-data: %s\n' \
        "$(base64 -w0 <"$dir/pki/admin.crt")" "$(base64 -w0 <"$dir/pki/admin.key")"
    echo "contexts:"
    for u in admin admin-cert viewer operator sre kubelet-standin; do
        printf -- '- name: %s\n  context:\n    cluster: realcluster\n    user: %s\n' "$u" "$u"
    done
    echo "current-context: admin"
}

token_of() { awk -F, -v u="$1" '$2==u{print $1}' "$dir/tokens.csv"; }

pki() {
    mkdir -p "$dir/pki"
    local d="$dir/pki"
    (
        umask 077
        openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=faultboard-realcluster-ca" \
            -keyout "$d/ca.key" -out "$d/ca.crt" 2>/dev/null
        openssl req -newkey rsa:2048 -nodes -subj "/CN=kube-apiserver" \
            -keyout "$d/apiserver.key" -out "$d/apiserver.csr" 2>/dev/null
        printf 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n' \
            >"$d/apiserver.ext"
        openssl x509 -req -in "$d/apiserver.csr" -CA "$d/ca.crt" -CAkey "$d/ca.key" \
            -CAcreateserial -days 30 -extfile "$d/apiserver.ext" -out "$d/apiserver.crt" 2>/dev/null
        # The admin again, as a client certificate (CN is the user, O the group).
        openssl req -newkey rsa:2048 -nodes -subj "/O=system:masters/CN=admin-cert" \
            -keyout "$d/admin.key" -out "$d/admin.csr" 2>/dev/null
        printf 'extendedKeyUsage=clientAuth\n' >"$d/admin.ext"
        openssl x509 -req -in "$d/admin.csr" -CA "$d/ca.crt" -CAkey "$d/ca.key" \
            -CAcreateserial -days 30 -extfile "$d/admin.ext" -out "$d/admin.crt" 2>/dev/null
        openssl genrsa -out "$d/sa.key" 2048 2>/dev/null
        openssl rsa -in "$d/sa.key" -pubout -out "$d/sa.pub" 2>/dev/null
    ) || die "openssl failed to make the certificates"
}

tokens() {
    local t
    t() { openssl rand -hex 24; }
    (
        umask 077
        {
            echo "$(t),admin,uid-admin,\"system:masters\""
            echo "$(t),viewer,uid-viewer,\"faultboard:viewers\""
            echo "$(t),operator,uid-operator,\"faultboard:operators\""
            echo "$(t),sre,uid-sre,\"faultboard:sres\""
            echo "$(t),kubelet-standin,uid-kubelet-standin,\"system:masters\""
            echo "$(t),system:kube-controller-manager,uid-kcm"
            echo "$(t),system:kube-scheduler,uid-scheduler"
        } >"$dir/tokens.csv"
    )
}

# RBAC for the viewer (read nodes, pods, events), the operator (also patch nodes and write
# events, as isolation does; no pods/eviction, no pod delete) and the sre (also drain: evict and
# delete pods, read their controllers and budgets). None is in system:masters, which
# kube-apiserver's max-in-flight limit never refuses.
rbac() {
    kapply "$here/realcluster/rbac.json"
}

kcurl() { # VERB PATH [curl args...] with the admin token
    local verb=$1 path=$2
    shift 2
    curl -sS --fail-with-body --show-error --cacert "$dir/pki/ca.crt" -H "Authorization: Bearer $(token_of admin)" \
        -X "$verb" "https://127.0.0.1:$APISERVER_PORT$path" "$@"
}

# POSTs every object of a v1 List file to the collection its apiVersion/kind name.
kapply() {
    # One curl for all of them (one TLS connection): a config file with a block per object,
    # written item by item (jq's join of 20,000 blocks is quadratic: it never finished).
    local file=$1 api="https://127.0.0.1:$APISERVER_PORT" config="$dir/kapply.curl"
    (
        umask 077
        jq -r --arg api "$api" --arg ca "$dir/pki/ca.crt" --arg auth "Authorization: Bearer $(token_of admin)" '
            .items | to_entries[] | (if .key > 0 then "next\n" else "" end) + (.value |
            ((if (.apiVersion|contains("/")) then "/apis/" + .apiVersion else "/api/" + .apiVersion end)
             + "/" + ({"ClusterRole": "clusterroles", "ClusterRoleBinding": "clusterrolebindings",
                       "Namespace": "namespaces", "Node": "nodes"}[.kind])) as $path |
            "url = \($api + $path | @json)\nrequest = \"POST\"\ncacert = \($ca | @json)\n" +
            "header = \($auth | @json)\nheader = \"Content-Type: application/json\"\n" +
            "data = \(tojson | @json)\noutput = \"/dev/null\"\n" +
            "write-out = \"%{http_code} \(.kind) \(.metadata.name)\\\\n\"\n")' \
            "$file" >"$config"
    )
    local codes
    codes=$(curl -sS -K "$config") || die "creating the objects of $file failed"
    rm -f "$config"
    if grep -qv '^201 ' <<<"$codes"; then
        die "creating the objects of $file failed: $(grep -v '^201 ' <<<"$codes" | head -n 3 | tr '\n' ' ')"
    fi
}

# The nodes of a kubesim scenario, as kubesim itself makes them (conditions, capacity and
# allocatable accelerators, labels, taints), created on the real server with their status.
nodes_from_kubesim() {
    local kubesim=$1
    shift
    local simdir="$dir/kubesim"
    mkdir -p "$simdir"
    "$kubesim" --paused --no-tls --kubeconfig "$simdir/kubeconfig" "$@" >"$simdir/url" \
        2>"$simdir/log" &
    local simpid=$!
    for _ in $(seq 600); do
        [[ -s "$simdir/url" ]] && break
        kill -0 "$simpid" 2>/dev/null || { cat "$simdir/log" >&2; die "kubesim did not start"; }
        sleep 0.1
    done
    local url token
    url=$(head -n1 "$simdir/url")
    token=$(awk '/token:/{print $2; exit}' "$simdir/kubeconfig")
    curl -sSf -H "Authorization: Bearer $token" "$url/api/v1/nodes" |
        jq '{apiVersion:"v1", kind:"List", items:[.items[] | .apiVersion="v1" | .kind="Node"
             | del(.metadata.uid, .metadata.resourceVersion, .metadata.creationTimestamp,
                   .metadata.managedFields, .metadata.selfLink)]}' >"$dir/nodes.json"
    kapply "$dir/nodes.json"
    workloads_from_kubesim "$url" "$token"
    kill "$simpid" 2>/dev/null
    wait "$simpid" 2>/dev/null || true
    rm -rf "$simdir"
}

# The scenario's workloads as objects for the real controllers: namespaces, ReplicaSets,
# Deployments, DaemonSets, StatefulSets, Jobs, budgets (in the server's policy version) and bare
# pods. Pods with an owner are left to the real controllers and scheduler (kubesim's templates pin
# them to their nodes); every pod's status comes from the kubelet stand-in.
workloads_from_kubesim() {
    local url=$1 token=$2 policy
    policy=$(kcurl GET /apis/policy | jq -r .preferredVersion.groupVersion)
    local clean='del(.metadata.uid, .metadata.resourceVersion, .metadata.creationTimestamp,
                     .metadata.managedFields, .metadata.selfLink, .metadata.generation, .status)'
    local existing
    existing=$(kcurl GET /api/v1/namespaces | jq -r '.items[].metadata.name')
    local ns
    for ns in $(curl -sSf -H "Authorization: Bearer $token" "$url/api/v1/namespaces" |
        jq -r '.items[].metadata.name'); do
        grep -qx "$ns" <<<"$existing" && continue
        kcurl POST /api/v1/namespaces -H 'Content-Type: application/json' \
            -d "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"$ns\"}}" \
            -o /dev/null || die "creating namespace $ns failed"
    done
    # Where kubesim put each ReplicaSet's pods: the real one's pods go to the same nodes, one per
    # node (required node affinity to those nodes, anti-affinity to each other).
    local placement
    placement=$(curl -sSf -H "Authorization: Bearer $token" "$url/api/v1/pods" | jq -c '
        [.items[] | select(.metadata.ownerReferences[0].kind? == "ReplicaSet")
         | {key: (.metadata.namespace + "/" + .metadata.ownerReferences[0].name),
            node: .spec.nodeName}]
        | group_by(.key) | map({key: .[0].key, value: [.[].node] | unique}) | from_entries')
    local from to filter obj
    while read -r from to filter; do
        while IFS= read -r obj; do
            [[ -n "$obj" ]] || continue
            ns=$(jq -r .metadata.namespace <<<"$obj")
            kcurl POST "${to/NS/$ns}" -H 'Content-Type: application/json' -d "$obj" \
                -o "$dir/answer" || { cat "$dir/answer" >&2; false; } ||
                die "creating $(jq -r '.kind+" "+.metadata.namespace+"/"+.metadata.name' <<<"$obj") failed"
        done < <(curl -sSf -H "Authorization: Bearer $token" "$url$from" |
            jq -c --arg policy "$policy" --argjson placement "$placement" ".items[] | select($filter)
                | $clean
                | if .kind == \"PodDisruptionBudget\" then .apiVersion = \$policy else . end
                | (\$placement[.metadata.namespace + \"/\" + .metadata.name]) as \$nodes
                | if .kind == \"ReplicaSet\" and \$nodes then
                    .spec.template.spec.affinity = {
                      nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms:
                        [\$nodes[] | {matchFields: [{key: \"metadata.name\", operator: \"In\", values: [.]}]}]}},
                      podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution:
                        [{labelSelector: {matchLabels: .spec.selector.matchLabels},
                          topologyKey: \"kubernetes.io/hostname\"}]}}
                  else . end")
    done <<LIST
/apis/apps/v1/replicasets /apis/apps/v1/namespaces/NS/replicasets (.metadata.ownerReferences|not)
/apis/apps/v1/deployments /apis/apps/v1/namespaces/NS/deployments true
/apis/apps/v1/daemonsets /apis/apps/v1/namespaces/NS/daemonsets true
/apis/apps/v1/statefulsets /apis/apps/v1/namespaces/NS/statefulsets true
/apis/batch/v1/jobs /apis/batch/v1/namespaces/NS/jobs true
/apis/policy/v1/poddisruptionbudgets /apis/$policy/namespaces/NS/poddisruptionbudgets true
/api/v1/pods /api/v1/namespaces/NS/pods (.metadata.ownerReferences|not)
LIST
}

find_program() { # NAME ENVVAR: from the env, else the build tree
    local name=$1 var=$2 build=${FAULTBOARD_BUILD_DIR:-$root/build}
    if [[ -n "${!var:-}" ]]; then
        echo "${!var}"
    elif [[ -x "$build/bin/$name" ]]; then
        echo "$build/bin/$name"
    else
        die "$name not found: build it (cmake --build build --target $name) or set $var"
    fi
}

# Starts plane.sh on new ports with new kubeconfigs (pki and tokens made already), and waits for it to be ready. Fails when the
# plane stopped before it was (its log is $dir/plane.log). Sets plane and started.
start_plane() {
    local bin=$1
    APISERVER_PORT=$(free_port)
    ETCD_PORT=$(free_port "$APISERVER_PORT")
    ETCD_PEER_PORT=$(free_port "$APISERVER_PORT" "$ETCD_PORT")
    printf 'APISERVER_PORT=%s\nETCD_PORT=%s\nETCD_PEER_PORT=%s\nKUBELET_STANDIN=%q\nOWNER=%s\n' \
        "$APISERVER_PORT" "$ETCD_PORT" "$ETCD_PEER_PORT" "$KUBELET_STANDIN" "$owner" >"$dir/ports"
    (
        umask 077
        kubeconfig system:kube-controller-manager "$(token_of system:kube-controller-manager)" \
            controller-manager >"$dir/controller-manager.kubeconfig"
        kubeconfig system:kube-scheduler "$(token_of system:kube-scheduler)" scheduler \
            >"$dir/scheduler.kubeconfig"
        for u in admin viewer operator sre; do
            kubeconfig "$u" "$(token_of "$u")" "$u" >"$dir/$u.kubeconfig"
        done
        all_kubeconfig >"$dir/kubeconfig"
    )
    # Its own session and process group: `down` stops the group, whatever became of this shell.
    setsid bash "$here/realcluster/plane.sh" "$dir" "$bin" >"$dir/plane.log" 2>&1 </dev/null &
    plane=$!
    echo "$plane" >"$dir/pgid"
    started=$SECONDS
    while [[ ! -f "$dir/ready" ]]; do
        if ! kill -0 "$plane" 2>/dev/null; then
            rm -f "$dir/pgid"
            return 1
        fi
        ((SECONDS - started < 180)) || { cmd_down "$dir"; die "the control plane took over 180 s"; }
        sleep 0.2
    done
}

cmd_up() {
    dir=${1:?usage: realcluster.sh up DIR [--owner PID] [--apiserver-arg FLAG]... [kubesim args, default --nodes 40]}
    shift
    local owner=0 apiserver_args=${FAULTBOARD_APISERVER_ARGS:-}
    while :; do
        case "${1:-}" in
        --owner)
            owner=${2:?--owner needs a process id}
            shift 2
            ;;
        --apiserver-arg)
            # plane.sh splits FAULTBOARD_APISERVER_ARGS on spaces: a flag with one would become two.
            [[ -n "${2:-}" && "$2" != *[[:space:]]* ]] ||
                die "--apiserver-arg needs one kube-apiserver flag without spaces, got \"${2:-}\""
            apiserver_args+=" $2"
            shift 2
            ;;
        *) break ;;
        esac
    done
    # plane.sh reads them; every start_plane attempt below starts kube-apiserver with the same.
    export FAULTBOARD_APISERVER_ARGS=$apiserver_args
    local simargs=("$@")
    ((${#simargs[@]})) || simargs=(--nodes 40)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    [[ -f "$dir/pgid" ]] && cmd_down "$dir"
    for p in etcd curl openssl jq; do
        command -v "$p" >/dev/null || die "$p is missing: scripts/deps.sh test"
    done
    local bin kubesim
    bin=$(cmd_build)
    kubesim=$(find_program kubesim FAULTBOARD_KUBESIM)
    KUBELET_STANDIN=$(find_program kubelet_standin FAULTBOARD_KUBELET_STANDIN)
    rm -rf "$dir/etcd" "$dir/logs" "$dir/ready" "$dir/pids"
    # Another process can still take a port between the check above and the bind: then the plane
    # stops with "address already in use", and it is started again on other ports.
    pki
    tokens
    local attempt plane started
    for attempt in 1 2 3; do
        start_plane "$bin" && break
        if ((attempt == 3)) || ! grep -q 'address already in use' "$dir/plane.log"; then
            cat "$dir/plane.log" >&2
            die "the control plane did not start (logs in $dir/logs)"
        fi
        echo "realcluster: a port was taken while the plane started; again on other ports" >&2
        rm -rf "$dir/etcd" "$dir/logs" "$dir/ready" "$dir/pids"
    done
    rbac
    nodes_from_kubesim "$kubesim" "${simargs[@]}"
    echo "realcluster: up in $((SECONDS - started)) s, $(jq '.items|length' "$dir/nodes.json") nodes;" \
        "kube-apiserver at https://127.0.0.1:$APISERVER_PORT" >&2
    echo "$dir/kubeconfig"
    echo "$dir/admin.kubeconfig"
    echo "$dir/viewer.kubeconfig"
    echo "$dir/operator.kubeconfig"
    echo "$dir/sre.kubeconfig"
}

cmd_down() {
    local d=${1:?usage: realcluster.sh down DIR}
    [[ -f "$d/pgid" ]] || return 0
    local pgid
    pgid=$(cat "$d/pgid")
    if [[ "$pgid" =~ ^[0-9]+$ ]] && kill -0 -- "-$pgid" 2>/dev/null; then
        kill -TERM -- "-$pgid" 2>/dev/null || true
        for _ in $(seq 100); do
            kill -0 -- "-$pgid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL -- "-$pgid" 2>/dev/null || true
    fi
    rm -f "$d/pgid" "$d/ready"
    echo "realcluster: stopped" >&2
}

case "${1:-}" in
build) cmd_build ;;
up)
    shift
    cmd_up "$@"
    ;;
down) cmd_down "${2:?usage: realcluster.sh down DIR}" ;;
*)
    sed -n '2,/^set /{/^set /d;p}' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
