#!/usr/bin/env bash
# How long `bidtracker audit verify` takes on a log of N entries (default 1,000,000; the
# target is under 10 s). The chain is written by this script with the hash rule of RULES.md 5
# (SHA-256 of the previous hash and the entry as compact JSON with sorted keys), so it also
# checks that the rule as documented is the rule the program applies.
# Usage: audit_verify_bench.sh BIDTRACKER [N]
set -euo pipefail
bidtracker=${1:?usage: audit_verify_bench.sh BIDTRACKER [N]}
entries=${2:-1000000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db="$dir/audit.sqlite"
"$bidtracker" audit verify --db "$db" >/dev/null # creates the file with the current schema
python3 - "$db" "$entries" <<'PY'
import hashlib, json, sqlite3, sys
db, n = sys.argv[1], int(sys.argv[2])
con = sqlite3.connect(db)
def text(s):
    return json.dumps(s, ensure_ascii=False)
prev = ""
rows = []
for i in range(1, n + 1):
    at = "2026-12-02T20:%02d:%02d.%03dZ" % ((i // 60000) % 60, (i // 1000) % 60, i % 1000)
    staff, station, action, obj = "Ann", "desk-1", "bid.place", "bid%d" % i
    before, after = "{}", '{"item":"item%d","user":"user7","value":%d.5}' % (i % 500 + 1, i)
    canonical = ('{"action":%s,"after":%s,"at":%s,"before":%s,"entry_id":%d,"object":%s,'
                 '"staff":%s,"station":%s}') % (text(action), after, text(at), before, i,
                                               text(obj), text(staff), text(station))
    prev = hashlib.sha256((prev + canonical).encode()).hexdigest()
    rows.append((i, at, staff, station, action, obj, before, after, prev))
con.executemany("INSERT INTO audit_log (id, at, staff, station, action, object, before, after,"
                " hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
con.execute("UPDATE audit_head SET count = ?, hash = ? WHERE id = 1", (n, prev))
con.commit()
PY
/usr/bin/time -f "audit verify: %e s elapsed, %M KB peak memory" "$bidtracker" audit verify --db "$db"
