# shellcheck shell=bash
# Helpers for scripts that use MLA Exchange as a client would: Keycloak's token endpoint and the REST APIs.
# Sourced by deploy/local/demo and deploy/local/system-test.
# shellcheck source=deploy/local/ports.sh
source "$(dirname "${BASH_SOURCE[0]}")/ports.sh"
KC=${KC:-http://127.0.0.1:$KC_PORT}
REQ=${REQ:-http://127.0.0.1:$REQUEST_PORT}
EVI=${EVI:-http://127.0.0.1:$EVIDENCE_PORT}
EXT=${EXT:-http://127.0.0.1:$EXTRADITION_PORT}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

command -v jq >/dev/null || { apt-get update -qq && apt-get install -y -qq jq >/dev/null; }

step() { printf '\n\033[1m%s\033[0m\n' "$*"; }
say() { printf '   %s\n' "$*"; }
fail() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }

# token REALM USER: a password grant through the public console client
token() {
  curl -sf -d grant_type=password -d client_id=mla-console -d "username=$2" -d "password=$2" \
    "$KC/realms/$1/protocol/openid-connect/token" | jq -r .access_token
}

# call METHOD URL TOKEN [JSON] [extra curl args...]: prints the body; fails unless 2xx. A GET answered 503 with
# Retry-After (statistics still folding a long history, a service starting) is asked again after that many
# seconds, for up to CALL_RETRY_FOR seconds (default 300), as a client should; a write is never repeated
# blindly (a 503 outcome-unknown says to look first).
call() {
  local method=$1 url=$2 tok=$3 body=${4:-} status wait waited=0
  shift 4 2>/dev/null || shift $#
  local args=(-s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $tok" "$@")
  if [ -n "$body" ]; then args+=(-H 'Content-Type: application/json' --data "$body"); fi
  while :; do
    status=$(curl "${args[@]}" "$url")
    wait=$(tr -d '\r' <"$WORK/headers" | awk -F': *' 'tolower($1)=="retry-after"{print $2}')
    if ! [[ $status == 503 && $method == GET && $wait =~ ^[0-9]+$ ]] || ((waited >= ${CALL_RETRY_FOR:-300})); then break; fi
    wait=$((wait > 0 ? wait : 1))
    say "($method $url: 503, $(jq -r '.detail // empty' "$WORK/body" 2>/dev/null); asking again in $wait s)" >&2
    sleep "$wait"
    waited=$((waited + wait))
  done
  [[ $status == 2* ]] || fail "$method $url answered $status: $(cat "$WORK/body")"
  cat "$WORK/body"
}

# act SERVICE_URL PATH TOKEN JSON: a transition at the case's current version (If-Match)
act() {
  call POST "$1/$2" "$3" "$4" -H "If-Match: $(etag "$1/${2%/*}" "$3")"
}

# etag CASE_URL TOKEN: the case's current version, as a client reads it before acting
etag() {
  curl -sfI -H "Authorization: Bearer $2" "$1" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}'
}



BODIES="$(dirname "${BASH_SOURCE[0]}")/bodies"

# body NAME [PLACEHOLDER=VALUE...]: the JSON body deploy/local/bodies/NAME.json with @TODAY@ and @TOMORROW@
# (UTC) and the given @PLACEHOLDER@s filled in; request-service's DemoBodiesTest posts the same files
body() {
  local json kv
  json=$(sed -e "s/@TODAY@/$(date -u +%F)/g" -e "s/@TOMORROW@/$(date -u -d tomorrow +%F)/g" "$BODIES/$1.json")
  shift
  for kv in "$@"; do json=${json//@${kv%%=*}@/${kv#*=}}; done
  jq -c . <<<"$json"
}

# request_body REQUESTED_STATE: an MLA request with two typed measures (a witness heard by video conference,
# bank records)
request_body() {
  body request STATE="$1"
}

# open_transfer TOKEN REQUEST_ID: opens an evidence transfer once the evidence service has learnt (from
# Kafka) that the request is in execution; prints the transfer id
open_transfer() {
  local transfer=""
  for _ in $(seq 1 120); do
    transfer=$(curl -s -X POST -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
      --data "{\"requestId\": \"$2\", \"note\": \"Results of request $2\"}" "$EVI/api/transfers" | jq -r '.case.id // empty')
    [ -n "$transfer" ] && { echo "$transfer"; return 0; }
    sleep 0.5
  done
  fail "the evidence service did not learn of request $2 within 60 s"
}
