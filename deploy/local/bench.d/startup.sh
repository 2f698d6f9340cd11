# shellcheck shell=bash
# deploy/local/bench row 4: start-up time (JVM start to /q/health/ready answering 200, polled every 50 ms)
# and resident memory of each service, idle. Sourced.
#
# Measured on copies of the stack's services, so that the running stack is left alone: the same jar, JVM
# and options as deploy/local/stack's svc_start (deploy/local/svc-jvm.sh), on port 928x, on a scratch
# database of its own (mla_bench_<service>) and scratch topics (bench.*), so the copy neither writes to the
# stack's databases nor publishes to or consumes from its topics. Each copy starts twice: the first start
# creates the schema (Flyway), the second, on an existing schema as a restart of the stack's service does,
# is measured, BENCH_STARTUP_ROUNDS times (default 3: one start on 2 cores varies by half a second), and the
# median is the figure, with the range beside it. The stack itself is idle meanwhile. If the build has no
# class-data archive yet (see deploy/local/svc-jvm.sh), the first start is its training run.

# shellcheck source=deploy/local/svc-jvm.sh
source "$DEPLOY/svc-jvm.sh"

STARTUP_PIDS=""
STARTUP_DBS=""
STARTUP_ROUNDS="${BENCH_STARTUP_ROUNDS:-3}"

# copy_launch <service> <port> <db> <log> [java args...]: starts a copy of the service (the stack's jar, JVM and
# options; the database given; scratch topics) and waits for ready; sets COPY_PID and COPY_T0 / COPY_T1 (launch,
# ready). Extra java args go before the service's properties (e.g. the class-data training option).
copy_launch() {
  local name="$1" port="$2" db="$3" log="$4" jar="$ROOT/$1/target/quarkus-app/quarkus-run.jar"
  shift 4
  local extra=("$@") key="$LOCAL/keys/$name.pem" pub="$LOCAL/keys/$name.pub.pem"
  # a random management port: the stack's own instance holds the service's (deploy/local/ports.sh)
  local props=(-Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" -Dquarkus.management.port=0
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$PG_PORT/$db"
    -Dmla.events.topic="bench.mla.${name%-service}.events" -Dmla.audit.checkpoints-topic=bench.mla.audit.checkpoints)
  case "$name" in
    evidence-service | extradition-service)
      props+=(-Dmp.messaging.incoming.request-events.topic=bench.mla.request.events
        -Dmp.messaging.incoming.request-events.group.id="bench-$name") ;;
  esac
  if [ "$name" = extradition-service ]; then
    props+=(-Dmp.messaging.incoming.evidence-events.topic=bench.mla.evidence.events
      -Dmp.messaging.incoming.evidence-events.group.id="bench-$name-evidence")
  fi
  svc_jvm "$name" "$jar"
  local ok=0 i
  COPY_T0="$(now)"
  (
    cd "$ROOT" || exit 1
    if [ -s "$key" ]; then MLA_AUDIT_SIGNING_KEY="$(cat "$key")"; MLA_AUDIT_PUBLIC_KEY="$(cat "$pub")"; export MLA_AUDIT_SIGNING_KEY MLA_AUDIT_PUBLIC_KEY; fi
    exec "$SVC_JAVA" "${SVC_JVM_OPTS[@]}" "${extra[@]}" "${props[@]}" -jar "$jar"
  ) >"$log" 2>&1 &
  COPY_PID=$!
  STARTUP_PIDS="$STARTUP_PIDS $COPY_PID"
  for ((i = 0; i < 1200; i++)); do
    if curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$port/q/health/ready"; then ok=1; break; fi
    kill -0 "$COPY_PID" 2>/dev/null || break
    sleep 0.05
  done
  COPY_T1="$(now)"
  if [ "$ok" != 1 ]; then
    tail -n 30 "$log" >&2
    kill "$COPY_PID" 2>/dev/null || true
    die "$name copy did not become ready (log above)"
  fi
}

