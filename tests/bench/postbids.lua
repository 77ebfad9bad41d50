-- wrk script: POST /api/v1/bids with values that always rise. Each wrk thread bids on its
-- own block of ITEMS items in turn, so by the time it comes back to an item (ITEMS requests
-- later) its previous bid there has long been answered: every bid is acceptable.
local items = tonumber(os.getenv("ITEMS") or "500")
local first = tonumber(os.getenv("FIRST_ITEM") or "3")
local token = os.getenv("TOKEN") or ""
-- Added to every value: above what a generated auction's lots already hold.
local base = tonumber(os.getenv("BASE") or "0")
local threads = {}
local counter = 0
block = 0 -- set per thread by setup() through thread:set()

function setup(thread)
  thread:set("block", #threads)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
end

function request()
  counter = counter + 1
  local item = first + block * items + (counter % items)
  local value = base + math.floor(counter / items) + 1
  return wrk.format(nil, "/api/v1/bids", nil,
    string.format('{"bid": {"item": "item%d", "value": %d, "user": "user1"}}', item, value))
end

function done(summary, latency, requests)
  io.write(string.format("requests: %d, non-2xx: %d\n", summary.requests, summary.errors.status))
end
