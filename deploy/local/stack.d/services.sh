# shellcheck shell=bash
# deploy/local/stack: Services. Sourced by deploy/local/stack, which sets the configuration.
svc_pid() { running_pid "$1" "$1/target/quarkus-app/quarkus-run.jar" "$2"; }

svc_running_all() {
  local s name port
  for s in $SERVICES; do
    name="${s%%:*}"; port="${s##*:}"
    [ -n "$(svc_pid "$name" "$port")" ] || return 1
  done
  return 0
}

# signing_key <service>: the service's Ed25519 checkpoint key pair, made once and kept in .local/keys, so
# checkpoints stay verifiable with one published key across restarts (sets MLA_AUDIT_SIGNING_KEY/PUBLIC_KEY)
signing_key() {
  local dir="$LOCAL/keys" key="$LOCAL/keys/$1.pem" pub="$LOCAL/keys/$1.pub.pem"
  if [ ! -s "$key" ] || [ ! -s "$pub" ]; then
    need_cmd openssl openssl
    mkdir -p "$dir"
    (umask 077 && openssl genpkey -algorithm ed25519 -out "$key") || die "$1: could not generate its signing key"
    openssl pkey -in "$key" -pubout -out "$pub" || die "$1: could not derive its public key"
    say "$1: checkpoint signing key generated in $key"
  fi
  MLA_AUDIT_SIGNING_KEY="$(cat "$key")"
  MLA_AUDIT_PUBLIC_KEY="$(cat "$pub")"
}

# shellcheck source=deploy/local/svc-jvm.sh
source "$DEPLOY/svc-jvm.sh" # svc_jvm, svc_aot_train: the JVM, its options and class-data archive

svc_start() { # svc_start <name> <port>
  local name="$1" port="$2" jar="$ROOT/$1/target/quarkus-app/quarkus-run.jar" log="$LOGS/$1.log" pid
  if [ -n "$(svc_pid "$name" "$port")" ]; then
    say "$name: already running on 127.0.0.1:$port"
    return 0
  fi
  [ -f "$jar" ] || die "$name: $jar not found (build failed?)"
  ensure_ports_free "$name" "$port"
  signing_key "$name"
  svc_jvm "$name" "$jar"
  if [ "${SVC_AOT_TRAINING:-no}" = yes ] && [ -n "$SVC_AOT_FILE" ] && [ ! -s "$SVC_AOT_FILE" ]; then
    svc_aot_train "$name" "$port" "$jar" "$log" # stack run only: one training run per build
  fi
  say "$name: starting on 127.0.0.1:$port ($SVC_JAVA ${SVC_JVM_OPTS[*]})"
  local t0=$EPOCHREALTIME deadline=$((SECONDS + SERVICE_START_TIMEOUT))
  (cd "$ROOT" && export MLA_AUDIT_SIGNING_KEY MLA_AUDIT_PUBLIC_KEY && launch "$name" "$log" "$SVC_JAVA" "${SVC_JVM_OPTS[@]}" -jar "$jar")
  until http_ok "http://127.0.0.1:$port/q/health/ready"; do
    pid="$(running_pid "$name" "$jar")"
    [ -n "$pid" ] || { log_tail "$log"; die "$name exited during start-up (see $log)"; }
    if [ $SECONDS -ge $deadline ]; then
      log_tail "$log"; stop_pid "$name" "$pid"; die "$name: http://127.0.0.1:$port/q/health/ready not ready after $SERVICE_START_TIMEOUT s"
    fi
    sleep 0.1
  done
  say "$name: ready in $(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN {printf "%.1f", b - a}') s"
}

svc_stop_all() {
  local s name port pid
  for s in $SERVICES; do
    name="${s%%:*}"; port="${s##*:}"
    pid="$(svc_pid "$name" "$port")"
    if [ -n "$pid" ]; then
      say "$name: stopping (pid $pid)"
      stop_pid "$name" "$pid"
      say "$name: stopped"
    else
      say "$name: not running"
    fi
  done
}

