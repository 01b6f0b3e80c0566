#!/usr/bin/env bash
# Quick start 2: install what is missing, build, and run the whole test suite through ctest; then
# build the sanitized tree (CMakePresets.json "asan": ASan + UBSan, no recovery, in build-asan)
# with only the tests labelled `sanitized` and run those once more (FAULTBOARD_SANITIZED=0 skips
# it). Arguments go to both ctest runs. Prints where the time went (packages, build, tests, asan
# build, asan tests); FAULTBOARD_PHASE_TIMES=FILE also writes those lines to FILE
# (scripts/fresh-check.sh reads them).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${FAULTBOARD_BUILD_DIR:-$root/build}

times=()
phase() {
    local name=$1 start=$SECONDS rc=0
    shift
    "$@" || rc=$?
    times+=("$(printf '%-10s %5d s' "$name" $((SECONDS - start)))")
    return "$rc"
}
report() {
    local rc=$?
    ((${#times[@]})) || exit "$rc"
    echo "== test.sh: where the time went"
    printf '  %s\n' "${times[@]}"
    [[ -z "${FAULTBOARD_PHASE_TIMES:-}" ]] || printf '%s\n' "${times[@]}" >"$FAULTBOARD_PHASE_TIMES"
    exit "$rc"
}
trap report EXIT

phase packages "$root/scripts/deps.sh"
phase build "$root/scripts/build.sh"
export QT_QPA_PLATFORM=offscreen
echo "== test.sh: $(ctest --test-dir "$build" -N | sed -n 's/^Total Tests: //p') tests registered"
phase tests ctest --test-dir "$build" --output-on-failure \
    --parallel "${FAULTBOARD_JOBS:-$(nproc)}" "$@"

# Presets are read from the source folder, so both run there.
asan_build() (
    cd "$root"
    [[ -f build-asan/CMakeCache.txt ]] || cmake --preset asan >/dev/null
    cmake --build --preset asan --parallel "${FAULTBOARD_JOBS:-$(nproc)}"
)
asan_tests() (
    cd "$root"
    echo "== test.sh: $(ctest --preset asan -N | sed -n 's/^Total Tests: //p') tests under ASan + UBSan"
    ctest --preset asan --parallel "${FAULTBOARD_JOBS:-$(nproc)}" "$@"
)
if [[ "${FAULTBOARD_SANITIZED:-1}" == 1 ]]; then
    phase "asan build" asan_build
    phase "asan tests" asan_tests "$@"
fi
