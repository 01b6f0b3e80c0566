#!/usr/bin/env bash
# Builds kube-apiserver, kube-controller-manager and kube-scheduler from Debian 12's `kubernetes`
# source package into OUT. Called by scripts/realcluster.sh, which keys its binary cache on the
# source version and the sha256 of THIS file: any change here means a rebuild.
#
#   build-recipe.sh VERSION WORKDIR OUT
#
# The source comes with `apt-get source` through a private sources list (deb-src for bookworm):
# the machine's own apt sources are never read nor changed.
set -euo pipefail

version=$1 work=$2 out=$3
mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/src"
# deb-src lines for the Debian archive this machine's apt is set up with (bookworm, its updates
# and security suites).
source "$(dirname "${BASH_SOURCE[0]}")/../debian-sources.sh"
debian_sources | while read -r uri suite comps; do
    echo "deb-src $uri $suite $comps"
done >"$work/sources.list"
[[ -s "$work/sources.list" ]] || {
    echo "realcluster: this machine's apt sources name no Debian bookworm archive" >&2
    exit 1
}
apt_opts=(
    -o "Dir::Etc::SourceList=$work/sources.list"
    -o "Dir::Etc::SourceParts=/nonexistent"
    -o "Dir::State::Lists=$work/lists"
    -o "Dir::Cache::Archives=$work/archives"
    -o "Dir::Cache::pkgcache=" -o "Dir::Cache::srcpkgcache="
    -o "APT::Sandbox::User=root"
)
echo "realcluster: fetching the kubernetes $version source" >&2
apt-get "${apt_opts[@]}" -qq update
(cd "$work/src" && apt-get "${apt_opts[@]}" -qq --download-only source "kubernetes=$version")
orig=$(ls "$work"/src/kubernetes_*.orig.tar.* | head -n1)
tree="$work/src/kubernetes"
rm -rf "$tree" && mkdir -p "$tree"
tar -xf "$orig" -C "$tree" --strip-components=1

# github.com/modern-go/reflect2 1.0.1 faults in mapiterinit under Go >= 1.18 (JSON encoding under
# load); Debian's 1.0.2 is the fix.
reflect2=/usr/share/gocode/src/github.com/modern-go/reflect2
[[ -f "$reflect2/reflect2.go" ]] || {
    echo "realcluster: $reflect2 is missing (golang-github-modern-go-reflect2-dev)" >&2
    exit 1
}
rm -rf "$tree/vendor/github.com/modern-go/reflect2"
cp -r "$reflect2" "$tree/vendor/github.com/modern-go/reflect2"
rm -f "$tree/vendor/github.com/modern-go/reflect2/go.mod"

# GOPATH mode: the tree as k8s.io/kubernetes.
mkdir -p "$tree/.go/src/k8s.io"
ln -sfn "$tree" "$tree/.go/src/k8s.io/kubernetes"
echo "realcluster: building kube-apiserver, kube-controller-manager, kube-scheduler" \
    "(several minutes)" >&2
(
    cd "$tree/.go/src/k8s.io/kubernetes"
    export GOPATH="$tree/.go" GO111MODULE=off GOFLAGS= CGO_ENABLED=0 GOCACHE="$work/gocache"
    export KUBE_GIT_VERSION="v1.20.2" KUBE_GIT_TREE_STATE=clean
    make WHAT="cmd/kube-apiserver cmd/kube-controller-manager cmd/kube-scheduler"
)
mkdir -p "$out"
for b in kube-apiserver kube-controller-manager kube-scheduler; do
    install -m 0755 "$tree/_output/bin/$b" "$out/$b"
done
