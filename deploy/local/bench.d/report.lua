-- Shared by the wrk scripts: one machine-readable line at the end of a run (latencies in microseconds).
--   BENCH requests=<n> duration_us=<n> p50_us=<n> p99_us=<n> max_us=<n> non2xx=<n> errors=<n>
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d non2xx=%d errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.status, e.connect + e.read + e.write + e.timeout))
end
