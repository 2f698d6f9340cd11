# shellcheck shell=bash
# deploy/local/bench: the table (stdout) and the markdown report. Sourced.

# row <figure> <measured> <baseline> <ratio> <target> <met>
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$WORK/rows"; }

fmt() { [ -n "$1" ] && printf '%s%s' "$1" "${2:-}" || printf 'n/a'; }
pct_of() { [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.1f %%", 100 * a / b; else print "n/a"}' || printf 'n/a'; }
times() { [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "×%.1f", a / b; else print "n/a"}' || printf 'n/a'; }
# met <value> <op> <limit>: yes / no / n/a
met() { [ -n "$1" ] && awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN {ok = (op == "<=" ? v <= l : v >= l); print (ok ? "yes" : "NO")}' || printf 'n/a'; }
ratio_val() { [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.4f", a / b}'; }

http_rows() { # http_rows <key prefix> <label>
  local k="$1" what="$2" c r
  for c in $CONNS; do
    r="$(get "$k.$c.rps")"
    [ -n "$r" ] || continue
    local bad note=""
    bad="$(get "$k.$c.bad")"
    [ "${bad:-0}" != 0 ] && note=" ($bad non-2xx/errors)"
    [ -n "$(get "$k.$c.ids_exhausted")" ] && [ "$(get "$k.$c.ids_exhausted")" != 0 ] && note="$note (ran out of ids)"
    if [ "$c" = 1 ]; then
      row "$what, $c conn: rate$note" "$(fmt "$r" /s)" "$(fmt "$(get "pg.$c.tps")" " tps")" "$(pct_of "$r" "$(get "pg.$c.tps")")" "" ""
      row "$what, $c conn: p50" "$(fmt "$(get "$k.$c.p50_ms")" " ms")" "$(fmt "$(get "pg.$c.p50_ms")" " ms")" "$(times "$(get "$k.$c.p50_ms")" "$(get "pg.$c.p50_ms")")" "≤ 5 ms" "$(met "$(get "$k.$c.p50_ms")" "<=" 5)"
      row "$what, $c conn: p99" "$(fmt "$(get "$k.$c.p99_ms")" " ms")" "$(fmt "$(get "pg.$c.p99_ms")" " ms")" "$(times "$(get "$k.$c.p99_ms")" "$(get "pg.$c.p99_ms")")" "" ""
    else
      row "$what, $c conn: rate$note" "$(fmt "$r" /s)" "$(fmt "$(get "pg.$c.tps")" " tps")" "$(pct_of "$r" "$(get "pg.$c.tps")")" "≥ 25 %" "$(met "$(ratio_val "$r" "$(get "pg.$c.tps")")" ">=" 0.25)"
      row "$what, $c conn: p50" "$(fmt "$(get "$k.$c.p50_ms")" " ms")" "$(fmt "$(get "pg.$c.p50_ms")" " ms")" "$(times "$(get "$k.$c.p50_ms")" "$(get "pg.$c.p50_ms")")" "" ""
      if [ "$c" = 8 ]; then
        row "$what, $c conn: p99" "$(fmt "$(get "$k.$c.p99_ms")" " ms")" "$(fmt "$(get "pg.$c.p99_ms")" " ms")" "$(times "$(get "$k.$c.p99_ms")" "$(get "pg.$c.p99_ms")")" "≤ 50 ms" "$(met "$(get "$k.$c.p99_ms")" "<=" 50)"
      else
        row "$what, $c conn: p99" "$(fmt "$(get "$k.$c.p99_ms")" " ms")" "$(fmt "$(get "pg.$c.p99_ms")" " ms")" "$(times "$(get "$k.$c.p99_ms")" "$(get "pg.$c.p99_ms")")" "" ""
      fi
    fi
  done
}

build_rows() {
  : >"$WORK/rows"
  if [ -n "$(get warmup.submit.8.rps)" ]; then
    row "1 warm-up, not measured: submissions, 8 conn, ${WARMUP} s: rate / p50 / p99 (context)" \
      "$(get warmup.submit.8.rps)/s / $(get warmup.submit.8.p50_ms) ms / $(get warmup.submit.8.p99_ms) ms" "" "" "" ""
  fi
  http_rows submit "1 submissions"
  local c
  for c in $CONNS; do
    [ -n "$(get "pgsub.$c.tps")" ] || continue
    # the database alone running what a submission writes: how near the service comes to its own statements
    row "1 submissions, $c conn, against pgbench running a submission's statements (context): rate / p50" \
      "$(fmt "$(get "submit.$c.rps")" /s) / $(fmt "$(get "submit.$c.p50_ms")" " ms")" \
      "$(fmt "$(get "pgsub.$c.tps")" " tps") / $(fmt "$(get "pgsub.$c.p50_ms")" " ms")" \
      "$(pct_of "$(get "submit.$c.rps")" "$(get "pgsub.$c.tps")") / $(times "$(get "submit.$c.p50_ms")" "$(get "pgsub.$c.p50_ms")")" "" ""
  done
  if [ -n "$(get cpu.pgsub.8.postgresql)" ]; then
    row "1 PostgreSQL's CPU per submission (8 conn), against pgbench running a submission's statements, 1 / 8 clients (context)" \
      "$(fmt "$(get cpu.submit.8.postgresql)" " ms") (all three services' databases)" \
      "$(fmt "$(get cpu.pgsub.1.postgresql)" " ms") / $(fmt "$(get cpu.pgsub.8.postgresql)" " ms") per transaction" "" "" ""
  fi
  cpu_rows submit.8 "1 submissions, 8 conn"
  http_rows ack "2 acknowledge"
  if [ -n "$(get evidence.up.mibs)" ]; then
    local g
    row "3 upload $UPLOAD_MIB MiB" "$(fmt "$(get evidence.up.mibs)" " MiB/s")" "$(fmt "$(get evidence.pg_in.mibs)" " MiB/s") (COPY in)" \
      "$(pct_of "$(get evidence.up.mibs)" "$(get evidence.pg_in.mibs)")" "≥ 50 %" "$(met "$(ratio_val "$(get evidence.up.mibs)" "$(get evidence.pg_in.mibs)")" ">=" 0.5)"
    row "3 download $UPLOAD_MIB MiB" "$(fmt "$(get evidence.down.mibs)" " MiB/s")" "$(fmt "$(get evidence.pg_out.mibs)" " MiB/s") (COPY out)" \
      "$(pct_of "$(get evidence.down.mibs)" "$(get evidence.pg_out.mibs)")" "≥ 50 %" "$(met "$(ratio_val "$(get evidence.down.mibs)" "$(get evidence.pg_out.mibs)")" ">=" 0.5)"
    for d in up down; do
      g="$(awk -v p="$(get "evidence.$d.heap_used_peak_mib")" -v b="$(get "evidence.$d.heap_live_before_mib")" 'BEGIN {if (p != "" && b != "") print p - b}')"
      row "3 heap growth, ${d}load (peak in use − live before)" "$(fmt "$g" " MiB")" \
        "live $(get "evidence.$d.heap_live_before_mib") → $(get "evidence.$d.heap_live_after_mib") MiB; committed $(get "evidence.$d.heap_committed_start_mib") → max $(get "evidence.$d.heap_committed_peak_mib") MiB" \
        "" "< 64 MiB" "$(met "$g" "<=" 63.99)"
    done
    row "3 raw disk write + fdatasync (context)" "$(fmt "$(get evidence.disk.mibs)" " MiB/s")" "" "" "" ""
  fi
  local s name v
  for s in $SERVICES; do
    name="${s%%:*}"
    v="$(get "startup.$name.ready_s")"
    if [ -n "$v" ]; then
      row "4 $name: JVM start → ready" "$(fmt "$v" " s") ($(get "startup.$name.ready_s.range"))" \
        "Quarkus \"started in\" $(get "startup.$name.started_in") s ($(get "startup.$name.started_in.range"))" "" "≤ 2 s" "$(met "$v" "<=" 2)"
      row "4 $name: RSS idle after start" "$(fmt "$(get "startup.$name.rss_idle_mib")" " MiB") ($(get "startup.$name.rss_idle_mib.range"))" "" "" "≤ 250 MiB" \
        "$(met "$(get "startup.$name.rss_idle_mib")" "<=" 250)"
    fi
    v="$(get "rss.after.$name")"
    [ -n "$v" ] && row "4 $name: RSS after the load" "$(fmt "$v" " MiB")" "before the run: $(get "rss.before.$name") MiB" "" "≤ 300 MiB" "$(met "$v" "<=" 300)"
  done
  if [ -n "$(get catchup.latency.s)" ]; then
    row "5 evidence projection backlog after rows 1–2: caught up after (context)" "$(fmt "$(get catchup.latency.s)" " s")" "" "" "" ""
  fi
  if [ -n "$(get kafka.e2e.p50_ms)" ]; then
    row "5 commit → evidence projection p50 (at $(get proj.submit.rps)/s)" "$(fmt "$(get proj.p50_ms)" " ms")" "$(fmt "$(get kafka.e2e.p50_ms)" " ms") (Kafka e2e)" "$(times "$(get proj.p50_ms)" "$(get kafka.e2e.p50_ms)")" "" ""
    row "5 commit → evidence projection p99 ($(get proj.processed)/$(get proj.events) events)" "$(fmt "$(get proj.p99_ms)" " ms")" "$(fmt "$(get kafka.e2e.p99_ms)" " ms") (Kafka e2e)" "$(times "$(get proj.p99_ms)" "$(get kafka.e2e.p99_ms)")" "≤ 100 ms" "$(met "$(get proj.p99_ms)" "<=" 100)"
  fi
  if wants history; then
    local h="history.loaded.submit.8" e="history.empty.submit.8"
    if [ -n "$(get $h.rps)" ] && [ -n "$(get $e.rps)" ]; then
      row "6 submissions, 8 conn, $(get history.loaded.events) events in the log (copy)" "$(fmt "$(get $h.rps)" /s)" "$(fmt "$(get $e.rps)" /s) (copy, $(get history.empty.events) events)" \
        "$(pct_of "$(get $h.rps)" "$(get $e.rps)")" "≥ 90 %" "$(met "$(ratio_val "$(get $h.rps)" "$(get $e.rps)")" ">=" 0.9)"
      row "6 submissions, 8 conn, p99, $(get history.loaded.events) events in the log (copy)" "$(fmt "$(get $h.p99_ms)" " ms")" "$(fmt "$(get $e.p99_ms)" " ms") (copy, empty log)" \
        "$(times "$(get $h.p99_ms)" "$(get $e.p99_ms)")" "" ""
      row "6 history loader: events written with COPY (context; VACUUM ANALYZE $(get history.vacuum_s) s more)" "$(fmt "$(get history.load_s)" " s")" "$(get history.load_rate) events/s" "" "" ""
    else
      row "6 submissions with 1,000,000 events in the log" "not measured" "$(get history.note)" "" "≥ 90 %" "n/a"
    fi
  else
    row "6 submissions with 1,000,000 events in the log" "not measured (--history)" "" "" "≥ 90 %" "n/a"
  fi
}

print_table() {
  { printf 'figure\tmeasured\tbaseline (same run)\tratio\ttarget\tmet\n'; cat "$WORK/rows"; } \
    | awk -F'\t' 'function dl(s,  t) {t = s; return length(s) - gsub(/[\200-\277]/, "", t)} # display width (UTF-8)
        {for (i = 1; i <= NF; i++) {c[NR, i] = $i; if (dl($i) > w[i]) w[i] = dl($i)}; n = NR}
        END {for (r = 1; r <= n; r++) {for (i = 1; i <= 6; i++) {s = c[r, i]; printf "%s%*s%s", s, w[i] - dl(s), "", (i < 6 ? " | " : "\n")}
             if (r == 1) {for (i = 1; i <= 6; i++) {s = ""; for (k = 0; k < w[i]; k++) s = s "-"; printf "%s%s", s, (i < 6 ? "-|-" : "\n")}}}}'
}

markdown_table() {
  printf '| figure | measured | baseline (same run) | ratio | target | met |\n|---|---|---|---|---|---|\n'
  awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6}' "$WORK/rows"
}

machine_facts() {
  local cpu
  cpu="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
  printf -- '- machine: %s cores (%s), %s GiB RAM (free -g: %s), %s\n' "$(nproc)" "${cpu:-unknown CPU}" \
    "$(free -g | awk '/^Mem:/ {print $2}')" "$(free -g | awk '/^Mem:/ {printf "total %s, used %s, free %s, available %s", $2, $3, $4, $7}')" \
    "$(. /etc/os-release 2>/dev/null && printf '%s' "$PRETTY_NAME"), kernel $(uname -r)"
  printf -- '- default java: %s\n' "$("$JAVA" -version 2>&1 | head -n1)"
  local s
  local j
  for s in $SERVICES; do
    j="$(get "jvm.${s%%:*}")"
    [ -n "$j" ] || continue
    printf -- '- %s (running since %s; its jar in target/ built %s) runs with: %s (%s)\n' "${s%%:*}" \
      "$(get "started.${s%%:*}")" "$(get "built.${s%%:*}")" "$j" "$("${j%% *}" -version 2>&1 | head -n1)"
  done
  [ -n "$(get startup.jvm)" ] && printf -- '- start-up copies run with: %s\n' "$(get startup.jvm)"
  printf -- '- load average (1/5/15 min) before: %s; after: %s\n' "$(get run.load_before)" "$(get run.load_after)"
  printf -- '- code: %s\n' "$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null)$(cd "$ROOT" && git diff --quiet HEAD -- 2>/dev/null || echo ' (with uncommitted changes)')"
}

report() {
  build_rows
  echo
  print_table
  echo
  [ -n "$OUT" ] || OUT="$LOCAL/bench/bench-$(date -u +%Y%m%dT%H%M%SZ).md"
  mkdir -p "$(dirname "$OUT")"
  {
    printf '## Benchmark run of %s\n\n' "$(get run.started)"
    printf '\x60%s\x60\n\n' "$BENCH_CMD"
    machine_facts
    echo
    markdown_table
    echo
    cat <<EOF
How each figure is taken (deploy/local/bench, deploy/local/bench.d/):
- 1, 2: after a warm-up of ${WARMUP} s (wrk, submissions at 8 connections, not measured), wrk ${DURATION} s per line (-t1 at 1 connection, -t2 otherwise, 10 s timeout) against the running stack,
  a real token (password grant), the demo's request body; rate counts 2xx answers only. Acknowledge walks
  through pre-created SUBMITTED requests, each once, with If-Match. Baseline: pgbench, the same connection
  counts and duration, single-row INSERT of a 1 KiB text row (bigserial key) into a scratch database,
  over TCP as the services' role; its p50/p99 from pgbench's per-transaction log. Context rows: pgbench
  running a submission's own statements (data key, request, head lock, event + head + NOTIFY, COMMIT: the
  five round trips of a submission alone) on a copy of request-service's schema, with copies of the stack's
  newest submission's rows under new ids.
- 3: curl -T / curl -o /dev/null of $UPLOAD_MIB MiB of random bytes (SHA-256 sent as Content-Digest).
  Baselines: psql \\copy in binary COPY format of the same bytes as 1 MiB bytea rows (table shaped like
  item_content_chunk, STORAGE EXTERNAL, one transaction) and \\copy of them out to /dev/null; dd with
  fdatasync. Heap from jstat every 200 ms and after a GC.run (jcmd) before and after.
- 4: copies of each service (same jar, JVM and options) on a scratch database and scratch topics; after a
  first start that creates the schema, $STARTUP_ROUNDS starts, each measured from the JVM's launch to the
  first 200 of /q/health/ready (polled every 50 ms): the median, the range in brackets; RSS (VmRSS) at
  ready + 5 s, likewise. "After the load" is the stack's own service at the end of this run.
- 5: per submission event, evidence-service inbox.processed_at − request-service event_log.occurred_at,
  wrk at half the 8-connection rate; Kafka's EndToEndLatency tool (acks=all, 1 KiB) as the baseline.
- 6: two copies of request-service as in 4 (relay on, scratch topics), side by side, each on a scratch
  database: one with an empty log, one filled by deploy/local/history-loader (valid chained events, sealed,
  marked relayed; VACUUM ANALYZE after). Each: first audit checkpoint awaited (its one pass over the whole
  log), a ${DURATION} s warm-up; then wrk ${DURATION} s at 8 connections as in 1, in turns empty, loaded, empty,
  loaded; each figure the mean of its two turns. Baseline: the empty-log copy.
EOF
  } >"$OUT"
  log "report written to $OUT"
}
