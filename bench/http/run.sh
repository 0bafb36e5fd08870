#!/usr/bin/env bash
# Measures the whole HTTP stack with wrk on loopback: a public event page (a cached read), the
# world-café route a participant's phone asks for every 15 seconds (an uncached personal read),
# and registration POSTs (durable writes). Starts its own server on a temporary demo database,
# prints a table, and cleans up after itself. Run via `make bench-http` after `make build`.
#
# Settings (environment): BENCH_DURATION (default 10s), BENCH_CONNECTIONS (64),
# BENCH_WRK_THREADS (1), BENCH_SERVER_THREADS (2), KC_BINARY (build/kenniscafe).
set -euo pipefail

cd "$(dirname "$0")/../.."

binary=${KC_BINARY:-build/kenniscafe}
duration=${BENCH_DURATION:-10s}
connections=${BENCH_CONNECTIONS:-64}
wrk_threads=${BENCH_WRK_THREADS:-1}
server_threads=${BENCH_SERVER_THREADS:-2}
startup_timeout_seconds=30
stop_timeout_seconds=10

for tool in wrk curl jq; do
    if ! command -v "$tool" > /dev/null; then
        echo "bench-http: '$tool' is missing (apt-get install $tool)" >&2
        exit 1
    fi
done
if [ ! -x "$binary" ]; then
    echo "bench-http: $binary not found; run 'make build' first" >&2
    exit 1
fi

workdir=$(mktemp -d "${TMPDIR:-/tmp}/kc-bench-http.XXXXXX")
server_pid=""

stop_server() {
    if [ -z "$server_pid" ] || ! kill -0 "$server_pid" 2> /dev/null; then
        return
    fi
    kill -TERM "$server_pid"
    for _ in $(seq $((stop_timeout_seconds * 10))); do
        kill -0 "$server_pid" 2> /dev/null || break
        sleep 0.1
    done
    if kill -0 "$server_pid" 2> /dev/null; then
        echo "bench-http: the server ignored SIGTERM for ${stop_timeout_seconds}s; killing it" >&2
        kill -KILL "$server_pid"
    fi
    wait "$server_pid" 2> /dev/null || true
    server_pid=""
}

cleanup() {
    stop_server
    rm -rf "$workdir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A port nobody listens on: connecting to it fails.
free_port() {
    local port
    for _ in $(seq 100); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
            echo "$port"
            return
        fi
    done
    echo "bench-http: found no free port" >&2
    exit 1
}

port=$(free_port)
base_url="http://127.0.0.1:$port"

"$binary" serve --db "$workdir/bench.db" --address 127.0.0.1 --port "$port" \
    --threads "$server_threads" --demo > "$workdir/server.log" 2>&1 &
server_pid=$!

ready=no
for _ in $(seq $((startup_timeout_seconds * 10))); do
    if ! kill -0 "$server_pid" 2> /dev/null; then break; fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base_url/healthz")" = "200" ]; then
        ready=yes
        break
    fi
    sleep 0.1
done
if [ "$ready" != yes ]; then
    echo "bench-http: the server did not become healthy; its log:" >&2
    cat "$workdir/server.log" >&2
    exit 1
fi

# The upcoming published event that starts first.
now=$(date +%s)
event_id=""
earliest=""
while IFS=$'\t' read -r id starts_at; do
    starts=$(date -d "$starts_at" +%s 2> /dev/null) || continue
    if [ "$starts" -gt "$now" ] && { [ -z "$earliest" ] || [ "$starts" -lt "$earliest" ]; }; then
        event_id=$id
        earliest=$starts
    fi
done < <(curl -fsS "$base_url/api/v1/events?when=upcoming" | jq -r '.items[] | "\(.id)\t\(.starts_at)"')
if [ -z "$event_id" ]; then
    echo "bench-http: the demo data has no upcoming event" >&2
    exit 1
fi

# A world café on that event, planned and with round 1 started, and the personal link of one of
# its participants: what a phone polls during the café.
participant_token=$(curl -fsS -X POST -H 'Content-Type: application/json' \
    -d '{"name":"Bench Deelnemer","group":"Bewoner"}' \
    "$base_url/api/v1/events/$event_id/registrations" | jq -r .cancel_token)
jar="$workdir/cookies"
csrf_of() { grep -o 'name="csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
csrf=$(curl -fsS -c "$jar" -b "$jar" "$base_url/login" | csrf_of)
curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" \
    --data-urlencode "email=organisator@demo.kenniscafe.nl" \
    --data-urlencode "password=demo-kenniscafe" "$base_url/login"
cafe_url="$base_url/beheer/events/$event_id/wereldcafe"
csrf=$(curl -fsS -c "$jar" -b "$jar" "$cafe_url" | csrf_of)
tables=""
for row in 1 2 3 4; do tables="$tables&table_name_$row=Tafel$row&table_capacity_$row=8"; done
for step in "opzet?rounds=3&question_1=Wat+werkt&question_2=Wat+mist&question_3=Wat+nu$tables" \
    "plan?" "ronde?started_rounds=1"; do
    curl -fsS -o /dev/null -b "$jar" --data "csrf=$csrf&${step#*\?}" "$cafe_url/${step%%\?*}"
done
if [ "$(curl -fsS "$base_url/aanmelding/$participant_token/tafels.json" | jq -r .now)" = "" ]; then
    echo "bench-http: the world café for the route scenario was not set up" >&2
    exit 1
fi

# Runs one wrk scenario and prints one table row from the RESULT line of stats.lua.
run_scenario() {
    local label=$1 url=$2 script=$3
    shift 3
    local output
    output=$(timeout 120 wrk -t "$wrk_threads" -c "$connections" -d "$duration" --timeout 5s \
        -s "$script" "$url" -- "$@")
    local result
    result=$(grep '^RESULT ' <<< "$output") || {
        echo "bench-http: wrk gave no result for $label:" >&2
        echo "$output" >&2
        exit 1
    }
    read -r _ requests seconds p50 p90 p99 non_2xx socket_errors <<< "$result"
    awk -v label="$label" -v requests="$requests" -v seconds="$seconds" -v p50="$p50" \
        -v p90="$p90" -v p99="$p99" -v non_2xx="$non_2xx" -v socket_errors="$socket_errors" \
        'BEGIN { printf "%-44s %10.0f %9.2f %9.2f %9.2f %9d %9d %9d\n",
                 label, requests / seconds, p50, p90, p99, requests, non_2xx, socket_errors }'
}

echo "HTTP benchmark: wrk -t$wrk_threads -c$connections -d$duration on 127.0.0.1," \
    "server with $server_threads io threads, event $event_id"
printf "%-44s %10s %9s %9s %9s %9s %9s %9s\n" scenario "requests/s" "p50 ms" "p90 ms" \
    "p99 ms" requests "non-2xx" "sock err"
run_scenario "GET /events/$event_id" "$base_url/events/$event_id" bench/http/stats.lua
run_scenario "GET /aanmelding/{token}/tafels.json" \
    "$base_url/aanmelding/$participant_token/tafels.json" bench/http/stats.lua
run_scenario "POST /api/v1/events/$event_id/registrations" \
    "$base_url/api/v1/events/$event_id/registrations" bench/http/register.lua "bench$$"

stop_server
