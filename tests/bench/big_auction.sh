#!/usr/bin/env bash
# Issue 6's benchmark: the big auction (100,000 items, 10,000 users, 1,000,000 bids) against
# the sample one, side by side in one run, each figure with its target and the ratio
# big/sample. Needs wrk (apt-get install wrk) and a build (make test builds everything).
# usage: tests/bench/big_auction.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
bin=$build/app/bidtracker
bench=$build/tests/bench_model
for tool in wrk curl python3; do command -v $tool >/dev/null || { echo "needs $tool"; exit 2; }; done
[ -x "$bin" ] && [ -x "$bench" ] || { echo "build first (make test)"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
export XDG_CONFIG_HOME=$work/config QT_QPA_PLATFORM=offscreen
small=$work/sample.sqlite
shape=$work/shape.sqlite # the big auction's shape (10 bids a lot, 100 a bidder) at 1/100 of its size
big=$work/big.sqlite
results=$work/results.txt

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), Qt $(dpkg-query -W -f='${Version}' libqt6core6 2>/dev/null | cut -d+ -f1)"
start=$(date +%s.%N)
"$bin" generate --items 100000 --users 10000 --bids 1000000 --db "$big" 2>/dev/null
gen=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
# The sample auction: --demo loads it as the server starts; SIGTERM stops it cleanly.
"$bin" --headless --demo --db "$small" --port 0 >/dev/null 2>&1 & pids+=($!)
sleep 1; kill ${pids[-1]}; wait ${pids[-1]} 2>/dev/null || true
echo "generate 100k items, 10k users, 1M bids: ${gen} s (target < 20 s)" | tee -a "$results"
"$bin" generate --items 1000 --users 100 --bids 10000 --db "$shape" 2>/dev/null

# The window: launch, scroll, sort, filter, memory.
for db in small shape big; do
    "$bin" --db "${!db}" --benchmark-window 2>/dev/null | sed "s/^/$db /" >> "$work/window.txt"
done

# The model layer's queries (Google Benchmark).
BIDTRACKER_BENCH_SMALL=$small BIDTRACKER_BENCH_BIG=$big "$bench" --benchmark_min_time=0.5 \
    --benchmark_format=json > "$work/model.json" 2>/dev/null

# The API's p99 latency with random ids (the answer cache cannot help), one server per
# database, one connection (so p99 is the time of a request, not of a queue), one after the other.
port=$((20000 + RANDOM % 20000))
for db in small shape big; do
    "$bin" --headless --db "${!db}" --port $port --rate-limit 0 >/dev/null 2>&1 &
    pids+=($!)
    sleep 1
    items=$(curl -s "http://127.0.0.1:$port/api/v1/items?limit=0" -D - -o /dev/null | awk 'tolower($1)=="x-total-count:" {print $2+0}')
    users=$(curl -s "http://127.0.0.1:$port/api/v1/users?limit=0" -D - -o /dev/null | awk 'tolower($1)=="x-total-count:" {print $2+0}')
    for route in winning complete useritems; do
        count=$items; [ $route = useritems ] && count=$users
        # A second of warm-up first, so that the figure is the steady state.
        ROUTE=$route COUNT=$count wrk -t1 -c1 -d1s -s "$here/randomget.lua" "http://127.0.0.1:$port" >/dev/null
        p99=$(ROUTE=$route COUNT=$count wrk -t1 -c1 -d5s --latency -s "$here/randomget.lua" "http://127.0.0.1:$port" \
            | awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}')
        echo "$db api_p99_$route $p99 ms" >> "$work/api.txt"
    done
    kill ${pids[-1]}; wait ${pids[-1]} 2>/dev/null || true
    port=$((port + 1))
done

# Export of all bids.
for db in small shape big; do
    s=$(date +%s.%N)
    "$bin" export bids --db "${!db}" -o "$work/$db-bids.csv" 2>/dev/null
    echo "$db export_all_bids $(awk -v a="$s" -v b="$(date +%s.%N)" 'BEGIN {printf "%.0f", (b - a) * 1000}') ms" >> "$work/export.txt"
done

python3 - "$work" <<'PY'
import json, sys, collections
work = sys.argv[1]
figures = collections.OrderedDict()
def add(db, name, value, unit):
    figures.setdefault(name, {})[db] = (float(value), unit)
for file in ("window.txt", "api.txt", "export.txt"):
    for line in open(f"{work}/{file}"):
        db, name, value, unit = line.split()
        add(db, name, value, unit)
for b in json.load(open(f"{work}/model.json"))["benchmarks"]:
    name, db = b["name"].rsplit("/", 1)
    add(db, "model_" + name, b["real_time"], b["time_unit"])
targets = {"launch_to_first_paint": "< 1500 ms", "bids_scroll_to_end": "< 300 ms",
           "bids_sort_by_amount": "< 300 ms", "items_filter_by_name": "< 200 ms",
           "resident_memory": "< 300 MB", "export_all_bids": "< 5000 ms",
           "checkout_invoice_after_enter_max": "< 100 ms",
           "api_p99_winning": "< 5 ms, <= 2x", "api_p99_complete": "< 5 ms, <= 2x",
           "api_p99_useritems": "< 5 ms, <= 2x"}
print(f"{'figure':28} {'sample':>11} {'1% shape':>11} {'big':>11} {'big/sample':>10} {'big/1%':>7}  target")
for name, by in figures.items():
    if "small" not in by or "big" not in by:
        continue
    (s, unit), (b, _) = by["small"], by["big"]
    m = by.get("shape", (None, unit))[0]
    ratio = f"{b / s:.2f}" if s else "-"
    shape_ratio = f"{b / m:.2f}" if m else "-"
    middle = f"{m:9.2f} {unit:<2}" if m is not None else f"{'-':>9}   "
    print(f"{name:28} {s:9.2f} {unit:<2}{middle}{b:9.2f} {unit:<2}{ratio:>10} {shape_ratio:>7}  {targets.get(name, '')}")
PY