cmd_run() {
  if svc_running_all; then
    say "already running ($SERVICES); deploy/local/stack status for details"
    exit 0
  fi
  infra_start
  say "building: ./mvnw -B -q package -DskipTests"
  (cd "$ROOT" && "$MVNW" -B -q package -DskipTests) || die "build failed"
  local s
  for s in $SERVICES; do SVC_AOT_TRAINING=yes svc_start "${s%%:*}" "${s##*:}"; done
  echo
  echo "MLA Exchange is running:"
  for s in $SERVICES; do
    [ "${s%%:*}" = console ] && continue
    printf '  %-22s http://127.0.0.1:%s   Swagger UI: http://127.0.0.1:%s/q/swagger-ui\n' "${s%%:*}" "${s##*:}" "${s##*:}"
  done
  echo "  console (officers)     http://127.0.0.1:$CONSOLE_PORT   pick a State, sign in on its Keycloak page: officer/officer or auditor/auditor"
  echo "  Keycloak               $KC_URL   (admin console: admin/admin)"
  echo "  Kafka                  $KAFKA_BOOTSTRAP    PostgreSQL 127.0.0.1:$PG_PORT (mla/mla)"
  echo
  echo "Demo identities (realms nl, ar, sn; issuer $KC_URL/realms/<realm>):"
  echo "  users officer/officer (central-authority), auditor/auditor (auditor); client mla-console (public)"
  echo "  client central-authority / dev-secret (client_credentials); realm oversight: auditor/auditor, audit-cli / dev-secret"
  echo "Get a token:  deploy/local/stack token nl        (officer)"
  echo "              deploy/local/stack token nl client (central-authority service account)"
  echo "Audit:        deploy/local/mla-audit verify            (replay and verify every service's log)"
  echo "              deploy/local/mla-audit timeline <case-id> (one case across the services)"
  echo "Logs: $LOGS    Stop: deploy/local/stack stop"
}

cmd_status() {
  infra_status
  local s name port pid
  for s in $SERVICES; do
    name="${s%%:*}"; port="${s##*:}"
    pid="$(svc_pid "$name" "$port")"
    if [ -z "$pid" ]; then st "$name" "stopped"
    elif http_ok "http://127.0.0.1:$port/q/health/ready"; then st "$name" "running   http://127.0.0.1:$port (pid $pid)"
    else st "$name" "starting  (pid $pid, not ready)"; fi
  done
}

svc_stop_one() { # svc_stop_one <name> <port>
  local pid
  pid="$(svc_pid "$1" "$2")"
  [ -n "$pid" ] && stop_pid "$1" "$pid"
  return 0
}

# kill <service>: SIGKILL, as a crash would (system test); start <service>: start it again
svc_port() {
  local s
  for s in $SERVICES; do [ "${s%%:*}" = "$1" ] && { echo "${s##*:}"; return 0; }; done
  die "unknown service $1 (one of: $SERVICES)"
}

cmd_kill() {
  local port pid
  case "$1" in
    kafka) pid="$(kafka_pid)" ;;
    keycloak) pid="$(kc_pid)" ;;
    postgresql) # an immediate shutdown: no checkpoint, clients cut, recovery at the next start (as after a crash)
      pg_running || die "postgresql is not running"
      pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null || die "pg_ctl stop failed"
      say "postgresql: stopped (immediate)"
      return 0 ;;
    *) port="$(svc_port "$1")"; pid="$(svc_pid "$1" "$port")" ;;
  esac
  [ -n "$pid" ] || die "$1 is not running"
  # launch() starts each process as the leader of its own group: the whole group dies, so a wrapper's
  # child (Keycloak's kc.sh runs its JVM as a child) is not left serving
  kill -9 -- "-$pid" 2>/dev/null || kill -9 "$pid"
  while kill -0 -- "-$pid" 2>/dev/null || kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  say "$1: killed (SIGKILL, pid $pid and its process group)"
}
