# shellcheck shell=bash
# deploy/local/bench rows 1, 2 and 6: submissions and a transition with wrk, pgbench as the baseline. Sourced.

CONNS="1 8 32"
ACK_BODY='{"caseReference": "AR-MLA-2026-77", "contact": {"name": "M. Gómez", "email": "mgomez@ar.demo", "phone": "+54 11 0000 0001"}}'

request_body_file() {
  [ -s "$WORK/request.json" ] && return 0
  # the demo's request body (deploy/local/client.sh request_body AR); client.sh is sourced in a subshell
  # because it sets traps and a work directory of its own
  (
    # shellcheck source=/dev/null # deploy/local/client.sh, in a subshell: its variables stay there
    source "$DEPLOY/client.sh"
    request_body AR
  ) >"$WORK/request.json"
  printf '%s' "$ACK_BODY" >"$WORK/ack.json"
}

threads_for() { if [ "$1" -ge 2 ]; then echo 2; else echo 1; fi; }

# run_pgbench <key> <clients> <script>: pgbench over TCP as the services' role, -j threads_for, DURATION seconds, on
# the scratch database; puts <key>.<clients>.tps, .p50_ms, .p99_ms (pgbench's per-transaction log), .n and .bad
run_pgbench() {
  local key="$1" c="$2" script="$3" dir="$WORK/pgbench-$1-$2" tps
  mkdir -p "$dir"
  (cd "$dir" && pgbench -n -f "$script" -c "$c" -j "$(threads_for "$c")" -T "$DURATION" -l --log-prefix=lat "$SCRATCH_DB") \
    >"$dir/out" 2>&1 || { cat "$dir/out" >&2; die "pgbench failed ($key, $c clients)"; }
  tps="$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$dir/out")"
  cat "$dir"/lat.* | awk '{print $3}' >"$dir/lat"
  put "$key.$c.n" "$(wc -l <"$dir/lat")"
  put "$key.$c.bad" 0
  put "$key.$c.tps" "$(awk -v t="$tps" 'BEGIN {printf "%.1f", t}')"
  put "$key.$c.p50_ms" "$(awk -v u="$(pct "$dir/lat" 50)" 'BEGIN {printf "%.2f", u / 1000}')"
  put "$key.$c.p99_ms" "$(awk -v u="$(pct "$dir/lat" 99)" 'BEGIN {printf "%.2f", u / 1000}')"
  log "  pgbench $(basename "$script" .sql) -c $c: $tps tps, p50 $(get "$key.$c.p50_ms") ms, p99 $(get "$key.$c.p99_ms") ms"
}

# pgbench single-row INSERT of a ~1 KiB row (bigserial key, timestamp, 1,024-character text) into a table
# of the scratch database, over TCP as the services' role, -c <conns> -j <threads> for DURATION seconds.
bench_pgbench() {
  log "baseline: pgbench single-row INSERT (1 KiB) at $CONNS clients, ${DURATION} s each"
  pg_mla -d "$SCRATCH_DB" -c "DROP TABLE IF EXISTS bench_insert" \
    -c "CREATE TABLE bench_insert (id bigserial PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now(), payload text NOT NULL)" >/dev/null
  printf '%s\n' "INSERT INTO bench_insert (payload) VALUES (repeat(md5(random()::text), 32));" >"$WORK/insert.sql"
  local c
  for c in $CONNS; do
    run_pgbench pg "$c" "$WORK/insert.sql"
  done
}

