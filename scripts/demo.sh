#!/usr/bin/env bash
# Quick start 1: install what is missing, build, and launch Faultboard on the demo cluster.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/deps.sh"
"$root/scripts/build.sh"
exec "${FAULTBOARD_BUILD_DIR:-$root/build}/bin/faultboard" --demo "$@"
