#!/usr/bin/env bash
# Issue 21.15's figures: `bidtracker import` of 100,000 bidders and of 100,000 lots, its
# wall time and peak memory (GNU time's maximum resident set), against an import of one row
# (the program's idle size). Target: at most 50 MB over idle. Run by hand.
# usage: tests/bench/import_bench.sh [BUILD_DIR or path of a bidtracker binary]
set -euo pipefail
bin=${1:-build}
[ -d "$bin" ] && bin=$bin/app/bidtracker
[ -x "$bin" ] || { echo "build first (make build)"; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)"; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"); $(date -u +%Y-%m-%dT%H:%MZ)"
awk 'BEGIN { print "name,number,phone,email,tax_exempt\r";
             for (i = 1; i <= 100000; i++)
               printf "Bidder number %d,%d,+1 555 01%02d,bidder%d@example.org,%s\r\n", i, i, i % 100, i, (i % 7 ? "false" : "true") }' > "$work/users.csv"
awk 'BEGIN { print "name,status,starting_price,min_increment\r";
             for (i = 1; i <= 100000; i++) printf "Lot number %d,open,%d.50,1.00\r\n", i, i % 500 + 1 }' > "$work/items.csv"
head -2 "$work/users.csv" > "$work/one-user.csv"
head -2 "$work/items.csv" > "$work/one-item.csv"
run() { # kind file -> "seconds KiB"
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" import "$1" "$2" --db "$work/$RANDOM.sqlite" 2>/dev/null >/dev/null \
        || { echo "import $1 $2 failed"; exit 1; }
    cat "$work/time"
}
for kind in users items; do
    read -r _ idle < <(run "$kind" "$work/one-${kind%s}.csv")
    read -r secs peak < <(run "$kind" "$work/$kind.csv")
    echo "import 100,000 $kind ($(du -k "$work/$kind.csv" | cut -f1) KiB): ${secs} s, peak $((peak / 1024)) MiB, idle $((idle / 1024)) MiB, over idle $(((peak - idle) / 1024)) MiB (target <= 47 MiB = 50 MB)"
done
