# shellcheck shell=bash
# deploy/local/stack: the operator's commands on sealed personal data, sent to each running service's
# management interface (platform OperatorRoutes; never the public port). Sourced by deploy/local/stack.
OPERATOR_SERVICES="request-service:$REQUEST_MANAGEMENT_PORT evidence-service:$EVIDENCE_MANAGEMENT_PORT extradition-service:$EXTRADITION_MANAGEMENT_PORT"

operator_call() { # operator_call <method> <path>: each service's JSON report, one per line; fails if one fails
  local method="$1" path="$2" s name port out rc=0
  need_cmd curl curl
  for s in $OPERATOR_SERVICES; do
    name="${s%%:*}"; port="${s##*:}"
    if out="$(curl -fsS --max-time 600 -X "$method" "http://127.0.0.1:$port$path" 2>&1)"; then
      echo "$name: $out"
    else
      echo "$name: FAILED ($out)" >&2; rc=1
    fi
  done
  return "$rc"
}

cmd_retention() {
  case "${1:-}" in
    --dry-run) operator_call GET /mla/retention ;;
    "") operator_call POST /mla/retention ;;
    *) usage >&2; exit 2 ;;
  esac
}

cmd_rewrap_keys() { operator_call POST /mla/seal/rewrap; }
