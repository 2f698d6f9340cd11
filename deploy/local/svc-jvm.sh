# shellcheck shell=bash
# The JVM and options the local stack runs a service with. Sourced by deploy/local/stack (svc_start) and
# deploy/local/bench (start-up copies), so that both start the services the same way.
#
# - JVM: MLA_SERVICE_JAVA if set (a java binary), else a Temurin 25+ under /usr/lib/jvm if installed (the services are built
#   for Java 17 and run on any newer JVM), else the stack's java (JAVA_HOME or PATH).
# - Options: Serial GC (one small heap per service on a 2-core machine: no concurrent GC threads, less
#   native memory than G1), a heap that starts small and is capped at MLA_SERVICE_XMX (default 256m).
# - Class data: an AOT cache (JDK 25+, JEP 483/514/515) or, on older JDKs, a dynamic CDS archive, made by
#   one training run of the service (`stack run`'s svc_start starts it, waits until it is ready, stops it:
#   the JVM writes the archive as it exits) and kept in .local/aot/, named by a checksum of the service's
#   quarkus-app files, the JVM and these options, so any rebuild makes a new one. Other starts (stack test's
#   system test, stack start) use the archive when it exists and never train. MLA_AOT=off disables it.
#   Never committed: every machine makes its own.

SVC_AOT_DIR="${LOCAL:-${ROOT:?}/.local}/aot"

# svc_java_home_version <java binary>: the JVM's feature version (17, 25...) from its release file
svc_java_version() {
  local home
  home="$(dirname "$(dirname "$(readlink -f "$(command -v "$1")")")")"
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null | head -n1
}

svc_pick_java() {
  local j
  if [ -n "${MLA_SERVICE_JAVA:-}" ]; then printf '%s' "$MLA_SERVICE_JAVA"; return 0; fi
  for j in /usr/lib/jvm/temurin-2[5-9]*/bin/java /usr/lib/jvm/temurin-[3-9][0-9]*/bin/java; do
    if [ -x "$j" ]; then printf '%s' "$j"; return 0; fi
  done
  printf '%s' "${JAVA:-java}"
}

# svc_jvm <name> <jar>: sets SVC_JAVA (java binary), SVC_JVM_OPTS (options before -jar, including the
# class-data archive when it exists), SVC_AOT_FILE (the archive for this jar, JVM and options; empty if
# disabled) and SVC_AOT_TRAIN (the option that writes it at exit)
# shellcheck disable=SC2034 # set for the caller
svc_jvm() {
  local name="$1" jar="$2" version key
  SVC_JAVA="$(svc_pick_java)"
  version="$(svc_java_version "$SVC_JAVA")"
  SVC_JVM_OPTS=(-XX:+UseSerialGC -Xms32m "-Xmx${MLA_SERVICE_XMX:-256m}")
  # MLA_SERVICE_JVM_OPTS replaces these options (e.g. the former "-Xmx512m" to compare, with MLA_AOT=off)
  if [ -n "${MLA_SERVICE_JVM_OPTS:-}" ]; then read -ra SVC_JVM_OPTS <<<"$MLA_SERVICE_JVM_OPTS"; fi
  SVC_AOT_FILE=""
  SVC_AOT_TRAIN=""
  [ "${MLA_AOT:-on}" = off ] && return 0
  [ -n "$version" ] || return 0
  key="$( {
    printf '%s %s %s\n' "$SVC_JAVA" "$version" "${SVC_JVM_OPTS[*]}"
    find "$(dirname "$jar")" -type f \( -name '*.jar' -o -name '*.dat' \) -print0 | sort -z | xargs -0 cat
  } | sha256sum | cut -c1-16)"
  if [ "$version" -ge 25 ]; then
    SVC_AOT_FILE="$SVC_AOT_DIR/$name-$key.aot"
    SVC_AOT_TRAIN="-XX:AOTCacheOutput=$SVC_AOT_FILE"
    [ -s "$SVC_AOT_FILE" ] && SVC_JVM_OPTS+=("-XX:AOTCache=$SVC_AOT_FILE")
  else
    SVC_AOT_FILE="$SVC_AOT_DIR/$name-$key.jsa"
    SVC_AOT_TRAIN="-XX:ArchiveClassesAtExit=$SVC_AOT_FILE"
    [ -s "$SVC_AOT_FILE" ] && SVC_JVM_OPTS+=("-XX:SharedArchiveFile=$SVC_AOT_FILE")
  fi
  return 0
}

# svc_aot_stale <name>: removes the service's archives other than SVC_AOT_FILE (older builds)
svc_aot_stale() {
  local f
  for f in "$SVC_AOT_DIR/$1"-*.aot "$SVC_AOT_DIR/$1"-*.jsa; do
    [ -e "$f" ] && [ "$f" != "$SVC_AOT_FILE" ] && rm -f "$f"
  done
  return 0
}

# svc_aot_train <name> <port> <jar> <log>: the training run (deploy/local/stack's svc_start, with its
# helpers launch, http_ok, running_pid, say, warn): starts the service as svc_start would, with the option
# that writes the archive at exit, waits until it is ready, asks for its health and OpenAPI document, stops
# it with SIGTERM and waits (up to 180 s) while the JVM writes the archive. A failed training run only
# means no archive: the service then starts without one.
svc_aot_train() {
  local name="$1" port="$2" jar="$3" log="$4" pid i t0=$SECONDS
  [ -n "$SVC_AOT_FILE" ] || return 0
  mkdir -p "$SVC_AOT_DIR"
  svc_aot_stale "$name"
  say "$name: training run for its class-data archive ($(basename "$SVC_AOT_FILE"), once per build)"
  (cd "$ROOT" && export MLA_AUDIT_SIGNING_KEY MLA_AUDIT_PUBLIC_KEY \
    && launch "$name" "$log" "$SVC_JAVA" "${SVC_JVM_OPTS[@]}" "$SVC_AOT_TRAIN" -jar "$jar")
  for ((i = 0; i < SERVICE_START_TIMEOUT * 5; i++)); do
    http_ok "http://127.0.0.1:$port/q/health/ready" && break
    [ -n "$(running_pid "$name" "$jar")" ] || break
    sleep 0.2
  done
  curl -fsS -o /dev/null --max-time 10 "http://127.0.0.1:$port/q/health" 2>/dev/null || true
  curl -fsS -o /dev/null --max-time 10 "http://127.0.0.1:$port/q/openapi" 2>/dev/null || true
  pid="$(running_pid "$name" "$jar")"
  if [ -n "$pid" ]; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 900; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && { warn "$name: training run did not exit within 180 s: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; sleep 0.5; }
  fi
  rm -f "$RUN/$name.pid"
  if [ -s "$SVC_AOT_FILE" ]; then
    say "$name: class-data archive written in $((SECONDS - t0)) s"
    SVC_JVM_OPTS+=("$(case "$SVC_AOT_FILE" in *.aot) echo "-XX:AOTCache=$SVC_AOT_FILE" ;; *) echo "-XX:SharedArchiveFile=$SVC_AOT_FILE" ;; esac)")
  else
    warn "$name: no class-data archive after the training run (see $log); starting without one"
  fi
}