# pgbench running a submission's own statements, as request-service sends them for one submission alone (a
# group of one), on a copy of request-service's schema in the scratch database: BEGIN with the case's data
# key INSERT, the request's INSERT, the log head's SELECT ... FOR UPDATE, the event's INSERT with the head's
# UPDATE and the NOTIFY (one round trip, as EventLog's sealing statement), COMMIT. The rows are copies of the
# stack's newest submission (its JSONB state, its event's text, its wrapped key), under new time-ordered ids.
# What the database alone does for what a submission writes: no HTTP, no JSON, no hashing, no group commit.
bench_pgbench_submission() {
  log "baseline: pgbench running a submission's statements (request-service's schema) at $CONNS clients, ${DURATION} s each"
  local case_id
  case_id="$(pg_mla -d "$REQ_DB" -Atc "SELECT r.id FROM mla_request r JOIN event_log e ON e.case_id = r.id::text AND e.caseseq = 1
    JOIN case_data_key k ON k.case_id = r.id::text ORDER BY r.list_seq DESC LIMIT 1")"
  [ -n "$case_id" ] || { log "  no submission in $REQ_DB to copy (run with --warmup): skipped"; return 0; }
  pg_dump -s --no-owner --no-privileges -d "$REQ_DB" | pg_mla -d "$SCRATCH_DB" >/dev/null
  pg_mla -d "$SCRATCH_DB" -c "INSERT INTO event_log_head (id, logseq, hash) VALUES (1, 0, repeat('0', 64))" \
    -c "CREATE TABLE tpl_request AS SELECT * FROM mla_request WITH NO DATA" \
    -c "CREATE TABLE tpl_event AS SELECT * FROM event_log WITH NO DATA" \
    -c "CREATE TABLE tpl_key AS SELECT * FROM case_data_key WITH NO DATA" >/dev/null
  local t from into where
  for t in "mla_request tpl_request id = '$case_id'" "event_log tpl_event case_id = '$case_id' AND caseseq = 1" \
    "case_data_key tpl_key case_id = '$case_id'"; do
    read -r from into where <<<"$t"
    pg_mla -d "$REQ_DB" -c "\\copy (SELECT * FROM $from WHERE $where) TO STDOUT" | pg_mla -d "$SCRATCH_DB" -c "\\copy $into FROM STDIN"
  done
  local id="(lpad(to_hex((extract(epoch FROM now()) * 1000)::int8), 12, '0') || '7000' || lpad(to_hex(:r::int8), 16, '0'))::uuid"
  local event_id="(lpad(to_hex((extract(epoch FROM now()) * 1000)::int8), 12, '0') || '7001' || lpad(to_hex(:r::int8), 16, '0'))::uuid"
  local hash="(md5(:r::text) || md5((:r + 1)::text))"
  cat >"$WORK/submission.sql" <<SQL
\set r random(1, 9223372036854775806)
BEGIN \; INSERT INTO case_data_key (case_id, key_id, kek_id, wrapped_key, created_at) SELECT $id::text, key_id, kek_id, wrapped_key, now() FROM tpl_key;
INSERT INTO mla_request (id, requesting_state, requested_state, status, urgent, confidential, version, submitted_at, updated_at, next_deadline_at, state, next_reminder_at) SELECT $id, requesting_state, requested_state, status, urgent, confidential, version, now(), now(), next_deadline_at, state, next_reminder_at FROM tpl_request;
SELECT logseq, hash FROM event_log_head WHERE id = 1 FOR UPDATE;
WITH appended AS (INSERT INTO event_log (logseq, event_id, case_id, caseseq, type, actor_state, parties, occurred_at, prevhash, hash, envelope, traceparent, tracestate) SELECT h.logseq + 1, $event_id, $id::text, 1, t.type, t.actor_state, t.parties, now(), h.hash, $hash, t.envelope, t.traceparent, t.tracestate FROM tpl_event t, event_log_head h WHERE h.id = 1) UPDATE event_log_head SET logseq = logseq + 1, hash = $hash WHERE id = 1 RETURNING pg_current_xact_id()::text \; NOTIFY mla_bench_submission;
COMMIT;
SQL
  local c account
  for c in $CONNS; do
    account=()
    # the database's CPU for a submission's own transaction (alone, and with 8 clients queueing for the head's lock),
    # next to what it spends per submission of the stack
    [ "$c" = 1 ] || [ "$c" = 8 ] && account=(cpu_account "pgsub.$c")
    "${account[@]}" run_pgbench pgsub "$c" "$WORK/submission.sql"
  done
}

