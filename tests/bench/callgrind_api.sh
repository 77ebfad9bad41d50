#!/usr/bin/env bash
# Instructions per request, counted by valgrind's callgrind: unlike requests per second on a
# shared machine, the count is the same run after run, so two builds compare exactly.
#   - GET /api/v1/items/item1?winningOnly=1 on bidtracker and the same request on a bare
#     QHttpServer route answering a constant object of that shape (bench_bare_server);
#   - POST /api/v1/bids, one at a time with rising values (each a batch of one).
# The servers run under callgrind with instrumentation off while they start; it is switched
# on, a few requests warm the caches, the counters are zeroed, N requests are sent one after
# another with curl (outside valgrind), and the counters are dumped: total / N is printed.
# usage: tests/bench/callgrind_api.sh [BUILD_DIR] [N]   (needs valgrind and curl)
# Add ANNOTATE=1 to print callgrind_annotate's inclusive top functions for each.
set -euo pipefail
build=${1:-build}
n=${2:-200}
bin=$build/app/bidtracker
bare=$build/tests/bench_bare_server
for tool in valgrind callgrind_control curl; do
    command -v $tool >/dev/null || { echo "needs $tool (apt-get install valgrind curl)"; exit 2; }
done
[ -x "$bin" ] && [ -x "$bare" ] || { echo "build first: make test (or cmake --build $build)"; exit 2; }

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
token=bench-token-$RANDOM$RANDOM

# Starts "$@" under callgrind; prints its pid once the port answers (the caller keeps it in
# pids: this runs in a subshell).
start() {
    local name=$1 port=$2
    shift 2
    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$work/$name.%p" \
        "$@" >"$work/$name.log" 2>&1 &
    local pid=$!
    for _ in $(seq 1 300); do
        curl -s -o /dev/null "http://127.0.0.1:$port/" && break
        sleep 0.2
    done
    echo $pid
}

# Zeroes the counters of $pid, sends the N requests of curl config $2 on one kept-alive
# connection, dumps; prints instructions per request.
count() {
    local pid=$1 config=$2
    callgrind_control -z "$pid" >/dev/null 2>&1
    curl -s -K "$config"
    callgrind_control -d "$(basename "$config")" "$pid" >/dev/null 2>&1
    sleep 0.5
    local file total
    file=$(ls -t "$work"/*."$pid"* | head -1)
    total=$(awk '/^summary:|^totals:/ {print $2; exit}' "$file")
    echo $((total / n))
    if [ "${ANNOTATE:-0}" = 1 ]; then
        callgrind_annotate --inclusive=yes "$file" 2>/dev/null | sed -n '1,60p' >&2
    fi
}

port=$((20000 + RANDOM % 20000))
bare_port=$((port + 1))
app=$(XDG_CONFIG_HOME="$work" start app $port "$bin" --headless --demo \
    --db "$work/bench.sqlite" --port $port --token "$token" --rate-limit 0)
bare_pid=$(start bare $bare_port "$bare" $bare_port)
pids+=("$app" "$bare_pid")
callgrind_control -i on "$app" >/dev/null 2>&1
callgrind_control -i on "$bare_pid" >/dev/null 2>&1

base=http://127.0.0.1:$port/api/v1
# curl configs: N requests each, "next" between them so each has its own options.
gets() {
    for i in $(seq 1 "$2"); do
        [ "$i" = 1 ] || echo next
        printf 'url = "%s"\noutput = "/dev/null"\n' "$1"
    done
}
# Bids on item2 from the three bidders in turn, rising from $1 by 10.
bids() {
    for i in $(seq 1 "$2"); do
        [ "$i" = 1 ] || echo next
        printf 'url = "%s/bids"\noutput = "/dev/null"\nheader = "Content-Type: application/json"\n' "$base"
        printf 'header = "Authorization: Bearer %s"\n' "$token"
        printf 'data = "{\\"bid\\": {\\"item\\": \\"item2\\", \\"user\\": \\"user%d\\", \\"value\\": %d}}"\n' \
            $((1 + i % 3)) $(($1 + i * 10))
    done
}
gets "$base/items/item1?winningOnly=1" 20 >"$work/warm_app"
gets "http://127.0.0.1:$bare_port/api/v1/items/item1" 20 >"$work/warm_bare"
bids 2000 20 >"$work/warm_bids"
gets "$base/items/item1?winningOnly=1" "$n" >"$work/get"
gets "http://127.0.0.1:$bare_port/api/v1/items/item1" "$n" >"$work/bare"
bids 5000 "$n" >"$work/post"
for f in warm_app warm_bare warm_bids; do curl -s -K "$work/$f"; done

echo "machine: $(nproc) cores, $(uname -r), $(date -u +%Y-%m-%d); $n requests each, one at a time"
echo "GET /items/item1?winningOnly=1 (bidtracker):    $(count "$app" "$work/get") instructions"
echo "GET constant object (bare QHttpServer):         $(count "$bare_pid" "$work/bare") instructions"
echo "POST /bids (bidtracker):                        $(count "$app" "$work/post") instructions"
# Every measured bid must have been accepted, or the figure is of refusals.
accepted=$(curl -s "http://127.0.0.1:$port/metrics" | awk '/bidtracker_bids_total\{outcome="accepted"\}/ {print $2}')
echo "bids accepted: $accepted of $((n + 20)) sent"
