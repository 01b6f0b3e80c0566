#!/usr/bin/env bash
# Quick start 2: install what is missing, build, and run the whole test suite through ctest.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/deps.sh"
"$root/scripts/build.sh"
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "${FAULTBOARD_BUILD_DIR:-$root/build}" --output-on-failure \
    --parallel "${FAULTBOARD_JOBS:-$(nproc)}" "$@"
