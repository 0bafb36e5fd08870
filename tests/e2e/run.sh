#!/bin/sh
# Runs the browser tests: starts the server on a fresh SQLite file with the demo
# Werkplaats on a free port, runs the Playwright tests in Debian's Chromium, and
# stops the server again, also when a test fails.
set -eu
cd "$(dirname "$0")"
root="$(cd ../.. && pwd)"
binary="$root/build/kenniscafe"

if [ ! -x /usr/bin/chromium ]; then
    echo "e2e: /usr/bin/chromium is missing; run scripts/install-deps.sh" >&2
    exit 1
fi
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/@axe-core/playwright ]; then
    if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi

workdir="$(mktemp -d)"
"$binary" serve --db "$workdir/e2e.db" --port 0 --demo > "$workdir/server.log" 2>&1 &
server=$!
cleanup() {
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    rm -rf "$workdir"
}
trap cleanup EXIT INT TERM

# The server prints its address once it listens; --port 0 lets it pick a free port.
address=""
for _ in $(seq 1 100); do
    address="$(grep -o 'http://127.0.0.1:[0-9]*' "$workdir/server.log" | head -n 1 || true)"
    if [ -n "$address" ]; then break; fi
    sleep 0.1
done
if [ -z "$address" ]; then
    echo "e2e: the server did not start:" >&2
    cat "$workdir/server.log" >&2
    exit 1
fi

# One file at a time (the tests share the server's data); `--test-concurrency` exists only
# from Node.js 20.10 on, and Debian 12 has Node.js 18.
status=0
for file in *.test.mjs; do
    KC_BASE_URL="$address" node --test "$file" || status=1
done
exit $status
