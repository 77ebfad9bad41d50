#!/bin/bash
# Makes every picture of the README's Screenshots section (and the printouts'), from the
# build in BUILD (default build/): docs/screenshots/make-screenshots.sh [BUILD]
#
# The window pictures are of a generated 300-lot auction with the steps the README names:
# some lots closed, some closing on time (one extended by soft close), reserves and buy-now
# prices on some, and a maximum bid on item1 that the auction answered automatically. The
# Checkout pictures and the receipt are of the small night of showcase-auction.sh.
set -euo pipefail
BUILD=${1:-build}
BIN=$BUILD/app/bidtracker
OUT=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
PORT=5392
export XDG_CONFIG_HOME=$WORK XDG_DATA_HOME=$WORK # the user's own settings are not touched
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT

GEN=$WORK/gen.sqlite
"$BIN" generate --items 300 --users 60 --bids 3000 --db "$GEN"

# The steps, through the REST API of a headless server on the generated auction.
"$BIN" --headless --db "$GEN" --port $PORT --no-auth --rate-limit 0 >/dev/null 2>&1 &
SERVER=$!
for _ in $(seq 50); do curl -sf http://127.0.0.1:$PORT/api/v1/health >/dev/null && break; sleep 0.1; done
api() {
    curl -sf -X "$1" -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/api/v1$2" \
        ${3:+-d "$3"} >/dev/null || { echo "make-screenshots: $1 $2 $3 failed" >&2; exit 1; }
}
at() { date -u -d "$1" +%Y-%m-%dT%H:%M:%S.000Z; }
lowest() { # the lowest acceptable bid on a lot, from its winning value and increment
    curl -sf "http://127.0.0.1:$PORT/api/v1/items/item$1?complete=1" |
        python3 -c 'import json,sys; i=json.load(sys.stdin)["item"]; b=[x["bid"]["value"] for x in i["bids"]]; print(round((max(b) + i["min_increment"]) if b else i["starting_price"], 2))'
}
api PUT /settings '{"settings": {"name": "Harbour Lights Charity Auction",
    "soft_close": {"window_seconds": 300, "extend_seconds": 240, "max_extend_seconds": 900}}}'
# Lots 3, 7, 8 and 12 closed by hand.
for lot in 3 7 8 12; do api PUT /items/item$lot '{"item": {"status": "closed"}}'; done
# Closing on time: item2 in 3 minutes (red, the last five minutes), item4 in 25, item5 in 2
# hours; item6 closes in 4 minutes and a bid now moves it (soft close: "extended").
api PUT /items/item2 "{\"item\": {\"closes_at\": \"$(at '+3 min')\"}}"
api PUT /items/item4 "{\"item\": {\"closes_at\": \"$(at '+25 min')\"}}"
api PUT /items/item5 "{\"item\": {\"closes_at\": \"$(at '+2 hours')\"}}"
api PUT /items/item6 "{\"item\": {\"closes_at\": \"$(at '+4 min')\"}}"
api POST /bids "{\"bid\": {\"item\": \"item6\", \"user\": \"user9\", \"value\": $(lowest 6)}}"
# Reserves (one met, one not) and buy-now prices.
api PUT /items/item1 '{"item": {"reserve": 50, "buy_now": 5000}}'
api PUT /items/item9 '{"item": {"reserve": 100000}}'
api PUT /items/item10 '{"item": {"buy_now": 9000}}'
# A maximum on item1 (user3), then another bidder's bid that it answers at once.
api POST /bids "{\"bid\": {\"item\": \"item1\", \"user\": \"user3\", \"max_value\": 4000}}"
api POST /bids "{\"bid\": {\"item\": \"item1\", \"user\": \"user5\", \"value\": $(lowest 1)}}"
kill $SERVER
wait $SERVER 2>/dev/null || true

shot() { # shot DB VIEW SIZE
    QT_QPA_PLATFORM=offscreen "$BIN" --db "$1" --screenshot "$OUT/$2-$3.png" \
        --screenshot-size "$3" --screenshot-view "$2"
}
for size in 1280x800 900x600; do
    for view in lots quickbid quickbid-refused bidder; do shot "$GEN" $view $size; done
done

SHOW=$WORK/show.sqlite
BIDTRACKER="$BIN" "$OUT/showcase-auction.sh" "$SHOW"
for size in 1280x800 900x600; do shot "$SHOW" checkout $size; done

# For the receipt: Olusegun Adeyemi (user3) pays his balance in full.
"$BIN" --headless --db "$SHOW" --port $PORT --no-auth --rate-limit 0 >/dev/null 2>&1 &
SERVER=$!
for _ in $(seq 50); do curl -sf http://127.0.0.1:$PORT/api/v1/health >/dev/null && break; sleep 0.1; done
BALANCE=$(curl -sf http://127.0.0.1:$PORT/api/v1/users/user3/invoice |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["invoice"]["balance"])')
api POST /users/user3/payments "{\"payment\": {\"amount\": $BALANCE, \"method\": \"check\", \"reference\": \"1042\"}}"
kill $SERVER
wait $SERVER 2>/dev/null || true

# The printouts: the first page of each PDF at 60 dpi.
page() { # page DB DOCUMENT PNG [OPTIONS...]
    local db=$1 document=$2 png=$3
    shift 3
    "$BIN" print "$document" --db "$db" --paper letter "$@" -o "$WORK/$document.pdf"
    pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$WORK/$document.pdf" "${png%.png}"
}
page "$SHOW" bid-sheets "$OUT/print-bid-sheet.png" --lots 1
page "$SHOW" bidder-cards "$OUT/print-bidder-cards.png"
page "$SHOW" labels "$OUT/print-labels.png"
page "$SHOW" invoices "$OUT/print-receipt.png" --bidders user3
page "$SHOW" report "$OUT/print-report.png"
echo "make-screenshots: pictures written to $OUT"
