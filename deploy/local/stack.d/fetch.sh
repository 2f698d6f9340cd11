# shellcheck shell=bash
# deploy/local/stack: Fetching Kafka and Keycloak from Maven Central (deploy/local/tools/pom.xml). Sourced by deploy/local/stack, which sets the configuration.
# a marker file is written only after a complete fetch, so an interrupted one is redone
kafka_fetched() { [ -f "$KAFKA_DIR/.fetched-$KAFKA_VERSION" ] && compgen -G "$KAFKA_LIB/kafka_2.13-$KAFKA_VERSION.jar" >/dev/null; }
kc_fetched() { [ -f "$KC_BASE/.fetched-$KC_VERSION" ] && [ -x "$KC_HOME/bin/kc.sh" ]; }

fetch_tools() {
  local goals=""
  if ! kafka_fetched; then
    rm -rf "$KAFKA_LIB" "$KAFKA_DIR"/.fetched-*
    goals="$goals dependency:copy-dependencies@kafka-lib"
  fi
  if ! kc_fetched; then
    rm -rf "$KC_HOME" "$KC_BASE/.markers" "$KC_BASE"/.fetched-* "$KC_BASE/.built"
    goals="$goals dependency:unpack@keycloak-dist"
  fi
  [ -z "$goals" ] && return 0
  [ -x "$MVNW" ] || die "Maven wrapper not found at $MVNW"
  say "fetching from Maven Central:${goals//dependency:/ } (first time only, ~200 MB)"
  mkdir -p "$LOCAL" "$KC_BASE"
  # shellcheck disable=SC2086
  if ! (cd "$ROOT" && "$MVNW" -B -q -f "$DEPLOY/tools/pom.xml" -Dlocal.dir="$LOCAL" $goals); then
    die "fetching Kafka/Keycloak with $DEPLOY/tools/pom.xml failed"
  fi
  compgen -G "$KAFKA_LIB/kafka_2.13-$KAFKA_VERSION.jar" >/dev/null || die "Kafka jars missing in $KAFKA_LIB after fetch"
  [ -f "$KC_HOME/bin/kc.sh" ] || die "Keycloak missing in $KC_HOME after fetch"
  chmod +x "$KC_HOME"/bin/*.sh
  touch "$KAFKA_DIR/.fetched-$KAFKA_VERSION" "$KC_BASE/.fetched-$KC_VERSION"
}
