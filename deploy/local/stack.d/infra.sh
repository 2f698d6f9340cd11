# shellcheck shell=bash
# shellcheck disable=SC2034 # the STARTED_* flags are read by infra.sh and test.sh
# deploy/local/stack: Infra as a whole. Sourced by deploy/local/stack, which sets the configuration.
STARTED_PG=0
STARTED_KAFKA=0
STARTED_KC=0

infra_start() {
  check_java
  need_cmd curl curl
  need_cmd ss iproute2
  mkdir -p "$LOGS" "$RUN"
  local t0=$SECONDS
  pg_start
  if [ -z "$(kafka_pid)" ] || [ -z "$(kc_pid)" ]; then
    fetch_tools
  fi
  # Kafka and Keycloak start in parallel: checks and one-time preparation first, then launch
  # both, then wait for each.
  kc_prepare_start
  kafka_launch
  kc_launch
  kafka_wait_and_topics
  kc_wait
  say "infra: ready ($((SECONDS - t0)) s)"
}

infra_stop() {
  kc_stop
  kafka_stop
  pg_stop
}

infra_status() {
  pg_status
  kafka_status
  kc_status
}
