# shellcheck shell=bash
# deploy/local/bench: checks, scratch database, tokens, process facts. Sourced, not run.

need() { # need <command> <debian package>
  command -v "$1" >/dev/null 2>&1 && return 0
  log "installing $2 with apt-get"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; } \
    || die "could not install $2"
}

ready() { curl -fsS -o /dev/null --max-time 3 "$1/q/health/ready" 2>/dev/null; }

preflight() {
  [ "$(id -u)" = 0 ] || die "run as root (PostgreSQL superuser for the scratch database, apt-get)"
  need wrk wrk
  need jq jq
  need curl curl
  need openssl openssl
  [ -x "$PG_BIN/pgbench" ] || die "pgbench not found in $PG_BIN (Debian package postgresql-15)"
  export PATH="$PG_BIN:$PATH"
  if ! ready "$REQ" || ! ready "$EVI" || ! ready "$EXT"; then
    log "the stack is not (fully) running: deploy/local/stack run"
    "$STACK" run >&2 || die "deploy/local/stack run failed"
  fi
  compgen -G "$KAFKA_LIB/kafka-tools-*.jar" >/dev/null || die "kafka-tools jar missing in $KAFKA_LIB (deploy/local/stack infra start fetches it)"
  local busy
  busy="$(ps -eo pcpu=,args= --sort=-pcpu | awk '$1 > 20 {print}' | grep -v -e ' wrk ' -e 'bench' | head -n 3 || true)"
  [ -z "$busy" ] || log "WARNING: other processes are busy, figures will suffer: $(cut -c1-150 <<<"$busy" | tr '\n' ';')"
}

# ---------------------------------------------------------------------------------------------
# Scratch database for the baselines (created here, dropped at exit)
# ---------------------------------------------------------------------------------------------
scratch_create() {
  pg_super -d postgres -c "DROP DATABASE IF EXISTS $SCRATCH_DB" -c "CREATE DATABASE $SCRATCH_DB OWNER mla" >/dev/null
  SCRATCH_MADE=1
}

scratch_drop() {
  [ "${SCRATCH_MADE:-0}" = 1 ] || return 0
  pg_super -d postgres -c "DROP DATABASE IF EXISTS $SCRATCH_DB WITH (FORCE)" >/dev/null 2>&1 || true
  SCRATCH_MADE=0
}

# ---------------------------------------------------------------------------------------------
# Tokens, through Keycloak's token endpoint as a client would (password grant, console client)
# ---------------------------------------------------------------------------------------------
token() { # token <realm> <user>
  local t
  t="$(curl -sf --max-time 10 -d grant_type=password -d client_id=mla-console -d "username=$2" -d "password=$2" \
    "$KC/realms/$1/protocol/openid-connect/token" | jq -r .access_token)"
  if [ -z "$t" ] || [ "$t" = null ]; then die "no token for $2 in realm $1"; fi
  printf '%s' "$t"
}

# ---------------------------------------------------------------------------------------------
# Processes
# ---------------------------------------------------------------------------------------------
port_pid() { ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n1; }
rss_mib() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status" 2>/dev/null; }
hwm_mib() { awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status" 2>/dev/null; }

SERVICES="request-service:${REQ##*:} evidence-service:${EVI##*:} extradition-service:${EXT##*:}"

rss_snapshot() { # rss_snapshot <label>: resident memory of the stack's services
  local s pid
  for s in $SERVICES; do
    pid="$(port_pid "${s##*:}")"
    [ -n "$pid" ] || continue
    put "rss.$1.${s%%:*}" "$(rss_mib "$pid")"
    [ "$1" = before ] || continue # what runs, since when, from which build: as the run starts
    put "jvm.${s%%:*}" "$(tr '\0' ' ' <"/proc/$pid/cmdline" | sed 's/ -jar .*//' | cut -c1-300)"
    put "started.${s%%:*}" "$(date -u -d "$(ps -o lstart= -p "$pid")" '+%H:%M UTC' 2>/dev/null)"
    put "built.${s%%:*}" "$(date -u -r "$ROOT/${s%%:*}/target/quarkus-app/quarkus-run.jar" '+%H:%M UTC' 2>/dev/null)"
  done
}

# a JDK tool (jstat, jcmd) of the JDK that runs process <pid>
jdk_tool() { # jdk_tool <pid> <tool>
  local exe
  exe="$(readlink -f "/proc/$1/exe")"
  if [ -x "$(dirname "$exe")/$2" ]; then printf '%s' "$(dirname "$exe")/$2"; else command -v "$2"; fi
}

# percentiles of a column of numbers: pct <file> <p> (nearest rank)
pct() {
  sort -n "$1" | awk -v p="$2" '{a[NR]=$1} END {if (NR==0) {print ""; exit} i=int(NR*p/100+0.999999); if (i<1) i=1; if (i>NR) i=NR; print a[i]}'
}