startup_copy() { # startup_copy <service> <port> <label>: starts a copy, waits for ready, puts figures, stops it
  local name="$1" port="$2" label="$3" jar="$ROOT/$1/target/quarkus-app/quarkus-run.jar"
  local log="$WORK/startup-$name-$label.log" train=()
  svc_jvm "$name" "$jar"
  # no class-data archive for this build yet (the stack was not started by `stack run`): the first start
  # is its training run, as in svc_start
  if [ "$label" = schema ] && [ -n "$SVC_AOT_FILE" ] && [ ! -s "$SVC_AOT_FILE" ]; then
    mkdir -p "$SVC_AOT_DIR"
    svc_aot_stale "$name"
    train=("$SVC_AOT_TRAIN")
    log "  $name: no class-data archive for this build: the first start is its training run"
  fi
  copy_launch "$name" "$port" "${BENCH_DB_PREFIX}${name%-service}" "$log" "${train[@]}"
  local pid="$COPY_PID"
  if [ "$label" != schema ]; then
    put "startup.$name.$label.ready_s" "$(elapsed1 "$COPY_T0" "$COPY_T1")"
    put "startup.$name.$label.started_in" "$(grep -o 'started in [0-9.]*s' "$log" | head -n1 | sed 's/started in //; s/s$//')"
    put "startup.$name.$label.rss_ready_mib" "$(rss_mib "$pid")"
    sleep 5
    put "startup.$name.$label.rss_idle_mib" "$(rss_mib "$pid")"
    put "startup.jvm" "$SVC_JAVA ${SVC_JVM_OPTS[*]}"
  fi
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

bench_startup() {
  log "start-up: copies of each service on a scratch database (the first start creates the schema, the next $STARTUP_ROUNDS are measured)"
  local s name port=9281 db round
  for s in $SERVICES; do
    name="${s%%:*}"
    db="${BENCH_DB_PREFIX}${name%-service}"
    pg_super -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db OWNER mla" >/dev/null
    STARTUP_DBS="$STARTUP_DBS $db"
    startup_copy "$name" "$port" schema
    for ((round = 1; round <= STARTUP_ROUNDS; round++)); do
      startup_copy "$name" "$port" "start$round"
    done
    startup_median "$name" ready_s started_in rss_ready_mib rss_idle_mib
    log "  $name: ready in $(get "startup.$name.ready_s") s ($(get "startup.$name.ready_s.range") s over $STARTUP_ROUNDS starts; Quarkus: started in $(get "startup.$name.started_in") s), RSS $(get "startup.$name.rss_idle_mib") MiB idle"
    port=$((port + 1))
  done
  startup_cleanup
}

# startup_median <service> <figure>...: each figure's median over the measured starts (startup.<service>.<figure>)
# and its range (….range, "min–max"), by common.sh's pct
startup_median() {
  local name="$1" figure round values="$WORK/startup-values"
  shift
  for figure in "$@"; do
    for ((round = 1; round <= STARTUP_ROUNDS; round++)); do get "startup.$name.start$round.$figure"; done | grep . >"$values" || continue
    put "startup.$name.$figure" "$(pct "$values" 50)"
    put "startup.$name.$figure.range" "$(pct "$values" 0)–$(pct "$values" 100)"
  done
}

startup_cleanup() {
  local p db
  for p in $STARTUP_PIDS; do kill -TERM "$p" 2>/dev/null || true; done
  STARTUP_PIDS=""
  for db in $STARTUP_DBS; do pg_super -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; done
  if [ -n "$STARTUP_DBS" ]; then
    timeout 60 "$JAVA" -Xmx256m -cp "$KAFKA_LIB/*" org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
      --delete --if-exists --topic 'bench\.mla\..*' >/dev/null 2>&1 || true
  fi
  STARTUP_DBS=""
}
