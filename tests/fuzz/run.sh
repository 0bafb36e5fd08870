#!/usr/bin/env bash
# Runs every libFuzzer target of tests/fuzz/ for a bounded time under ASan and UBSan, and fails
# on any crash, sanitizer report, leak, time-out or broken property. Builds the `fuzz` preset
# first. Each target works on its own corpus in build/fuzz/corpus/<target>/, which starts as a
# copy of the seeds in tests/fuzz/corpus/<target>/ and keeps growing over runs (the seeds in
# the repository stay as they are). Run via `make fuzz`, which installs clang first.
#
# Settings (environment): FUZZ_SECONDS (per target, default 60), FUZZ_TARGETS (default all),
# FUZZ_FRESH=1 (start again from the seeds alone).
set -euo pipefail

cd "$(dirname "$0")/../.."

seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-"request_target form_data cookies json_body people_csv oai_request"}
build=build/fuzz

export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
cmake --preset fuzz > /dev/null
cmake --build --preset fuzz

export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# The value after `label` in libFuzzer's final statistics, or "-" when it is missing.
final_stat() {
    local value
    value=$(sed -n "s/^stat::$1: *//p" "$2" | tail -n 1)
    echo "${value:--}"
}

# cov: and ft: of the last status line (DONE when the time ran out).
coverage() {
    local line
    line=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$1" | tail -n 1 || true)
    local cov ft
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<< "$line")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<< "$line")
    echo "${cov:--} ${ft:--}"
}

table="| target | seconds | executions | exec/s | corpus (seeds) | cov | ft | findings |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
failed=0
for target in $targets; do
    binary=$build/tests/fuzz/${target}_fuzz
    seeds=tests/fuzz/corpus/$target
    corpus=$build/corpus/$target
    findings=$build/findings/$target
    log=$build/logs/$target.log
    if [ ! -x "$binary" ] || [ ! -d "$seeds" ]; then
        echo "fuzz: unknown target '$target'" >&2
        exit 2
    fi
    if [ "${FUZZ_FRESH:-0}" = 1 ]; then rm -rf "$corpus"; fi
    rm -rf "$findings"
    mkdir -p "$corpus" "$findings" "$(dirname "$log")"
    cp -n "$seeds"/* "$corpus"/
    dictionary=()
    if [ -f "tests/fuzz/$target.dict" ]; then dictionary=("-dict=tests/fuzz/$target.dict"); fi

    echo "fuzz: $target for ${seconds}s (log: $log)"
    status=0
    "$binary" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$findings/" "${dictionary[@]}" "$corpus" > "$log" 2>&1 || status=$?

    found=$(find "$findings" -type f | wc -l)
    if [ "$status" -ne 0 ] && [ "$found" -eq 0 ]; then found=1; fi
    if [ "$found" -ne 0 ]; then
        failed=1
        echo "fuzz: $target FAILED (exit status $status); the report:" >&2
        grep -E -A40 '^==[0-9]+==ERROR|runtime error|Fuzz property|ERROR: libFuzzer' "$log" |
            head -n 60 >&2 || tail -n 40 "$log" >&2
        for artifact in "$findings"/*; do
            [ -e "$artifact" ] && echo "fuzz: reproduce with: $binary $artifact" >&2
        done
    fi
    read -r cov ft <<< "$(coverage "$log")"
    table+="
| $target | $seconds | $(final_stat number_of_executed_units "$log") | $(final_stat average_exec_per_sec "$log") | $(find "$corpus" -type f | wc -l) ($(find "$seeds" -type f | wc -l)) | $cov | $ft | $found |"
done

echo
echo "$table"
if [ "$failed" -ne 0 ]; then
    echo "fuzz: findings above; fix the parser, add the input to tests/fuzz/corpus/<target>/" >&2
    echo "fuzz: and a unit test for it." >&2
    exit 1
fi
