# shellcheck shell=bash
# shellcheck disable=SC2034 # the STARTED_* flags are read by infra.sh and test.sh
# deploy/local/stack: Kafka. Sourced by deploy/local/stack, which sets the configuration.
kafka_pid() { running_pid kafka "$KAFKA_PROPS" "$KAFKA_PORTS"; }

kafka_java() { "$JAVA" -Xmx256m -cp "$KAFKA_LIB/*" "$@"; }

kafka_prepare() {
  mkdir -p "$KAFKA_DATA" "$LOGS"
  sed -e "s#@LOG_DIRS@#$KAFKA_DATA#" -e "s#@KAFKA_PORT@#$KAFKA_PORT#g" -e "s#@KAFKA_CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" \
    "$DEPLOY/kafka/server.properties" >"$KAFKA_PROPS"
  if [ ! -f "$KAFKA_DATA/meta.properties" ]; then
    local id
    if [ -s "$KAFKA_DIR/cluster-id" ]; then
      id="$(cat "$KAFKA_DIR/cluster-id")"
    else
      id="$(kafka_java kafka.tools.StorageTool random-uuid 2>>"$LOGS/kafka.log" | tail -n1)"
      [ -n "$id" ] || die "kafka: could not generate a cluster id (see $LOGS/kafka.log)"
      echo "$id" >"$KAFKA_DIR/cluster-id"
    fi
    say "kafka: formatting storage (cluster id $id)"
    kafka_java kafka.tools.StorageTool format -t "$id" -c "$KAFKA_PROPS" --standalone >>"$LOGS/kafka.log" 2>&1 \
      || { log_tail "$LOGS/kafka.log"; die "kafka: storage format failed"; }
  fi
}

kafka_launch() { # sets STARTED_KAFKA=1 / KAFKA_LAUNCHED=1
  KAFKA_LAUNCHED=0
  if [ -n "$(kafka_pid)" ]; then
    say "kafka: already running (pid $(kafka_pid)) on $KAFKA_BOOTSTRAP"
    return 0
  fi
  # shellcheck disable=SC2086
  ensure_ports_free kafka $KAFKA_PORTS
  kafka_prepare
  say "kafka: starting $KAFKA_VERSION on $KAFKA_BOOTSTRAP (controller 127.0.0.1:$KAFKA_CONTROLLER_PORT)"
  KAFKA_T0=$SECONDS
  launch kafka "$LOGS/kafka.log" "$JAVA" -Xms256m -Xmx768m -XX:+UseG1GC -Djava.awt.headless=true \
    -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_PROPS"
  KAFKA_LAUNCHED=1
  STARTED_KAFKA=1
}

kafka_topics() { # prints the topic list, fails if the broker does not answer
  timeout 30 "$JAVA" -Xmx256m -cp "$KAFKA_LIB/*" org.apache.kafka.tools.TopicCommand \
    --bootstrap-server "$KAFKA_BOOTSTRAP" --list 2>>"$LOGS/kafka-tools.log"
}

kafka_wait_and_topics() {
  local deadline=$((SECONDS + KAFKA_START_TIMEOUT)) pid list t
  if [ "${KAFKA_LAUNCHED:-0}" = 1 ]; then
    while ! tcp_open "$KAFKA_PORT"; do
      pid="$(kafka_pid)"
      [ -n "$pid" ] || { log_tail "$LOGS/kafka.log"; die "kafka exited during start-up (see $LOGS/kafka.log)"; }
      if [ $SECONDS -ge $deadline ]; then
        log_tail "$LOGS/kafka.log"; stop_pid kafka "$pid"; die "kafka: port $KAFKA_PORT not open after $KAFKA_START_TIMEOUT s"
      fi
      sleep 0.3
    done
  fi
  until list="$(kafka_topics)"; do
    if [ $SECONDS -ge $deadline ]; then
      log_tail "$LOGS/kafka.log"
      [ "${KAFKA_LAUNCHED:-0}" = 1 ] && stop_pid kafka "$(kafka_pid)"
      die "kafka: no answer to a metadata call on $KAFKA_BOOTSTRAP after $KAFKA_START_TIMEOUT s"
    fi
    sleep 1
  done
  [ "${KAFKA_LAUNCHED:-0}" = 1 ] && say "kafka: ready in $((SECONDS - KAFKA_T0)) s"
  for t in $KAFKA_TOPICS; do
    if ! grep -qx "$t" <<<"$list"; then
      say "kafka: creating topic $t (3 partitions, retention.ms=-1)"
      timeout 30 "$JAVA" -Xmx256m -cp "$KAFKA_LIB/*" org.apache.kafka.tools.TopicCommand \
        --bootstrap-server "$KAFKA_BOOTSTRAP" --create --if-not-exists --topic "$t" \
        --partitions 3 --replication-factor 1 --config retention.ms=-1 >>"$LOGS/kafka-tools.log" 2>&1 \
        || die "kafka: could not create topic $t (see $LOGS/kafka-tools.log)"
    fi
  done
  say "kafka: ready on $KAFKA_BOOTSTRAP (topics: $KAFKA_TOPICS)"
}

kafka_stop() {
  local pid
  pid="$(kafka_pid)"
  if [ -n "$pid" ]; then
    say "kafka: stopping (pid $pid)"
    stop_pid kafka "$pid"
    say "kafka: stopped"
  else
    say "kafka: not running"
  fi
}

kafka_status() {
  local pid
  pid="$(kafka_pid)"
  if [ -z "$pid" ]; then st kafka "stopped"
  elif tcp_open "$KAFKA_PORT"; then st kafka "running   $KAFKA_BOOTSTRAP (pid $pid)"
  else st kafka "starting  (pid $pid, port $KAFKA_PORT not open yet)"; fi
}
