#!/usr/bin/env bash
# `make bench-reports`: the magazine of 5, 20 and 40 cafés from the demo Werkplaats's data,
# read from SQLite and set as PDF (two passes, for the contents' page numbers) and as HTML.
# Prints one Markdown table; takes well under a minute.
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD_DIR=${BUILD_DIR:-build/release}
bench="$BUILD_DIR/bench/reports/bench_reports"
if [[ ! -x "$bench" ]]; then
    cmake --build "$BUILD_DIR" --target bench_reports > /dev/null
fi

echo "# Magazine benchmark"
echo
echo "Machine: $(nproc) cores."
echo
echo "| cafés | pages | read s | PDF s | PDF MB | HTML s | HTML MB | peak memory MB |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for cafes in ${CAFES:-5 20 40}; do
    "$bench" "$cafes"
done
