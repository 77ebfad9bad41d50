#!/usr/bin/env bash
# The API benchmark (issue 3): in one run, side by side on this machine,
#   - GET /api/v1/items/item1?winningOnly=1 on bidtracker, against the same request on a
#     bare QHttpServer route answering a constant object of that shape (bench_bare_server);
#   - POST /api/v1/bids with rising values at 32 connections (synchronous=FULL).
# usage: tests/bench/api_bench.sh [BUILD_DIR] [SECONDS]    (needs wrk: apt-get install wrk)
set -euo pipefail
build=${1:-build}
seconds=${2:-10}
bin=$build/app/bidtracker
bare=$build/tests/bench_bare_server
for tool in wrk curl; do command -v $tool >/dev/null || { echo "needs $tool"; exit 2; }; done
[ -x "$bin" ] && [ -x "$bare" ] || { echo "build first: make test (or cmake --build $build)"; exit 2; }

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
port=$((20000 + RANDOM % 20000))
bare_port=$((port + 1))
token=bench-token-$RANDOM$RANDOM
items_per_thread=500

XDG_CONFIG_HOME=$work "$bin" --headless --demo --db "$work/bench.sqlite" --port $port \
    --token "$token" --rate-limit 0 2>"$work/server.log" &
pids+=($!)
"$bare" $bare_port &
pids+=($!)
sleep 1
base=http://127.0.0.1:$port/api/v1
for i in $(seq 1 $((2 * items_per_thread))); do
    curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
        -d "{\"item\": {\"name\": \"Bench lot $i\"}}" $base/items
done

rps() { awk '/Requests\/sec/ {print $2}'; }
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"
get_app=$(wrk -t2 -c32 -d${seconds}s "$base/items/item1?winningOnly=1" | rps)
get_bare=$(wrk -t2 -c32 -d${seconds}s "http://127.0.0.1:$bare_port/api/v1/items/item1" | rps)
post_out=$(ITEMS=$items_per_thread FIRST_ITEM=3 TOKEN=$token wrk -t2 -c32 -d${seconds}s \
    -s "$(dirname "$0")/postbids.lua" "http://127.0.0.1:$port")
post_rps=$(echo "$post_out" | rps)
accepted=$(curl -s "http://127.0.0.1:$port/metrics" | awk '/bidtracker_bids_total\{outcome="accepted"\}/ {print $2}')
rejected=$(curl -s "http://127.0.0.1:$port/metrics" | awk '/bidtracker_bids_total\{outcome="rejected"\}/ {print $2}')
echo "GET winningOnly (bidtracker):   $get_app requests/s"
echo "GET constant (bare QHttpServer): $get_bare requests/s"
echo "ratio bidtracker/bare:           $(awk -v a="$get_app" -v b="$get_bare" 'BEGIN {printf "%.0f%%", 100 * a / b}')"
echo "POST /bids at 32 connections:    $post_rps requests/s; accepted $accepted, rejected $rejected"
echo "accepted bids per second:        $(awk -v a="$accepted" -v s="$seconds" 'BEGIN {printf "%.0f", a / s}')"
