-- wrk script: POST /api/requests/{id}/acknowledge with If-Match, each pre-created request once.
-- env: BENCH_TOKEN (AR officer), BENCH_BODY (JSON body file), BENCH_IDS (file of "<id> <version>" lines),
--      BENCH_THREADS (wrk -t: thread k takes lines k, k+t, k+2t, ...)
-- Once a thread has used all its ids it sends acknowledgements of an unknown request (non-2xx, reported).
local token = os.getenv("BENCH_TOKEN")
local f = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
local body = f:read("*a")
f:close()

local threads = {}
local created = 0
function setup(thread)
  thread:set("tid", created)
  created = created + 1
  table.insert(threads, thread)
end

local ids = {}
local nexti = 1
exhausted = 0
used = 0
local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }

function init(args)
  local n = tonumber(os.getenv("BENCH_THREADS"))
  local i = 0
  for line in io.lines(os.getenv("BENCH_IDS")) do
    if i % n == tid then table.insert(ids, line) end
    i = i + 1
  end
end

function request()
  local line = ids[nexti]
  if line == nil then
    exhausted = exhausted + 1
    headers["If-Match"] = '"1"'
    return wrk.format("POST", "/api/requests/00000000-0000-4000-8000-000000000000/acknowledge", headers, body)
  end
  nexti = nexti + 1
  used = nexti - 1
  local id, version = line:match("(%S+)%s+(%S+)")
  headers["If-Match"] = '"' .. version .. '"'
  return wrk.format("POST", "/api/requests/" .. id .. "/acknowledge", headers, body)
end

dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")
local report = done
function done(summary, latency, requests)
  local u, x = 0, 0
  for _, t in ipairs(threads) do
    u = u + (t:get("used") or 0)
    x = x + (t:get("exhausted") or 0)
  end
  io.write(string.format("BENCH_IDS used=%d exhausted=%d\n", u, x))
  report(summary, latency, requests)
end
