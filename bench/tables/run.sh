#!/usr/bin/env bash
# `make bench-tables`: the table planner on the social golfer instances of issue 3, on café
# rooms and on re-plans, with MiniZinc + Gecode on the golfer instances side by side. Prints
# one Markdown report; takes about three minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD_DIR=${BUILD_DIR:-build/release}
SEEDS=${SEEDS:-3}
GOLFER_SECONDS=${GOLFER_SECONDS:-20}
HARD_GOLFER_SECONDS=${HARD_GOLFER_SECONDS:-60}
CAFE_SECONDS=${CAFE_SECONDS:-5}
MINIZINC_SECONDS=${MINIZINC_SECONDS:-10}

bench="$BUILD_DIR/bench/tables/bench_tables"
if [[ ! -x "$bench" ]]; then
    cmake --build "$BUILD_DIR" --target bench_tables > /dev/null
fi

results=$(mktemp)
trap 'rm -f "$results"' EXIT

echo "# Table planner benchmark"
echo
echo "Machine: $(nproc) cores. MiniZinc/Gecode time limit: ${MINIZINC_SECONDS} s per instance."
echo
if command -v minizinc > /dev/null; then
    for instance in 5-3-7 4-4-5 6-6-3 6-3-8 8-4-8 8-4-9 10-4-10 8-4-10 6-4-7 7-7-8 10-10-4 6-6-4 8-4-11; do
        IFS=- read -r g s w <<< "$instance"
        started=$(date +%s.%N)
        # Gecode reports improving solutions; the last one is the best. A timeout without any
        # solution leaves the repeats column empty.
        output=$(timeout $((MINIZINC_SECONDS + 30)) minizinc --solver gecode \
            --time-limit $((MINIZINC_SECONDS * 1000)) bench/tables/golfers.mzn \
            -D "g=$g;s=$s;w=$w;" 2> /dev/null || true)
        finished=$(date +%s.%N)
        repeats=$(grep -o 'repeats=[0-9]*' <<< "$output" | tail -1 | cut -d= -f2)
        if grep -q '^==========' <<< "$output"; then
            status="optimal"
        elif [[ -n "$repeats" ]]; then
            status="time limit"
        else
            status="no solution"
        fi
        seconds=$(awk -v a="$started" -v b="$finished" 'BEGIN { printf "%.1f", b - a }')
        printf '%s\t%s\t%s\t%s\n' "$instance" "${repeats:--}" "$seconds" "$status" >> "$results"
    done
else
    echo "MiniZinc is not installed; its columns stay empty."
    echo
fi

"$bench" --seeds "$SEEDS" --golfer-seconds "$GOLFER_SECONDS" \
    --hard-golfer-seconds "$HARD_GOLFER_SECONDS" --cafe-seconds "$CAFE_SECONDS" \
    --minizinc-results "$results"
