# shellcheck shell=bash
# shellcheck disable=SC2034 # the STARTED_* flags are read by infra.sh and test.sh
# deploy/local/stack: PostgreSQL (Debian cluster). Sourced by deploy/local/stack, which sets the configuration.
# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user of Debian's package
pg_as() { if [ "$(id -u)" = 0 ]; then (cd /tmp && runuser -u postgres -- "$@"); else "$@"; fi; }

pg_running() { [ -s "$PG_DATA/postmaster.pid" ] && pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

pg_psql() { # psql as the cluster's superuser on its own socket, SQL on stdin
  pg_as "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKETS" -p "$PG_PORT" -U postgres "$@"
}

pg_setup_db() {
  local dbs="" d
  for d in $PG_DATABASES; do dbs="$dbs${dbs:+,}'$d'"; done
  pg_psql -d postgres <<SQL >/dev/null || die "could not create role mla / databases (see above)"
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'mla') THEN
    CREATE ROLE mla LOGIN PASSWORD 'mla' CREATEDB;
  ELSE
    ALTER ROLE mla LOGIN PASSWORD 'mla' CREATEDB;
  END IF;
END
\$\$;
SELECT format('CREATE DATABASE %I OWNER mla', d)
  FROM unnest(ARRAY[$dbs]) AS d
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d)
\gexec
SQL
}

pg_start() { # sets STARTED_PG=1 if it started it
  [ -x "$PG_BIN/initdb" ] || apt_install postgresql
  if pg_running; then
    say "postgresql: already running on 127.0.0.1:$PG_PORT ($PG_DATA)"
  else
    mkdir -p "$PG_DIR"
    if [ ! -s "$PG_DATA/PG_VERSION" ]; then
      say "postgresql: creating this checkout's cluster in $PG_DATA"
      [ "$(id -u)" = 0 ] && chown postgres: "$PG_DIR"
      # the superuser by the cluster's own socket (in .local, not /var/run), every TCP login by password
      pg_as "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 --auth-local=trust \
        --auth-host=scram-sha-256 >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
    fi
    pg_as mkdir -p "$PG_SOCKETS"
    ensure_ports_free postgresql "$PG_PORT"
    say "postgresql: starting on 127.0.0.1:$PG_PORT"
    pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DIR/postgresql.log" -w -t 60 \
      -o "-p $PG_PORT -k $PG_SOCKETS -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null \
      || { tail -n 20 "$PG_DIR/postgresql.log" >&2; die "postgresql did not start (see $PG_DIR/postgresql.log)"; }
    STARTED_PG=1
  fi
  local i
  for i in $(seq 1 60); do
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" && break
    [ "$i" = 60 ] && die "postgresql not ready on 127.0.0.1:$PG_PORT after 30 s"
    sleep 0.5
  done
  pg_setup_db
  say "postgresql: ready on 127.0.0.1:$PG_PORT (role mla, databases: $PG_DATABASES)"
}

pg_stop() {
  if pg_running; then
    say "postgresql: stopping"
    pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null || die "pg_ctl stop failed"
    say "postgresql: stopped"
  else
    say "postgresql: not running"
  fi
}

pg_status() {
  if pg_running; then
    if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then st postgresql "running   127.0.0.1:$PG_PORT ($PG_DATA)"
    else st postgresql "starting  127.0.0.1:$PG_PORT (not accepting connections)"; fi
  else
    st postgresql "stopped"
  fi
}
