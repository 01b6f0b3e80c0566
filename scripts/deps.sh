#!/usr/bin/env bash
# Installs the Debian 12 packages Faultboard needs to build, test and run, and only those that
# are missing. The one place the package list lives.
set -euo pipefail

packages=(
    # toolchain
    g++ cmake ninja-build pkg-config
    # Qt 6 (Widgets, Network, Charts, Sql, Test, Concurrent, LinguistTools)
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-translations-l10n libqt6sql6-sqlite libgl-dev
    # libraries
    nlohmann-json3-dev libyaml-cpp-dev libssl-dev
    # runtime of the tests: fonts for offscreen rendering, dpkg for the package test
    fonts-dejavu-core dpkg-dev
)
if [[ "${FAULTBOARD_SCREENSHOT_DEPS:-0}" == 1 ]]; then
    packages+=(fonts-wqy-microhei xvfb xauth)
fi

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]})); then
    echo "deps: installing ${missing[*]}" >&2
    sudo_cmd=()
    [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
fi
