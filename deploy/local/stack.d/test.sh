# shellcheck shell=bash
# deploy/local/stack: stack test. Sourced by deploy/local/stack, which sets the configuration.
TEST_CLEANED=0
test_cleanup() {
  [ "$TEST_CLEANED" = 1 ] && return 0
  TEST_CLEANED=1
  set +e
  if [ "$STARTED_KC$STARTED_KAFKA$STARTED_PG" != 000 ]; then
    say "test: stopping the infra this command started"
  fi
  [ "$STARTED_KC" = 1 ] && kc_stop
  [ "$STARTED_KAFKA" = 1 ] && kafka_stop
  [ "$STARTED_PG" = 1 ] && pg_stop
  return 0
}

# the local stack's scripts are shellcheck-clean (Debian's shellcheck)
scripts_check() {
  need_cmd shellcheck shellcheck
  say "test: shellcheck deploy/local"
  (cd "$ROOT" && shellcheck -x deploy/local/stack deploy/local/bench deploy/local/faults deploy/local/system-test \
    deploy/local/tamper-test deploy/local/mla-audit deploy/local/*.sh deploy/local/stack.d/*.sh deploy/local/bench.d/*.sh)
}

cmd_test() {
  local already=""
  pg_running && already="$already postgresql"
  [ -n "$(kafka_pid)" ] && already="$already kafka"
  [ -n "$(kc_pid)" ] && already="$already keycloak"
  say "test: already running:${already:- nothing} (left running afterwards)"
  trap 'test_cleanup' EXIT
  trap 'exit 130' INT TERM
  if [ $# = 0 ]; then scripts_check || exit 1; fi
  infra_start
  say "test: ./mvnw -B verify $*"
  local rc=0
  (cd "$ROOT" && "$MVNW" -B verify "$@") || rc=$?
  if [ "$rc" = 0 ]; then say "test: maven succeeded"; else say "test: maven failed (exit $rc)"; fi
  # the whole suite (no Maven arguments): the API contracts the build wrote and the alert rules, then the
  # system test on the jars verify just built
  if [ "$rc" = 0 ] && [ $# = 0 ]; then
    api_lint || rc=$?
    alert_rules_check || rc=$?
  fi
  if [ "$rc" = 0 ] && [ $# = 0 ] && [ "${SYSTEM_TEST:-yes}" = yes ]; then
    system_test || rc=$?
  fi
  test_cleanup
  exit "$rc"
}

# Starts the services that are not running, runs deploy/local/system-test, stops the ones it started.
system_test() {
  local s started="" rc=0
  for s in $SERVICES; do
    if [ -z "$(svc_pid "${s%%:*}" "${s##*:}")" ]; then started="$started $s"; fi
  done
  for s in $started; do svc_start "${s%%:*}" "${s##*:}"; done
  say "test: system test (deploy/local/system-test)"
  "$DEPLOY/system-test" || rc=$?
  if [ "$rc" = 0 ]; then browser_test || rc=$?; fi
  if [ "$rc" = 0 ]; then clients_test || rc=$?; fi
  if [ "$rc" = 0 ]; then faults_quick || rc=$?; fi
  for s in $started; do svc_stop_one "${s%%:*}" "${s##*:}"; done
  if [ "$rc" = 0 ]; then say "test: system test passed"; else say "test: system test failed (exit $rc)"; fi
  return "$rc"
}

# The quick fault scenarios of deploy/local/faults (the whole set: `stack faults`): PostgreSQL stopped
# during submissions, evidence-service killed while projecting, poison records on the request topic.
faults_quick() {
  say "test: quick fault scenarios (deploy/local/faults --only postgresql,consumer,poison)"
  "$DEPLOY/faults" --only postgresql,consumer,poison --out "$LOCAL/faults/quick.md" || { say "test: a fault scenario did not hold"; return 1; }
}

# The officers' scenario in Chromium against the running stack (console/src/test/.../browser, -Pbrowser):
# Debian's chromium and chromedriver, installed when missing; nothing is downloaded at run time.
browser_test() {
  need_cmd chromium chromium
  need_cmd chromedriver chromium-driver
  say "test: browser scenario (./mvnw -B -pl console -am test -Pbrowser -Dtest='*ScenarioTest'; screenshots in console/target/browser)"
  # -am: the console's test dependency on contracts comes from this checkout, not from a local repository a fresh
  # machine does not have; -Dtest keeps the modules it builds from running their own tests
  (cd "$ROOT" && "$MVNW" -B -q -pl console -am test -Pbrowser -Dbrowser.required=true -Dtest='*ScenarioTest' \
    -Dsurefire.failIfNoSpecifiedTests=false) || { say "test: browser scenario failed"; return 1; }
  say "test: browser scenario passed"
}

# The OpenAPI specs each service's build wrote (target/openapi, quarkus.smallrye-openapi.store-schema-directory),
# linted by Redocly's recommended rules: an error fails the test, warnings are printed. npx fetches the pinned
# version once into npm's cache.
REDOCLY_VERSION=2.11.1
api_lint() {
  need_cmd npx npm
  local s spec specs=""
  for s in request-service evidence-service extradition-service; do
    spec="$ROOT/$s/target/openapi/openapi.json"
    [ -f "$spec" ] || { say "test: $spec missing (the build writes it)"; return 1; }
    specs="$specs $spec"
  done
  say "test: npx @redocly/cli@$REDOCLY_VERSION lint (the three OpenAPI specs)"
  # shellcheck disable=SC2086
  (cd "$ROOT" && npx -y "@redocly/cli@$REDOCLY_VERSION" lint $specs) || { say "test: OpenAPI lint found errors"; return 1; }
}

# Prometheus alert rules (deploy/kubernetes/monitoring): syntax, and the unit tests that each alert fires when it should.
alert_rules_check() {
  need_cmd promtool prometheus
  local dir="$ROOT/deploy/kubernetes/monitoring"
  say "test: promtool check rules / test rules ($dir)"
  (cd "$dir" && promtool check rules mla-exchange.rules.yml && promtool test rules mla-exchange.rules.test.yml) \
    || { say "test: alert rules failed"; return 1; }
}

# The generated Java client of request-service against the running services (clients/, -Pstack).
clients_test() {
  say "test: generated clients (./mvnw -B -q -pl clients verify -Pstack)"
  (cd "$ROOT" && "$MVNW" -B -q -pl clients verify -Pstack) || { say "test: generated client test failed"; return 1; }
  say "test: generated client test passed"
}

# Benchmarks print figures next to baselines measured in the same run; they assert nothing about speed.
# `bench [options]`: deploy/local/bench, one table for the running stack; `bench maven [args]`: the Maven
# *Benchmark tests.
cmd_bench() {
  if [ "${1:-}" = maven ]; then
    shift
    cmd_test -Dtest="*Benchmark" -Dexcluded.groups=none -Dsurefire.failIfNoSpecifiedTests=false "$@"
  fi
  BENCH_CMD="deploy/local/stack bench" exec "$DEPLOY/bench" "$@"
}
