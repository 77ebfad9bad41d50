#!/usr/bin/env bash
# Issue 25.4's benchmark: `bidtracker backup` of a 1,000,000-bid auction (generated) while a
# headless server on it takes bids over HTTP one after another; prints the backup's time
# (target < 10 s) and the slowest API write during the backup (target < 200 ms), against
# the slowest before it.
# usage: tests/bench/backup_bench.sh [BUILD_DIR] [BIDS]
set -euo pipefail
build=${1:-build}
bids=${2:-1000000}
bin=$build/app/bidtracker
[ -x "$bin" ] || { echo "build first (make test)"; exit 2; }
command -v python3 >/dev/null || { echo "needs python3"; exit 2; }
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
export XDG_CONFIG_HOME=$work XDG_DATA_HOME=$work
db=$work/big.sqlite
token=bench-token-$RANDOM$RANDOM

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1 /proc/loadavg)"
"$bin" generate --items 100000 --users 10000 --bids "$bids" --db "$db" 2>/dev/null
echo "auction: $bids bids, $(du -m "$db" | cut -f1) MiB"
"$bin" --headless --db "$db" --port 0 --token "$token" --rate-limit 0 2>"$work/server.log" &
pids+=($!)
for _ in $(seq 100); do grep -q 'api/v1' "$work/server.log" && break; sleep 0.1; done
port=$(grep -o '127.0.0.1:[0-9]*' "$work/server.log" | head -1 | cut -d: -f2)

# Bids one after another on one keep-alive connection, each timed, until told to stop;
# the times are written with their start so that those during the backup can be picked.
cat >"$work/load.py" <<'PY'
import http.client, json, os, sys, time
port, token, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
conn = http.client.HTTPConnection("127.0.0.1", port)
headers = {"Content-Type": "application/json", "Authorization": "Bearer " + token}
value = 10_000_000
with open(out, "w") as log:
    while not os.path.exists(out + ".stop"):
        value += 1
        body = json.dumps({"bid": {"item": "item%d" % (1 + value % 1000), "value": value, "user": "user1"}})
        start = time.time()
        conn.request("POST", "/api/v1/bids", body, headers)
        answer = conn.getresponse()
        answer.read()
        log.write("%.6f %.6f %d\n" % (start, time.time() - start, answer.status))
PY
python3 "$work/load.py" "$port" "$token" "$work/latency.txt" &
pids+=($!)
sleep 3
begin=$(date +%s.%N)
TIMEFORMAT='%U %S'
{ time "$bin" backup --db "$db" -o "$work/backup.sqlite" 2>"$work/backup.log"; } 2>"$work/cpu.txt"
end=$(date +%s.%N)
sleep 1
touch "$work/latency.txt.stop"
wait "${pids[-1]}" 2>/dev/null || true
cat "$work/backup.log"
# On a machine shared with other work the wall time is the machine's; the CPU time is ours.
awk '{printf "backup CPU time: %.1f s (user %.1f + system %.1f)\n", $1 + $2, $1, $2}' "$work/cpu.txt"
awk -v a="$begin" -v b="$end" '
    $3 != 201 && $3 != 200 { bad++ }
    $1 < a { before++; if ($2 > maxBefore) maxBefore = $2 }
    $1 >= a && $1 <= b { during++; if ($2 > maxDuring) maxDuring = $2 }
    END {
        printf "backup of %d bids: %.1f s (target < 10 s)\n", '"$bids"', b - a
        printf "API writes during the backup: %d, slowest %.0f ms (target < 200 ms); before it: %d, slowest %.0f ms\n", during, maxDuring * 1000, before, maxBefore * 1000
        printf "refused or failed writes: %d\n", bad
    }' "$work/latency.txt"
