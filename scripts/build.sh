#!/usr/bin/env bash
# Configures and builds Faultboard into ./build (or $FAULTBOARD_BUILD_DIR).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${FAULTBOARD_BUILD_DIR:-$root/build}
type=${CMAKE_BUILD_TYPE:-RelWithDebInfo}
if [[ ! -f "$build/CMakeCache.txt" ]]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="$type" >/dev/null
fi
cmake --build "$build" --parallel "${FAULTBOARD_JOBS:-$(nproc)}"
