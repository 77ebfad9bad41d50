#!/usr/bin/env bash
# Several stations' benchmark (issue 11): POST /api/v1/bids with rising values at 32
# connections, group commit, on SQLite and on PostgreSQL (a throwaway cluster on this
# machine, started here), side by side in one run.
# usage: tests/bench/stations_bench.sh [BUILD_DIR] [SECONDS]    (needs wrk: apt-get install wrk)
set -euo pipefail
build=${1:-build}
seconds=${2:-10}
here=$(cd "$(dirname "$0")" && pwd)
bin=$build/app/bidtracker
for tool in wrk curl; do command -v $tool >/dev/null || { echo "needs $tool"; exit 2; }; done
[ -x "$bin" ] || { echo "build first: make test (or cmake --build $build)"; exit 2; }

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    "$here/../pg/pgcluster.sh" stop "$work/pg.env" || true
    rm -rf "$work"
}
trap cleanup EXIT
"$here/../pg/pgcluster.sh" start "$work/pg.env" >/dev/null
url=$(sed -n 's/^BIDTRACKER_TEST_PG_URL=//p' "$work/pg.env")
token=bench-token-$RANDOM$RANDOM
items_per_thread=500

measure() { # name database
    local name=$1 db=$2 port=$((20000 + RANDOM % 20000))
    XDG_CONFIG_HOME=$work "$bin" --headless --db "$db" --port $port --token "$token" \
        --rate-limit 0 2>"$work/$name.log" &
    local pid=$!
    pids+=($pid)
    sleep 1.5
    local base=http://127.0.0.1:$port/api/v1
    curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
        -d '{"name": "Bench bidder"}' $base/users
    for i in $(seq 1 $((2 * items_per_thread + 2))); do
        curl -s -o /dev/null -X POST -H 'Content-Type: application/json' \
            -H "Authorization: Bearer $token" -d "{\"item\": {\"name\": \"Bench lot $i\"}}" $base/items
    done
    ITEMS=$items_per_thread FIRST_ITEM=3 TOKEN=$token wrk -t2 -c32 -d${seconds}s \
        -s "$here/postbids.lua" "http://127.0.0.1:$port" >/dev/null
    local accepted
    accepted=$(curl -s "http://127.0.0.1:$port/metrics" |
        awk '/bidtracker_bids_total\{outcome="accepted"\}/ {print $2}')
    kill $pid
    wait $pid 2>/dev/null || true
    echo "$name: $(awk -v a="$accepted" -v s="$seconds" 'BEGIN {printf "%.0f", a / s}') accepted bids/s ($accepted in $seconds s)"
}
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
measure sqlite "$work/bench.sqlite"
measure postgresql "$url"
