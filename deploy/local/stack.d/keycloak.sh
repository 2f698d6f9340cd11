# shellcheck shell=bash
# shellcheck disable=SC2034 # the STARTED_* flags are read by infra.sh and test.sh
# deploy/local/stack: Keycloak. Sourced by deploy/local/stack, which sets the configuration.
kc_pid() { running_pid keycloak "$KC_HOME" "$KC_PORTS"; }

realm_files() {
  local r
  for r in $KC_REALMS; do printf '%s\n' "$DEPLOY/keycloak/realm-$r.json"; done
}

realms_sha() {
  local f
  for f in $(realm_files); do
    [ -f "$f" ] || die "realm file missing: $f"
    printf '%s  %s\n' "$(sha256sum <"$f" | cut -d' ' -f1)" "$(basename "$f")"
  done
}

kc_prepare() {
  local marker="$KC_BASE/.built" f
  if [ "$(cat "$marker" 2>/dev/null || true)" != "$KC_VERSION $KC_BUILD_OPTS" ]; then
    say "keycloak: one-time build ($KC_BUILD_OPTS, ~30 s)"
    # shellcheck disable=SC2086
    (cd "$KC_HOME" && JAVA_HOME="${JAVA_HOME:-}" bin/kc.sh build $KC_BUILD_OPTS) >>"$LOGS/keycloak-build.log" 2>&1 \
      || { log_tail "$LOGS/keycloak-build.log"; die "keycloak: build failed"; }
    echo "$KC_VERSION $KC_BUILD_OPTS" >"$marker"
  fi
  KC_REALMS_SHA="$(realms_sha)"
  if [ "$KC_REALMS_SHA" != "$(cat "$KC_BASE/realms.sha256" 2>/dev/null || true)" ]; then
    if [ -d "$KC_HOME/data/h2" ]; then
      say "keycloak: realm files changed since the last import: resetting its database to re-import them"
      rm -rf "$KC_HOME/data/h2"
    fi
  fi
  # a start that imports the realms into an empty database (first start, changed realms) takes
  # 40-90 s on 2 busy cores: allow it twice the usual limit
  KC_FRESH=0
  [ -d "$KC_HOME/data/h2" ] || KC_FRESH=1
  mkdir -p "$KC_HOME/data/import"
  rm -f "$KC_HOME"/data/import/*.json
  for f in $(realm_files); do cp "$f" "$KC_HOME/data/import/"; done
}

kc_prepare_start() { # sets KC_WANTED=1 if Keycloak must be launched (after the one-time build)
  KC_WANTED=0
  KC_LAUNCHED=0
  if [ -n "$(kc_pid)" ]; then
    say "keycloak: already running (pid $(kc_pid)) on $KC_URL"
    if [ "$(realms_sha)" != "$(cat "$KC_BASE/realms.sha256" 2>/dev/null || true)" ]; then
      warn "keycloak: realm files changed since the last import; restart it to re-import (stack infra stop; stack infra start)"
    fi
    return 0
  fi
  # shellcheck disable=SC2086
  ensure_ports_free keycloak $KC_PORTS
  mkdir -p "$LOGS"
  kc_prepare
  KC_WANTED=1
}

kc_launch() { # sets STARTED_KC=1 / KC_LAUNCHED=1
  [ "${KC_WANTED:-0}" = 1 ] || return 0
  if [ "${KC_FRESH:-0}" = 1 ]; then
    say "keycloak: starting $KC_VERSION on $KC_URL, importing realms $KC_REALMS (fresh import: up to $((KC_START_TIMEOUT * 2)) s)"
  else
    say "keycloak: starting $KC_VERSION on $KC_URL (realms: $KC_REALMS)"
  fi
  KC_T0=$SECONDS
  (
    cd "$KC_HOME" || exit 1
    export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin
    export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms128m -Xmx1g}"
    launch keycloak "$LOGS/keycloak.log" "$KC_HOME/bin/kc.sh" start --optimized --http-enabled=true \
      --hostname="$KC_URL" --http-port="$KC_PORT" --http-host=127.0.0.1 --cache=local --import-realm
  )
  KC_LAUNCHED=1
  STARTED_KC=1
}

kc_wait() {
  [ "${KC_LAUNCHED:-0}" = 1 ] || return 0
  local limit="$KC_START_TIMEOUT" pid deadline
  [ "${KC_FRESH:-0}" = 1 ] && limit=$((KC_START_TIMEOUT * 2))
  deadline=$((SECONDS + limit))
  until http_ok "$KC_HEALTH"; do
    pid="$(running_pid keycloak "$KC_HOME")"
    [ -n "$pid" ] || { log_tail "$LOGS/keycloak.log"; die "keycloak exited during start-up (see $LOGS/keycloak.log)"; }
    if [ $SECONDS -ge $deadline ]; then
      log_tail "$LOGS/keycloak.log"; stop_pid keycloak "$pid"; die "keycloak: $KC_HEALTH not ready after $limit s (slow machine? KC_START_TIMEOUT=300 deploy/local/stack infra start)"
    fi
    sleep 1
  done
  printf '%s\n' "$KC_REALMS_SHA" >"$KC_BASE/realms.sha256"
  say "keycloak: ready in $((SECONDS - KC_T0)) s on $KC_URL (admin console: admin/admin)"
}

kc_stop() {
  local pid
  pid="$(kc_pid)"
  if [ -n "$pid" ]; then
    say "keycloak: stopping (pid $pid)"
    stop_pid keycloak "$pid"
    say "keycloak: stopped"
  else
    say "keycloak: not running"
  fi
}

kc_status() {
  local pid
  pid="$(kc_pid)"
  if [ -z "$pid" ]; then st keycloak "stopped"
  elif http_ok "$KC_HEALTH"; then st keycloak "running   $KC_URL (pid $pid)"
  else st keycloak "starting  (pid $pid, $KC_HEALTH not ready)"; fi
}
