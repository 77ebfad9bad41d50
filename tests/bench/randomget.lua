-- wrk script: GET a route for a random id each time, so that the server's answer cache does
-- not help and each request is a real lookup. ROUTE is winning, complete or useritems;
-- COUNT is how many items or users the database has.
local route = os.getenv("ROUTE") or "winning"
local count = tonumber(os.getenv("COUNT") or "2")

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  local id = math.random(1, count)
  if route == "winning" then
    return wrk.format("GET", string.format("/api/v1/items/item%d/winning", id))
  elseif route == "complete" then
    return wrk.format("GET", string.format("/api/v1/items/item%d?complete=1", id))
  else
    return wrk.format("GET", string.format("/api/v1/users/user%d/items", id))
  end
end
