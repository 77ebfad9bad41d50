#!/bin/bash
# Builds a small auction night through the REST API (a headless server on the given file),
# for the Checkout screenshots: docs/screenshots/showcase-auction.sh /tmp/show.sqlite, then
# bidtracker --db /tmp/show.sqlite --screenshot FILE --screenshot-view checkout.
set -e
DB=$1; PORT=5391
rm -f "$DB" "$DB"-wal "$DB"-shm
"${BIDTRACKER:-build/app/bidtracker}" --headless --db "$DB" --port $PORT --no-auth --rate-limit 0 >/dev/null 2>&1 &
PID=$!
trap "kill $PID" EXIT
for i in $(seq 50); do curl -s http://127.0.0.1:$PORT/api/v1/health >/dev/null && break; sleep 0.1; done
api() { curl -s -f -X "$1" -H 'Content-Type: application/json' http://127.0.0.1:$PORT/api/v1$2 ${3:+-d "$3"} >/dev/null || echo "FAILED $1 $2 $3"; }
api PUT /settings '{"settings": {"name": "Riverside School Spring Gala", "buyers_premium": 15, "tax_rate": 8.25}}'
for u in "Chen Wei" "Maria Gonzalez" "Olusegun Adeyemi" "Hannah Schmidt" "Priya Natarajan" "Tom O'Brien"; do
  api POST /users "{\"name\": \"$u\", \"phone\": \"+1 555 01$((RANDOM%90+10))\", \"email\": \"$(echo $u | tr 'A-Z ' 'a-z.' | tr -d \"\'\")@example.org\"}"
done
n=0
for lot in "Lake cabin weekend" "Signed Mariners jersey" "Wine tasting for eight" "Hand-made quilt" "Cooking class with Chef Ana" "Kayak rental, two days" "Art class mural tile" "Family photo session"; do
  api POST /items "{\"item\": {\"name\": \"$lot\", \"starting_price\": 20, \"min_increment\": 5}}"
done
bid() { api POST /bids "{\"bid\": {\"item\": \"item$1\", \"user\": \"user$2\", \"value\": $3}}"; }
bid 1 2 150; bid 1 1 225; bid 1 3 240; bid 1 1 260
bid 2 1 85; bid 2 4 120
bid 3 1 310; bid 3 5 320; bid 3 1 345.50
bid 4 6 90; bid 4 1 95
bid 5 1 140
bid 6 2 60; bid 6 1 75
bid 7 3 45
for i in 1 2 3 4 5 7; do api PUT /items/item$i '{"item": {"status": "closed"}}'; done
api POST /users/user1/donations '{"donation": {"amount": 250, "note": "Fund-a-need: library books"}}'
api POST /users/user1/payments '{"payment": {"amount": 500, "method": "card", "reference": "Visa 4242"}}'
api POST /users/user1/payments '{"payment": {"amount": 50, "method": "cash", "reference": ""}}'
api DELETE /payments/payment2
api POST /users/user1/payments '{"payment": {"amount": 40, "method": "cash", "reference": ""}}'
api POST /users/user2/check-in
api POST /users/user1/check-in
