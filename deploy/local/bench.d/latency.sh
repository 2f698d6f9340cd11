# shellcheck shell=bash
# deploy/local/bench row 5: commit → processed by evidence-service's request projection, at half the
# maximum submission rate, next to Kafka's own end-to-end latency (org.apache.kafka.tools.EndToEndLatency,
# kafka-tools of the stack's Kafka, acks=all, 1 KiB records, one at a time). Sourced.
#
# The projection's figure needs no instrumentation: request-service's log keeps each event's time
# (event_log.occurred_at, taken by the writing transaction before it commits) and evidence-service's inbox
# keeps when it processed the event (inbox.processed_at, now() of the transaction that applies it). The
# latency is the difference, per event, for the submissions of a wrk run at half the rate measured at 8
# connections (row 1). Both times come from the same machine's clock.

kafka_tool() { timeout 120 "$JAVA" -Xmx256m -cp "$KAFKA_LIB/*" "$@"; }

bench_kafka_e2e() {
  local topic=bench.e2e.latency out="$WORK/e2e.out" records="${BENCH_E2E_RECORDS:-3000}"
  kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --delete --if-exists --topic "$topic" >/dev/null 2>&1 || true
  kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --create --topic "$topic" \
    --partitions 1 --replication-factor 1 >/dev/null 2>&1 || die "could not create topic $topic"
  kafka_tool org.apache.kafka.tools.EndToEndLatency "127.0.0.1:$KAFKA_PORT" "$topic" "$records" all 1024 >"$out" 2>&1 \
    || { tail -n 20 "$out" >&2; die "EndToEndLatency failed"; }
  kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --delete --topic "$topic" >/dev/null 2>&1 || true
  # "Avg latency: 2.1234 ms" and "Percentiles: 50th = 2, 99th = 5, 99.9th = 9"
  put kafka.e2e.avg_ms "$(sed -n 's/^Avg latency: \([0-9.]*\) ms.*/\1/p' "$out" | head -n1)"
  put kafka.e2e.p50_ms "$(sed -n 's/.*50th = \([0-9.]*\).*/\1/p' "$out" | head -n1)"
  put kafka.e2e.p99_ms "$(sed -n 's/.*[^.]99th = \([0-9.]*\).*/\1/p' "$out" | head -n1)"
  put kafka.e2e.records "$records"
  log "  Kafka EndToEndLatency ($records × 1 KiB, acks=all): p50 $(get kafka.e2e.p50_ms) ms, p99 $(get kafka.e2e.p99_ms) ms"
}

db_clock() { pg_super -d "$1" -tA -c "SELECT extract(epoch FROM clock_timestamp())"; }

bench_projection() {
  request_body_file
  local max half c=8 p50 delay t0 t1 i n got=0 prev=-1 stable=0
  max="$(awk -v a="$(get submit.8.rps)" -v b="$(get submit.32.rps)" 'BEGIN {m = (a > b ? a : b); print (m > 0 ? m : 0)}')"
  if [ "$max" = 0 ]; then
    log "projection latency: no submission rate measured (row 1 skipped): probing 5 s at 8 connections"
    BENCH_TOKEN="$(token nl officer)" BENCH_BODY="$WORK/request.json" run_wrk probe.8 8 "$BENCH_D/submit.lua" "$REQ/api/requests" 5
    max="$(get probe.8.rps)"
  fi
  half="$(awk -v m="$max" 'BEGIN {printf "%.1f", m / 2}')"
  p50="$(get submit.1.p50_ms)"
  # 8 connections, each pausing so that together they send about half the maximum rate
  delay="$(awk -v h="$half" -v c="$c" -v l="${p50:-5}" 'BEGIN {d = 1000 * c / (h > 0.1 ? h : 0.1) - l; printf "%d", (d > 0 ? d : 0)}')"
  put proj.target_rps "$half"
  log "projection latency: submissions at about $half/s (8 connections, ${delay} ms pause each), ${DURATION} s"
  t0="$(db_clock "$REQ_DB")"
  BENCH_TOKEN="$(token nl officer)" BENCH_BODY="$WORK/request.json" BENCH_DELAY_MS="$delay" \
    run_wrk proj.submit "$c" "$BENCH_D/submit.lua" "$REQ/api/requests"
  t1="$(db_clock "$REQ_DB")"
  pg_super -d "$REQ_DB" -tA -F' ' -c "SELECT event_id, extract(epoch FROM occurred_at) * 1000 FROM event_log
      WHERE type = 'org.mlaexchange.request.submitted.v1' AND occurred_at >= to_timestamp($t0) AND occurred_at <= to_timestamp($t1)" \
    | sort >"$WORK/proj.events"
  n="$(wc -l <"$WORK/proj.events")"
  # wait until evidence-service has processed them all, or its count stops moving for 10 s (at most 120 s)
  for ((i = 0; i < 240; i++)); do
    pg_super -d "$EVI_DB" -tA -F' ' -c "SELECT event_id, extract(epoch FROM processed_at) * 1000 FROM inbox
        WHERE processed_at >= to_timestamp($t0) - interval '1 second'" | sort >"$WORK/proj.inbox"
    got="$(join "$WORK/proj.events" "$WORK/proj.inbox" | wc -l)"
    [ "$got" -ge "$n" ] && break
    if [ "$got" = "$prev" ]; then stable=$((stable + 1)); [ "$stable" -ge 20 ] && break; else stable=0; fi
    prev="$got"
    sleep 0.5
  done
  join "$WORK/proj.events" "$WORK/proj.inbox" | awk '{printf "%.3f\n", $3 - $2}' >"$WORK/proj.lat"
  put proj.events "$n"
  put proj.processed "$got"
  put proj.p50_ms "$(awk -v v="$(pct "$WORK/proj.lat" 50)" 'BEGIN {if (v != "") printf "%.1f", v}')"
  put proj.p99_ms "$(awk -v v="$(pct "$WORK/proj.lat" 99)" 'BEGIN {if (v != "") printf "%.1f", v}')"
  put proj.max_ms "$(sort -n "$WORK/proj.lat" | tail -n1)"
  log "  $got of $n submissions processed by evidence-service: p50 $(get proj.p50_ms) ms, p99 $(get proj.p99_ms) ms (achieved $(get proj.submit.rps)/s)"
}

# wait_projection <label>: waits until evidence-service's projection has processed request-service's newest
# event (the load before leaves it a backlog), at most BENCH_CATCHUP_TIMEOUT seconds (600); puts the wait
wait_projection() {
  local last t0 i limit="${BENCH_CATCHUP_TIMEOUT:-600}"
  last="$(pg_super -d "$REQ_DB" -tA -c "SELECT event_id FROM event_log ORDER BY logseq DESC LIMIT 1")"
  [ -n "$last" ] || return 0
  t0="$(now)"
  for ((i = 0; i < limit * 2; i++)); do
    [ -n "$(pg_super -d "$EVI_DB" -tA -c "SELECT 1 FROM inbox WHERE event_id = '$last'")" ] && break
    sleep 0.5
  done
  put "catchup.$1.s" "$(awk -v a="$t0" -v b="$(now)" 'BEGIN {printf "%.1f", b - a}')"
  log "  evidence-service's projection caught up with request-service's log after $(get "catchup.$1.s") s"
}

bench_latency() {
  log "latency: Kafka's own end-to-end latency, then commit → evidence-service's projection"
  wait_projection latency
  bench_kafka_e2e
  bench_projection
}
