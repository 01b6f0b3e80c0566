#!/usr/bin/env bash
# Fetches every node of a cluster with curl, the fastest ways kube-apiserver offers, for
# comparison with Faultboard's and kubectl's initial sync (docs/performance.md): the server's
# limit for the same data, with nothing decoded.
#
#   scripts/bench/curl-nodes.sh MODE DIR
#
# MODE: json0   one list from the watch cache (resourceVersion=0), JSON
#       proto0  the same as protobuf (application/vnd.kubernetes.protobuf)
#       paged   pages of 500 without resourceVersion (quorum reads from etcd), as kubectl lists
# DIR: a control plane of scripts/realcluster.sh (its ports, CA and the admin token).
# Prints the bytes received on stderr.
set -euo pipefail
mode=$1
dir=$2
# shellcheck disable=SC1091
source "$dir/ports"
api="https://127.0.0.1:$APISERVER_PORT/api/v1/nodes"
token=$(awk -F, '$2=="admin"{print $1}' "$dir/tokens.csv")
get() {
    curl -sSf --cacert "$dir/pki/ca.crt" -H "Authorization: Bearer $token" "$@"
}
case $mode in
json0)
    get -o /dev/null -w '%{size_download} bytes\n' -H 'Accept: application/json' \
        "$api?resourceVersion=0" >&2
    ;;
proto0)
    get -o /dev/null -w '%{size_download} bytes\n' \
        -H 'Accept: application/vnd.kubernetes.protobuf' "$api?resourceVersion=0" >&2
    ;;
paged)
    page=$(mktemp)
    trap 'rm -f "$page"' EXIT
    total=0 cont=""
    while :; do
        get -o "$page" -H 'Accept: application/json' \
            "$api?limit=500${cont:+&continue=$cont}"
        total=$((total + $(stat -c %s "$page")))
        # The continue token is in the list's metadata, at the start of the page.
        cont=$(head -c 4096 "$page" | grep -o '"continue": *"[^"]*"' | cut -d'"' -f4 || true)
        [[ -n "$cont" ]] || break
    done
    echo "$total bytes" >&2
    ;;
*)
    echo "curl-nodes.sh: unknown mode $mode (json0, proto0, paged)" >&2
    exit 2
    ;;
esac
