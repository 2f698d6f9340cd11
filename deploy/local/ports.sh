# shellcheck shell=bash
# The local stack's ports, defined once: sourced by deploy/local/stack, bench, faults and client.sh. The
# services' own defaults (platform's META-INF/microprofile-config.properties, each application.properties,
# kafka/server.properties written by the stack) name the same ports.
# shellcheck disable=SC2034 # used by the scripts that source this file
{
  PG_PORT=5442                 # this checkout's own PostgreSQL cluster (the machine's, if any, keeps 5432)
  KAFKA_PORT=9092              # broker
  KAFKA_CONTROLLER_PORT=9093   # KRaft controller
  KC_PORT=8180                 # Keycloak
  KC_MANAGEMENT_PORT=9000      # Keycloak health
  REQUEST_PORT=8081
  EVIDENCE_PORT=8082
  EXTRADITION_PORT=8083
  CONSOLE_PORT=8080
  # each service's management interface: the operator's commands (retention, rewrap-keys) and /q/metrics
  REQUEST_MANAGEMENT_PORT=9181
  EVIDENCE_MANAGEMENT_PORT=9182
  EXTRADITION_MANAGEMENT_PORT=9183
}
