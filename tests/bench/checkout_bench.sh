#!/usr/bin/env bash
# Issue 12's benchmark: checkout on the big auction (100,000 lots, 10,000 bidders, 1,000,000
# bids), with nine lots in ten closed, premium 15 %, tax 8.25 %, and a payment and a donation
# for one bidder in ten. Measures over the API, one connection (so p99 is the time of a
# request, not of a queue), random bidders (the answer cache cannot help):
#   - GET /users/{id}/invoice, p99 (target < 5 ms);
#   - GET /reports/summary, p50 and p99 (target < 200 ms).
# Needs wrk, curl, sqlite3 and a build (cmake --build BUILD_DIR --target bidtracker).
# usage: tests/bench/checkout_bench.sh [BUILD_DIR] [DB]   (DB: an existing big auction to
#        reuse; it is changed as above)
set -euo pipefail
build=${1:-build}
bin=$build/app/bidtracker
for tool in wrk curl sqlite3; do command -v $tool >/dev/null || { echo "needs $tool"; exit 2; }; done
[ -x "$bin" ] || { echo "build first: cmake --build $build --target bidtracker"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
export XDG_CONFIG_HOME=$work/config
big=${2:-$work/big.sqlite}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
if [ ! -s "$big" ]; then
    start=$(date +%s.%N)
    "$bin" generate --items 100000 --users 10000 --bids 1000000 --db "$big" 2>/dev/null
    echo "generate: $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}') s"
fi
# The night's end, written straight into the file (the server is not running yet).
sqlite3 "$big" <<'SQL'
UPDATE settings SET buyers_premium_bp = 1500, tax_rate_bp = 825;
UPDATE items SET status = 'closed', closed_at = '2026-12-05T21:00:00.000Z' WHERE id % 10 <> 0;
DELETE FROM payments; DELETE FROM donations;
INSERT INTO donations (user_id, amount_cents, note, created_at)
    SELECT id, 2500, 'Fund-a-need', '2026-12-05T21:30:00.000Z' FROM users WHERE id % 10 = 0;
INSERT INTO payments (user_id, amount_cents, method, reference, paid_at)
    SELECT id, 100, CASE id % 4 WHEN 0 THEN 'cash' WHEN 1 THEN 'check' WHEN 2 THEN 'card' ELSE 'other' END,
           '', '2026-12-05T22:00:00.000Z' FROM users WHERE id % 10 = 1;
SQL
users=$(sqlite3 "$big" "SELECT count(*) FROM users")
port=$((20000 + RANDOM % 20000))
export TOKEN=checkout-bench-token # invoices and the summary are personal data
"$bin" --headless --db "$big" --port $port --rate-limit 0 --token "$TOKEN" >"$work/server.log" 2>&1 &
pids+=($!)
sleep 2
base=http://127.0.0.1:$port

p99() { awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}'; }
p50() { awk '$1=="50%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}'; }
ROUTE=invoice COUNT=$users wrk -t1 -c1 -d1s -s "$here/randomget.lua" "$base" >/dev/null
invoice=$(ROUTE=invoice COUNT=$users wrk -t1 -c1 -d5s --latency -s "$here/randomget.lua" "$base")
ROUTE=summary wrk -t1 -c1 -d2s -s "$here/randomget.lua" "$base" >/dev/null
summary=$(ROUTE=summary wrk -t1 -c1 -d10s --latency -s "$here/randomget.lua" "$base")
curl -s -H "Authorization: Bearer $TOKEN" "$base/api/v1/reports/summary" > "$work/summary.json"
echo "invoice p50 $(echo "$invoice" | p50) ms, p99 $(echo "$invoice" | p99) ms (target p99 < 5 ms);" \
     "$(echo "$invoice" | awk '/requests in/ {print $1}') requests"
echo "summary p50 $(echo "$summary" | p50) ms, p99 $(echo "$summary" | p99) ms (target < 200 ms);" \
     "$(echo "$summary" | awk '/requests in/ {print $1}') requests"
echo "summary: $(cat "$work/summary.json")"
