# shellcheck shell=bash
# deploy/local/stack: Tokens. Sourced by deploy/local/stack, which sets the configuration.
json_field() { # json_field <name> : a top-level string field from a one-line JSON object on stdin
  sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\([^\"]*\)\".*/\1/p" | head -n1
}

cmd_token() {
  local realm="${1:-}" who="${2:-}" resp token err
  [ -n "$realm" ] || { usage >&2; exit 2; }
  [[ " $KC_REALMS " == *" $realm "* ]] || die "unknown realm '$realm' (one of: $KC_REALMS)"
  need_cmd curl curl
  if [ -z "$who" ]; then
    if [ "$realm" = oversight ]; then who=auditor; else who=officer; fi
  fi
  local endpoint="$KC_URL/realms/$realm/protocol/openid-connect/token"
  case "$who" in
    client | client:*)
      local cid="${who#client:}"
      if [ "$who" = client ]; then
        if [ "$realm" = oversight ]; then cid=audit-cli; else cid=central-authority; fi
      fi
      resp="$(curl -sS --max-time 10 "$endpoint" -d grant_type=client_credentials \
        --data-urlencode "client_id=$cid" -d client_secret=dev-secret)" \
        || die "Keycloak not reachable at $KC_URL (is the infra running? deploy/local/stack infra start)"
      ;;
    *)
      resp="$(curl -sS --max-time 10 "$endpoint" -d grant_type=password -d client_id=mla-console \
        --data-urlencode "username=$who" --data-urlencode "password=$who" -d scope=openid)" \
        || die "Keycloak not reachable at $KC_URL (is the infra running? deploy/local/stack infra start)"
      ;;
  esac
  token="$(json_field access_token <<<"$resp")"
  if [ -z "$token" ]; then
    err="$(json_field error_description <<<"$resp")"
    [ -n "$err" ] || err="$(json_field error <<<"$resp")"
    die "no token from realm $realm for $who: ${err:-$resp}"
  fi
  printf '%s\n' "$token"
}
