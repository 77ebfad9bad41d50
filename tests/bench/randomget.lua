-- wrk script: GET a route for a random id each time, with a query parameter the routes
-- ignore that is new on every request, so that the server's answer cache never answers and
-- each request is a real lookup. ROUTE is winning, complete, useritems, invoice or summary;
-- COUNT is how many items or users the database has; TOKEN, when set, is sent as the
-- bearer token (invoices and the summary need it).
local route = os.getenv("ROUTE") or "winning"
local count = tonumber(os.getenv("COUNT") or "2")
local token = os.getenv("TOKEN")
if token then
  wrk.headers["Authorization"] = "Bearer " .. token
end

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

local n = 0

function request()
  local id = math.random(1, count)
  n = n + 1
  if route == "winning" then
    return wrk.format("GET", string.format("/api/v1/items/item%d/winning?n=%d", id, n))
  elseif route == "complete" then
    return wrk.format("GET", string.format("/api/v1/items/item%d?complete=1&n=%d", id, n))
  elseif route == "invoice" then
    return wrk.format("GET", string.format("/api/v1/users/user%d/invoice?n=%d", id, n))
  elseif route == "summary" then
    return wrk.format("GET", string.format("/api/v1/reports/summary?n=%d", n))
  else
    return wrk.format("GET", string.format("/api/v1/users/user%d/items?n=%d", id, n))
  end
end
