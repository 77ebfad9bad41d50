#!/usr/bin/env bash
# The big auction (100,000 lots, 10,000 bidders, 1,000,000 bids) on PostgreSQL and on SQLite,
# side by side in one run (issue 11): generation time, the window's timings, and the API's p99 latency of the three
# per-request routes with random ids (the answer cache cannot help), one connection, so p99
# is the time of a request, not of a queue. PostgreSQL is a throwaway cluster started here.
# usage: tests/bench/pg_big_auction.sh [BUILD_DIR]      (needs wrk: apt-get install wrk)
set -euo pipefail
build=${1:-build}
bin=$build/app/bidtracker
here=$(cd "$(dirname "$0")" && pwd)
for tool in wrk curl; do command -v $tool >/dev/null || { echo "needs $tool"; exit 2; }; done
[ -x "$bin" ] || { echo "build first (make test)"; exit 2; }
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    "$here/../pg/pgcluster.sh" stop "$work/pg.env" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
export XDG_CONFIG_HOME=$work/config
"$here/../pg/pgcluster.sh" start "$work/pg.env" >/dev/null
url=$(sed -n 's/^BIDTRACKER_TEST_PG_URL=//p' "$work/pg.env")
sqlite=$work/big.sqlite
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

p99() { # port route count
    ROUTE=$2 COUNT=$3 wrk -t1 -c1 -d1s -s "$here/randomget.lua" "http://127.0.0.1:$1" >/dev/null
    ROUTE=$2 COUNT=$3 wrk -t1 -c1 -d5s --latency -s "$here/randomget.lua" "http://127.0.0.1:$1" |
        awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}'
}

for engine in sqlite postgresql; do
    db=$sqlite
    [ $engine = postgresql ] && db=$url
    start=$(date +%s.%N)
    "$bin" generate --items 100000 --users 10000 --bids 1000000 --db "$db" 2>/dev/null
    echo "$engine: generate 100k lots, 10k bidders, 1M bids: $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}') s (target < 60 s)"
    # The window on it (offscreen): launch to the first painted Lots table, scrolling, sorting.
    QT_QPA_PLATFORM=offscreen "$bin" --db "$db" --benchmark-window 2>/dev/null |
        sed "s/^/$engine: window /"
    port=$((20000 + RANDOM % 20000))
    "$bin" --headless --db "$db" --port $port --rate-limit 0 >/dev/null 2>&1 &
    pids+=($!)
    sleep 2
    for route in winning complete useritems; do
        count=100000
        [ $route = useritems ] && count=10000
        echo "$engine: api p99 $route $(p99 $port $route $count) ms (target < 5 ms)"
    done
    kill "${pids[-1]}"
    wait "${pids[-1]}" 2>/dev/null || true
done
