#!/usr/bin/env bash
# Long fuzz runs (docs/reliability.md): builds the clang tree (CMakePresets.json "fuzz",
# build-fuzz) and runs each named fuzz target, one process at nice 10, for RUNS executions
# (default 1000000) or SECONDS at most (FAULTBOARD_FUZZ_SECONDS, default 3600), starting from
# tests/fuzz/corpus/<target> and growing build-fuzz/runs/<target>/corpus. Crashes land in
# build-fuzz/runs/<target>/ (crash-*, leak-*, timeout-*, oom-*); a crash input worth keeping
# goes into the committed corpus with its fix. Prints libFuzzer's final statistics per target.
# --fast runs the UBSan-only binaries of the fuzz-ubsan preset (build-fuzz-ubsan, several times the
# executions per second) and then replays every input the run kept through the ASan + UBSan
# binary once. --max-len N caps the input size (libFuzzer's -max_len; default: from the corpus).
# --no-build runs the binaries as they are (to go on while the tree is being changed).
#
#   scripts/fuzz.sh [--fast] [--no-build] [--max-len N] [--runs N] TARGET...
#   e.g. scripts/fuzz.sh --fast --max-len 2048 --runs 10000000 fuzz_nodedecoder
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=1000000
fast=0
build=1
maxlen=()
targets=()
while (($#)); do
    case "$1" in
    --runs) runs=$2; shift 2 ;;
    --fast) fast=1; shift ;;
    --no-build) build=0; shift ;;
    --max-len) maxlen=(-max_len="$2"); shift 2 ;;
    -h | --help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) targets+=("$1"); shift ;;
    esac
done
((${#targets[@]})) || { echo "fuzz.sh: name at least one target (tests/fuzz/fuzz_*.cpp)" >&2; exit 2; }

"$root/scripts/deps.sh" fuzz
cd "$root"
presets=(fuzz)
((fast)) && presets+=(fuzz-ubsan)
for p in "${presets[@]}"; do
    ((build)) || break
    dir=build-$p
    [[ -f $dir/CMakeCache.txt ]] || cmake --preset "$p" >/dev/null
    nice cmake --build --preset "$p" --parallel "${FAULTBOARD_JOBS:-$(nproc)}" --target "${targets[@]}"
done
bin="$root/build-fuzz/bin"
((fast)) && bin="$root/build-fuzz-ubsan/bin"

for t in "${targets[@]}"; do
    out="$root/build-fuzz/runs/$t"
    mkdir -p "$out/corpus"
    dict=()
    case "$t" in
    fuzz_nodedecoder | fuzz_execcredential | fuzz_scenario | fuzz_taxonomy) dict=(-dict="$root/tests/fuzz/json.dict") ;;
    esac
    echo "== fuzz.sh: $t, $runs runs"
    start=$SECONDS
    # -jobs=1: one worker process, whose log libFuzzer writes to fuzz-0.log in the working folder.
    (cd "$out" && rm -f fuzz-0.log && nice -n 10 "$bin/$t" -jobs=1 -runs="$runs" \
        -max_total_time="${FAULTBOARD_FUZZ_SECONDS:-3600}" -timeout=10 -print_final_stats=1 \
        "${maxlen[@]}" "${dict[@]}" -artifact_prefix="$out/" "$out/corpus" \
        "$root/tests/fuzz/corpus/$t" >"$out/log" 2>&1) || true
    # libFuzzer separates the count from the event with a tab.
    grep -E '^#[0-9]+[[:space:]]+(DONE|NEW|REDUCE|pulse)' "$out/fuzz-0.log" | tail -1 || true
    grep '^stat::' "$out/fuzz-0.log" || true
    grep -E -m3 'ERROR|property broken|runtime error|Test unit written' "$out/fuzz-0.log" || true
    echo "  $((SECONDS - start)) s"
    if ((fast)); then
        # Every input the run kept, once more under ASan: -runs=0 executes the corpus and stops.
        if nice -n 10 "$root/build-fuzz/bin/$t" -runs=0 -artifact_prefix="$out/asan-" \
            "$out/corpus" >"$out/asan.log" 2>&1; then
            echo "  replayed under ASan: $(ls "$out/corpus" | wc -l) inputs, no finding"
        else
            echo "  replayed under ASan: FAILED, see $out/asan.log"
            grep -E -m3 'ERROR|property broken|runtime error' "$out/asan.log" || true
        fi
    fi
done
