#!/bin/bash
# The README's tour of the REST API, top to bottom on a fresh sample auction:
#   bidtracker --headless --demo --db /tmp/tour.sqlite --token tour-token-27 &
#   TOKEN=tour-token-27 docs/examples/api-tour.sh
# Each comment says what the line answers: the status, then text the body holds ("..."
# stands for anything; a note in parentheses). ctest api_tour runs it on a new server and
# checks every line (tests/docs/api_tour_test.py); the README shows it from the next line on.
# --- the tour ---
T="Authorization: Bearer $TOKEN"; J="Content-Type: application/json"; API=${API:-http://127.0.0.1:5000/api/v1}

curl $API/users                                  # 200 {"user1": {...,"name": "Albert",...}, "user2": {...}, "user3": {...}}
curl -X POST -H "$T" -H "$J" -d '{"name": "David"}' $API/users          # 201 {..."name": "David",..."user_id": "user4",...}
curl $API/users/user1                            # 200 {"bid_count": 1, "name": "Albert", "number": 100, "user_id": "user1"} (no phone or e-mail without the token)
curl -X PUT -H "$T" -H "$J" -d '{"name": "Al"}' $API/users/user1        # 200 {..."name": "Al",...}
curl -X DELETE -H "$T" $API/users/user4          # 204
curl -X DELETE -H "$T" $API/users/user1          # 409 {"error": {"bid_count": 1, "code": "has_bids", "user": "user1"}, "message": "User user1 has 1 bid(s) and cannot be deleted"}
curl $API/users/user1/items                      # 200 {"items_bid": ["item1"], "name": "Al", "user_id": "user1"}
curl $API/users/user1/bids                       # 200 [{"bid": {...}, "bid_id": "bid1"}]

curl $API/items                                  # 200 {"item1": {"item": {..."bids": ["bid1", "bid2"],..."winning": "bid2",...}}, "item2": ...}
curl -X POST -H "$T" -H "$J" -d '{"item": {"name": "Item Nº 3", "starting_price": 100}}' $API/items  # 201 ..."item_id": "item3"
curl $API/items/item1                            # 200 {"item": {..."bids": ["bid1", "bid2"],..."winning": "bid2",...}, "item_id": "item1"}
curl "$API/items/item1?winningOnly=1"            # 200 {"item": {"bid_count": 2, "buy_now": null,..."winning": "bid2",...} (the same without "bids")
curl "$API/items/item1?complete=1"               # 200 {"item": {..."bids": [{"bid": {..."value": 500.0}, "bid_id": "bid1"}, ...
curl $API/items/item1/bids                       # 200 [{"bid": {...}, "bid_id": "bid1"}, {"bid": {...}, "bid_id": "bid2"}] (oldest first; at most 1,000 without limit)
curl $API/items/item1/winning                    # 200 {"bid": {..."user": "user2", "value": 1000.0}, "bid_id": "bid2"}
curl $API/items/item2/winning                    # 404 {"error": {"code": "no_bids", "item": "item2"}, "message": "Item item2 has no bids"}
curl -X DELETE -H "$T" $API/items/item3          # 204
curl -X DELETE -H "$T" $API/items/item1          # 409 {"error": {"bid_count": 2, "code": "has_bids", "item": "item1"}, "message": "Item item1 has 2 bid(s) and cannot be deleted"}

curl $API/bids                                   # 200 {"bid1": {"bid": {..."item": "item1",..."user": "user1", "value": 500.0}, "bid_id": "bid1"}, ...
curl -X POST -H "$T" -H "$J" -d '{"bid": {"item": "item1", "value": 1500, "user": "user3"}}' $API/bids  # 201 {"bid": {...}, "bid_id": "bid3"}
curl -X POST -H "$T" -H "$J" -d '{"bid": {"item": "item1", "value": 1200, "user": "user1"}}' $API/bids  # 409 {..."message": "...1500.01..."} (a raise must beat 1,500.00 by the step)
curl -X POST -H "$T" -H "$J" -d '{"bid": {"item": "item2", "user": "user1"}}' $API/bids  # 400 {"error": {"code": "invalid", "fields": {"value": "..."}}, "message": {"value": "..."}} (value may be left out only with max_value)
curl -X POST -H "$T" -H "$J" -d '{"bid": {"item": "item2", "max_value": 50, "user": "user1"}}' $API/bids  # 201 {"bid": {..."item": "item2",..."value": 0.01}, "bid_id": "bid4"} (the lowest acceptable bid; the auction bids up to 50.00)
curl $API/bids/bid3                              # 200 {"bid": {..."item": "item1",..."user": "user3", "value": 1500.0}, "bid_id": "bid3"}
curl -X DELETE -H "$T" $API/bids/bid3            # 204 (the lot's winner falls back to bid2)
curl $API/items/item1/winning                    # 200 {..."bid_id": "bid2"}
curl -X PUT -H "$T" -H "$J" -d '{"item": {"status": "closed"}}' $API/items/item1   # 200 {"item": {..."status": "closed"...}
curl -X POST -H "$T" -H "$J" -d '{"bid": {"item": "item1", "value": 2000, "user": "user3"}}' $API/bids  # 409 {..."message": "Item item1 ...closed..."}

curl -i "$API/bids?limit=1&offset=0"             # 200 ...X-Total-Count: 3...Link: </api/v1/bids?limit=1&offset=1>; rel="next"...{"bid1": ... (any list)
curl $API/health                                 # 200 {"status": "ok"}
curl $API/openapi.json                           # 200 {..."openapi": "3.
curl ${API%/api/v1}/metrics                      # 200 # HELP (Prometheus text format)
