#!/usr/bin/env bash
# `bench/exports/run.sh`: a period export of 15,000 registrations (300 cafés of 50) as CSV and
# XLSX, read from a real SQLite store as the server does. Prints one Markdown table.
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD_DIR=${BUILD_DIR:-build/release}
bench="$BUILD_DIR/bench/exports/bench_exports"
if [[ ! -x "$bench" ]]; then
    cmake --build "$BUILD_DIR" --target bench_exports > /dev/null
fi
"$bench" "$@"
