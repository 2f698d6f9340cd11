-- wrk script: POST /api/requests with a bearer token and the demo's request body.
-- env: BENCH_TOKEN (access token), BENCH_BODY (file holding the JSON body),
--      BENCH_DELAY_MS (optional pause before each request on a connection, for a rate below the maximum)
local token = os.getenv("BENCH_TOKEN")
local f = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
local body = f:read("*a")
f:close()
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")

wrk.method = "POST"
wrk.path = "/api/requests"
wrk.body = body
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Content-Type"] = "application/json"

if pause > 0 then
  function delay()
    return pause
  end
end

dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")