# run_wrk <key> <conns> <lua> <url> [seconds]: puts <key>.rps (2xx per second), .p50_ms, .p99_ms, .n, .bad
run_wrk() {
  local key="$1" c="$2" lua="$3" url="$4" secs="${5:-$DURATION}" out="$WORK/wrk-$1.out" line
  BENCH_LUA_DIR="$BENCH_D" BENCH_THREADS="$(threads_for "$c")" \
    wrk -t"$(threads_for "$c")" -c"$c" -d"${secs}s" --timeout 10s -s "$lua" "$url" >"$out" 2>&1 \
    || { cat "$out" >&2; die "wrk failed ($key)"; }
  line="$(grep '^BENCH ' "$out" | tail -n1)"
  [ -n "$line" ] || { cat "$out" >&2; die "wrk printed no summary ($key)"; }
  # shellcheck disable=SC2086 # the line is key=value words
  local requests duration_us p50_us p99_us max_us non2xx errors
  eval "$(tr ' ' '\n' <<<"${line#BENCH }" | grep -E '^[a-z0-9_]+=[0-9]+$')"
  put "$key.n" "$requests"
  put "$key.bad" "$((non2xx + errors))"
  put "$key.rps" "$(awk -v n="$requests" -v b="$non2xx" -v d="$duration_us" 'BEGIN {printf "%.1f", (n - b) / (d / 1e6)}')"
  put "$key.p50_ms" "$(awk -v u="$p50_us" 'BEGIN {printf "%.2f", u / 1000}')"
  put "$key.p99_ms" "$(awk -v u="$p99_us" 'BEGIN {printf "%.2f", u / 1000}')"
  put "$key.max_ms" "$(awk -v u="$max_us" 'BEGIN {printf "%.1f", u / 1000}')"
  if grep -q '^BENCH_IDS ' "$out"; then
    put "$key.ids_exhausted" "$(sed -n 's/^BENCH_IDS .*exhausted=\([0-9]*\).*/\1/p' "$out")"
  fi
  log "  $key -c $c: $(get "$key.rps")/s 2xx, p50 $(get "$key.p50_ms") ms, p99 $(get "$key.p99_ms") ms, non-2xx/errors $(get "$key.bad")"
}

# warm_up: WARMUP seconds of submissions at 8 connections, not measured (the JIT of the stack's services)
warm_up() {
  [ "${WARMUP:-0}" -gt 0 ] || return 0
  request_body_file
  log "warm-up: submissions at 8 connections for ${WARMUP} s (not measured)"
  BENCH_TOKEN="$(token nl officer)" BENCH_BODY="$WORK/request.json" \
    run_wrk "warmup.submit.8" 8 "$BENCH_D/submit.lua" "$REQ/api/requests" "$WARMUP"
}

bench_submissions() {
  request_body_file
  log "submissions: POST /api/requests (NL officer, the demo's body) at $CONNS connections, ${DURATION} s each"
  local c
  local account
  for c in $CONNS; do
    account=()
    [ "$c" = 8 ] && account=(cpu_account submit.8)
    BENCH_TOKEN="$(token nl officer)" BENCH_BODY="$WORK/request.json" \
      "${account[@]}" run_wrk "submit.$c" "$c" "$BENCH_D/submit.lua" "$REQ/api/requests"
  done
}

# list_submitted <token> <max> <file>: "<id> <version>" of requests to AR still SUBMITTED, newest first
list_submitted() {
  local tok="$1" max="$2" file="$3" next="" page
  : >"$file"
  while [ "$(wc -l <"$file")" -lt "$max" ]; do
    page="$(curl -sf --max-time 30 -H "Authorization: Bearer $tok" \
      "$REQ/api/requests?role=requested&status=SUBMITTED&limit=100${next:+&after=$next}")" || die "listing submitted requests failed"
    jq -r '.items[] | "\(.id) \(.version)"' <<<"$page" >>"$file"
    next="$(jq -r '.next // empty' <<<"$page")"
    [ -n "$next" ] || break
  done
}

bench_transitions() {
  request_body_file
  local c need=0 n have r secs ar
  declare -A want
  # each run gets 3 times the ids the submission rate at the same concurrency would use (500/s if unknown): right
  # after a start the submissions ran while the JIT warmed up, and the acknowledgements, later, ran out of ids
  # at 1.5 times (the 19:29 run of 2 December)
  for c in $CONNS; do
    r="$(get "submit.$c.rps")"
    n="$(awk -v r="${r:-500}" -v d="$DURATION" 'BEGIN {printf "%d", r * 3 * d + 100}')"
    want[$c]=$n
    need=$((need + n))
  done
  ar="$(token ar officer)"
  list_submitted "$ar" "$need" "$WORK/ids.all"
  have="$(wc -l <"$WORK/ids.all")"
  if [ "$have" -lt "$need" ]; then
    r="$(get submit.32.rps)"
    secs="$(awk -v r="${r:-100}" -v m="$((need - have))" 'BEGIN {s = int(m / (r > 1 ? r : 1) * 1.2) + 2; if (s > 180) s = 180; print s}')"
    log "transitions: pre-creating $((need - have)) requests (wrk, 32 connections, ${secs} s; not measured)"
    BENCH_TOKEN="$(token nl officer)" BENCH_BODY="$WORK/request.json" \
      run_wrk "setup.submit" 32 "$BENCH_D/submit.lua" "$REQ/api/requests" "$secs"
    list_submitted "$ar" "$need" "$WORK/ids.all"
    have="$(wc -l <"$WORK/ids.all")"
  fi
  log "transitions: POST /api/requests/{id}/acknowledge (AR officer, If-Match), $have requests for $CONNS connections"
  local from=1
  for c in $CONNS; do
    sed -n "${from},$((from + want[$c] - 1))p" "$WORK/ids.all" >"$WORK/ids.$c"
    from=$((from + want[$c]))
    BENCH_TOKEN="$(token ar officer)" BENCH_BODY="$WORK/ack.json" BENCH_IDS="$WORK/ids.$c" \
      run_wrk "ack.$c" "$c" "$BENCH_D/transition.lua" "$REQ/api/requests"
  done
}

# Row 6: history size. Two copies of request-service (bench.d/startup.sh's copy_launch: the stack's jar, JVM and
# options, scratch topics, relay on in both) on ports 9291 and 9292, each on a scratch database of its own: one
# with an empty log, one the loader filled to HISTORY_EVENTS events (BENCH_HISTORY_LOADER, default
# deploy/local/history-loader: valid, chained, sealed history, marked as relayed). Both get the schema the same
# way (the loader's --migrate) and run side by side, measured the same way: after their first audit checkpoint
# (taken 30 s after start, the one pass over the whole log a process makes; later ones cover only the new events)
# and a warm-up run of the same length, wrk at 8 connections as row 1, in turns (empty, loaded, empty, loaded) so
# that what else the machine does meanwhile weighs on both alike; each figure is the mean of its two turns.
HISTORY_EVENTS="${HISTORY_EVENTS:-1000000}"
HISTORY_PORT=9291
HISTORY_DBS=""

bench_history() {
  request_body_file
  local loader="${BENCH_HISTORY_LOADER:-$DEPLOY/history-loader}" label db out i round port="$HISTORY_PORT" key
  declare -A url pid
  log "history: request-service copies on an empty log and on a log of $HISTORY_EVENTS events (loader: $loader)"
  for label in empty loaded; do
    db="${BENCH_DB_PREFIX}history_$label"
    pg_super -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db OWNER mla" >/dev/null
    HISTORY_DBS="$HISTORY_DBS $db"
    out="$WORK/history-loader-$label.out"
    "$loader" --url "jdbc:postgresql://127.0.0.1:$PG_PORT/$db" --migrate --events "$([ "$label" = loaded ] && echo "$HISTORY_EVENTS" || echo 0)" \
      >"$out" 2>&1 || { cat "$out" >&2; die "history loader failed"; }
    if [ "$label" = loaded ]; then
      log "  $(grep -E '^(loaded|VACUUM)' "$out" | tr '\n' ' ')"
      # the loader's own figures: the wall time may include compiling it
      put history.load_s "$(sed -n 's/^loaded .* in \([0-9.]*\) s: .*/\1/p' "$out")"
      put history.load_rate "$(sed -n 's/^loaded .* s: \([0-9]*\) events\/s.*/\1/p' "$out")"
      put history.vacuum_s "$(sed -n 's/^VACUUM .*: \([0-9.]*\) s$/\1/p' "$out")"
    fi
    put "history.$label.events" "$(pg_mla -d "$db" -tA -c "SELECT count(*) FROM event_log")"
  done
  for label in empty loaded; do
    copy_launch request-service "$port" "${BENCH_DB_PREFIX}history_$label" "$WORK/history-$label.log"
    pid[$label]="$COPY_PID"
    url[$label]="http://127.0.0.1:$port/api/requests"
    put "history.$label.ready_s" "$(elapsed1 "$COPY_T0" "$COPY_T1")"
    port=$((port + 1))
  done
  for label in empty loaded; do
    for ((i = 0; i < 120; i++)); do
      [ "$(pg_mla -d "${BENCH_DB_PREFIX}history_$label" -tA -c "SELECT count(*) FROM audit_checkpoint")" -gt 0 ] && break
      sleep 1
    done
    BENCH_TOKEN="$(token nl officer)" BENCH_BODY="$WORK/request.json" run_wrk "history.$label.warmup" 8 "$BENCH_D/submit.lua" "${url[$label]}"
  done
  for round in 1 2; do
    for label in empty loaded; do
      BENCH_TOKEN="$(token nl officer)" BENCH_BODY="$WORK/request.json" run_wrk "history.$label.$round" 8 "$BENCH_D/submit.lua" "${url[$label]}"
    done
  done
  for label in empty loaded; do
    for key in rps p50_ms p99_ms; do
      put "history.$label.submit.8.$key" "$(awk -v a="$(get "history.$label.1.$key")" -v b="$(get "history.$label.2.$key")" 'BEGIN {printf "%.2f", (a + b) / 2}')"
    done
    kill -TERM "${pid[$label]}" 2>/dev/null || true
    wait "${pid[$label]}" 2>/dev/null || true
  done
  history_cleanup
}

history_cleanup() {
  local db
  for db in $HISTORY_DBS; do pg_super -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; done
  if [ -n "$HISTORY_DBS" ]; then
    timeout 60 "$JAVA" -Xmx256m -cp "$KAFKA_LIB/*" org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
      --delete --if-exists --topic 'bench\.mla\..*' >/dev/null 2>&1 || true
  fi
  HISTORY_DBS=""
}
