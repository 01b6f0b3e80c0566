#!/usr/bin/env bash
# Installs the Debian 12 packages Faultboard needs, and only those that are missing. The one place
# the package lists live; every script that needs a package asks for its group here.
#
#   deps.sh [GROUP ...]     default: build test
#
#   build               compile Faultboard and kubesim (toolchain, Qt 6, libraries)
#   test                run the test suite: a real kubectl when none is on PATH (Debian's
#                       kubernetes-client), etcd for the real control plane, curl, openssl and jq for
#                       its fixture, fonts for offscreen rendering, dpkg-dev and file for the
#                       package test (dpkg-shlibdeps), prometheus (with promtool) and
#                       victoria-metrics for the tests of the fault history read from Prometheus
#   controlplane-build  build kube-apiserver, -controller-manager and -scheduler from Debian's
#                       `kubernetes` source package (only when scripts/realcluster.sh has no cached
#                       binaries for the source version)
#   package             check the .deb: lintian, appstreamcli, desktop-file-validate
#   screenshots         a real X server and CJK fonts for scripts/screenshots.sh
#   fresh-root          make a fresh Debian root for scripts/fresh-check.sh (debootstrap)
#   fuzz                clang and its libFuzzer runtime for the fuzz targets' long runs
#                       (docs/reliability.md); CI replays the corpora with GCC and needs neither
#
# `apt-get update` runs once per call, and only when something is missing.
set -euo pipefail

groups=("$@")
((${#groups[@]})) || groups=(build test)

packages=()
for g in "${groups[@]}"; do
    case "$g" in
    build)
        packages+=(
            g++ cmake ninja-build pkg-config
            # Qt 6: Widgets, Network, Charts, Sql, Test, Concurrent, LinguistTools. Debian's
            # qt6-charts-dev needs Qt6OpenGL's CMake package without depending on it.
            qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6opengl6-dev
            qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
            libqt6sql6-sqlite libgl-dev
            nlohmann-json3-dev libyaml-cpp-dev libssl-dev
            # Node lists as protobuf: the wire-format reader, and protoc for the tests' encoder
            libprotobuf-dev protobuf-compiler
        )
        ;;
    test)
        packages+=(fonts-dejavu-core dpkg-dev file etcd-server curl openssl jq ca-certificates
            prometheus victoria-metrics)
        # A real kubectl: the one on PATH when there is one, else Debian's (v1.20).
        command -v kubectl >/dev/null 2>&1 || packages+=(kubernetes-client)
        ;;
    controlplane-build)
        packages+=(golang-go rsync jq make dpkg-dev golang-github-modern-go-reflect2-dev
            ca-certificates)
        ;;
    package)
        packages+=(lintian appstream desktop-file-utils)
        ;;
    screenshots)
        packages+=(fonts-wqy-microhei xvfb xauth)
        ;;
    fresh-root)
        packages+=(debootstrap)
        ;;
    fuzz)
        packages+=(clang libclang-rt-14-dev)
        ;;
    *)
        echo "deps: unknown group '$g' (build, test, controlplane-build, package, screenshots, fresh-root, fuzz)" >&2
        exit 2
        ;;
    esac
done
if [[ "${FAULTBOARD_SCREENSHOT_DEPS:-0}" == 1 ]]; then
    packages+=(fonts-wqy-microhei xvfb xauth)
fi

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
# Unique, in order.
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | awk 'NF && !seen[$0]++')

if ((${#missing[@]})); then
    echo "deps: installing ${missing[*]}" >&2
    sudo_cmd=()
    [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
fi
