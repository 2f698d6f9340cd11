# shellcheck shell=bash
# deploy/local/stack: Helpers. Sourced by deploy/local/stack, which sets the configuration.
say()  { printf '[stack] %s\n' "$*"; }
warn() { printf '[stack] WARNING: %s\n' "$*" >&2; }
die()  { printf '[stack] ERROR: %s\n' "$*" >&2; exit 1; }

usage() {
  cat <<EOF
usage: deploy/local/stack <command>
  infra start|stop|status     PostgreSQL $PG_VERSION, Kafka $KAFKA_VERSION, Keycloak $KC_VERSION
  token <realm> [who]         print an access token; realm: ${KC_REALMS// /|}
                              who: officer (default) | auditor | <user> (password = user name)
                                   | client (central-authority; audit-cli in oversight)
                                   | client:<clientId> (e.g. client:audit-cli, client:other-app)
  test [maven args]           start missing infra, run ./mvnw -B verify, stop what it started; without
                              arguments also: OpenAPI lint, alert rules, system test (services, browser, clients)
  kill <service> | start <service>   crash a service (SIGKILL) / start it again (used by the system test);
                              kill kafka | kill keycloak crash the broker / the IdP (infra start restarts them)
  faults [options]            fault scenarios against the running stack, one table (deploy/local/faults --help)
  bench [options]             benchmark the running stack against baselines of this machine, one table
                              (deploy/local/bench --help); starts the stack if it is not running
  bench maven [maven args]    like test, but runs the Maven *Benchmark tests and prints their figures
  run | stop | status         infra plus services ($SERVICES)
  psql <database>             psql as the PostgreSQL superuser on <database>, SQL on stdin (tamper test)
  pg_dump <database>          a plain SQL dump of <database> (the erasure test greps it for a name)
  retention [--dry-run]       erase the personal data of every case whose retention ended (mla.retention.period),
                              each service through its management port; --dry-run lists them only
  rewrap-keys                 re-wrap every case data key under the current key-encryption key (after a rotation)
EOF
}

as_root_check() { [ "$(id -u)" = 0 ] || die "run as root to install missing packages (apt-get), or install them first"; }

apt_install() { # apt_install <package>...
  as_root_check
  say "installing $* with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || die "apt-get update failed"
  apt-get install -y -qq "$@" >/dev/null || die "apt-get install $* failed"
}

need_cmd() { # need_cmd <command> <debian package>
  command -v "$1" >/dev/null 2>&1 || apt_install "$2"
}

# pid of the process listening on TCP port $1 (empty if none or unknown)
port_pid() {
  ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n1
}

port_in_use() {
  [ -n "$(ss -ltnH "sport = :$1" 2>/dev/null)" ]
}

port_describe() {
  local line
  line="$(ss -ltnpH "sport = :$1" 2>/dev/null | head -n1)"
  printf '%s' "${line:-port $1 in use}" | tr -s ' '
}

cmdline() { tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true; }

# alive_with <pid> <marker>: process exists and its command line contains marker
alive_with() {
  [ -n "$1" ] && kill -0 "$1" 2>/dev/null && [[ "$(cmdline "$1")" == *"$2"* ]]
}

# running_pid <name> <marker>: pid of our running process, from its pid file or (if the pid file
# was lost) from the owner of one of its ports; removes stale pid files. Prints nothing if down.
running_pid() {
  local name="$1" marker="$2" ports="${3:-}" pidf="$RUN/$1.pid" pid="" p
  if [ -f "$pidf" ]; then
    pid="$(cat "$pidf" 2>/dev/null || true)"
    if alive_with "$pid" "$marker"; then echo "$pid"; return 0; fi
    rm -f "$pidf"
  fi
  for p in $ports; do
    pid="$(port_pid "$p")"
    if alive_with "$pid" "$marker"; then echo "$pid" >"$pidf"; echo "$pid"; return 0; fi
  done
  return 0
}

# ensure_ports_free <component> <port>...: fail if a port is taken by someone else
ensure_ports_free() {
  local comp="$1" p pid
  shift
  for p in "$@"; do
    if port_in_use "$p"; then
      pid="$(port_pid "$p")"
      die "cannot start $comp: port $p is already taken by another process: $(port_describe "$p")${pid:+ [$(cmdline "$pid" | cut -c1-160)]}"
    fi
  done
}

# launch <name> <log> <cmd...>: start a detached background process, pid written by the process itself
launch() {
  local name="$1" log="$2"
  shift 2
  mkdir -p "$RUN" "$LOGS"
  rm -f "$RUN/$name.pid"
  printf '\n===== %s starting %s =====\n' "$(date -Is)" "$name" >>"$log"
  # shellcheck disable=SC2016 # $$ and $1 belong to the inner shell
  nohup setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$RUN/$name.pid" "$@" >>"$log" 2>&1 </dev/null &
  for _ in $(seq 1 50); do [ -s "$RUN/$name.pid" ] && return 0; sleep 0.1; done
  die "$name did not start (see $log)"
}

# stop_pid <name> <pid>: SIGTERM, wait up to 20 s, then SIGKILL
stop_pid() {
  local name="$1" pid="$2"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 200); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$RUN/$name.pid"; return 0; }
    sleep 0.1
  done
  warn "$name (pid $pid) did not stop within 20 s: SIGKILL"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  sleep 0.5
  rm -f "$RUN/$name.pid"
}

tcp_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

http_ok() { curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null; }

st() { printf '%-16s %s\n' "$1" "$2"; } # status line: st <component> <state>

log_tail() { # log_tail <log>
  if [ -f "$1" ]; then
    printf -- '----- last lines of %s -----\n' "$1" >&2
    tail -n 30 "$1" >&2
    printf -- '-----\n' >&2
  fi
}

check_java() {
  command -v "$JAVA" >/dev/null 2>&1 || die "java not found (install Java 17+ or set JAVA_HOME)"
}
