#!/usr/bin/env bash
# `make bench-live` (issue 8): live sessions under load. bench/live/live_load starts
# `kenniscafe serve` and the baseline server (bench/live/baseline_server.cpp) itself, each
# pinned to core 0, and runs on core 1: idle phones held, answer-rate steps, a burst, a join
# storm and results pushed to every phone. It prints one Markdown table and, as its last line,
# `live: participants=... answers_per_s=... ...`. Takes about nine minutes.
#
# Settings (environment): HOLD_SECONDS (60),
# STEP_SECONDS (4), KC_BINARY (build/release/kenniscafe), BUILD_DIR (build/release).
set -euo pipefail
cd "$(dirname "$0")/../.."

build_dir=${BUILD_DIR:-build/release}
binary=${KC_BINARY:-$build_dir/kenniscafe}
hold_seconds=${HOLD_SECONDS:-60}
step_seconds=${STEP_SECONDS:-4}

if ! command -v taskset > /dev/null; then
    echo "bench-live: 'taskset' is missing (apt-get install util-linux)" >&2
    exit 1
fi
if [ "$(nproc)" -lt 2 ]; then
    echo "bench-live: needs two cores (server on core 0, load generator on core 1)" >&2
    exit 1
fi
cmake --build "$build_dir" --target live_load baseline_server > /dev/null
if [ ! -x "$binary" ]; then
    echo "bench-live: $binary not found; run 'make build' first" >&2
    exit 1
fi

workdir=$(mktemp -d "${TMPDIR:-/tmp}/kc-bench-live.XXXXXX")
trap 'rm -rf "$workdir"' EXIT

# The generator kills the servers it started on every way out; `timeout` is the last resort
# that keeps the bench within its 15 minutes.
timeout --kill-after=10 900 taskset -c 1 "$build_dir/bench/live/live_load" \
    --kenniscafe "$binary" --baseline "$build_dir/bench/live/baseline_server" \
    --workdir "$workdir" --hold-seconds "$hold_seconds" --step-seconds "$step_seconds"
