package org.mlaexchange.platform.eventlog;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.platform.PlatformConfig;
import org.mlaexchange.platform.tracing.EventTraces;
import org.postgresql.PGConnection;

/**
 * Publishes the event log to Kafka in log order, exactly once, keyed by case id. Only the instance
 * holding a PostgreSQL advisory lock publishes; others stand by. A NOTIFY sent by each committing
 * transaction wakes it, so publication does not wait for a poll. Each time it becomes active it first
 * looks at the topic's tail for events published after its stored position (see {@link #alreadyOnTopic}).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final AgroalDataSource dataSource;
    private final Map<String, Object> kafkaConfig;
    private final PlatformConfig.Events config;
    private final String lockName;
    private final Timer publicationLag;
    private final EventTraces traces;
    private volatile boolean running;
    private volatile boolean active;
    private volatile long publishedLogseq = -1;
    private Thread thread;
    /** The relay thread's wait before its next attempt; back to the shortest once it has caught up with the topic. */
    private Duration backoff = Duration.ofMillis(200);

    public OutboxRelay(AgroalDataSource dataSource, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                       PlatformConfig config, MeterRegistry registry, EventTraces traces) {
        this.dataSource = dataSource;
        this.traces = traces;
        this.kafkaConfig = kafkaConfig;
        this.config = config.events();
        this.lockName = "mla-relay:" + config.service();
        this.publicationLag = Timer.builder("mla.relay.publication.lag")
                .description("From an event's time (in its transaction) to its acknowledgement by Kafka")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
    }

    void onStart(@Observes StartupEvent start) {
        if (!config.relay().enabled()) {
            LOG.info("event relay disabled (mla.events.relay.enabled=false)");
            return;
        }
        running = true;
        thread = new Thread(this::run, "event-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent stop) throws InterruptedException {
        running = false;
        if (thread != null) {
            // let the loop finish its batch and close the producer; interrupt only if it hangs
            thread.join(config.relay().pollInterval().toMillis() + 5_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(5_000);
            }
        }
    }

    /** True while this instance is the one publishing. */
    public boolean active() {
        return active;
    }

    public long publishedLogseq() {
        return publishedLogseq;
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection();
                 KafkaProducer<String, String> producer = producer()) {
                try {
                    lead(connection, producer);
                } catch (Exception e) {
                    release(connection);
                    throw e;
                }
            } catch (Exception e) {
                active = false;
                if (!running) {
                    return;
                }
                LOG.warnf("event relay interrupted (%s); retrying in %d ms", e.toString(), backoff.toMillis());
                // the other idle connections may be broken too (PostgreSQL restarted): checked before a writer takes one
                dataSource.flush(AgroalDataSource.FlushMode.INVALID);
                sleep(backoff);
                // at most 5 s, as the consumers wait for their database: accepted writes wait in the outbox meanwhile
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : backoff.multipliedBy(2);
            }
        }
        active = false;
    }

    /** Waits for the advisory lock on {@code connection}, then publishes until stopped or until something fails. */
    private void lead(Connection connection, KafkaProducer<String, String> producer) throws Exception {
        connection.setAutoCommit(true);
        waitForLeadership(connection);
        if (!running) {
            return;
        }
        LOG.infof("event relay active: publishing %s", config.topic());
        try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN " + EventLog.CHANNEL);
        }
        long position = readPosition(connection);
        Set<Long> onTopic = alreadyOnTopic(connection, position);
        publishedLogseq = position;
        backoff = Duration.ofMillis(200);
        PGConnection notifications = connection.unwrap(PGConnection.class);
        while (running) {
            int published = publishBatch(connection, producer, position, onTopic);
            onTopic = Set.of(); // only the first batch after the stored position can have been published
            position += published;
            publishedLogseq = position;
            if (published < config.relay().batchSize()) {
                // blocks until a committing writer NOTIFYs, or the poll interval passes
                notifications.getNotifications((int) config.relay().pollInterval().toMillis());
            }
        }
    }

    /**
     * Leaves nothing of the relay on a connection that goes back to the pool after a failure. A healthy one (Kafka
     * failed) gives up the advisory lock and the LISTEN, both held by the session: a writer could take it next and keep
     * the relay out. One PostgreSQL ended (57P01: a restart, {@code pg_terminate_backend}) must not be taken at all, and
     * 57P01 is not an error the pool's exception sorter drops a connection for; once it has been read, a statement on
     * the closed socket fails with a connection error (class 08), which it does drop.
     */
    static void release(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            if (connection.isValid(2)) {
                statement.execute("SELECT pg_advisory_unlock_all()");
                statement.execute("UNLISTEN *");
            } else {
                statement.execute("SELECT 1");
            }
        } catch (SQLException broken) {
            LOG.debugf("event relay: its connection is broken (%s); the pool drops it", broken.getSQLState());
        }
    }

    private void waitForLeadership(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
            lock.setString(1, lockName);
            while (running) {
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        active = true;
                        return;
                    }
                }
                sleep(config.relay().standbyRetry());
            }
        }
    }

    private long readPosition(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
             ResultSet rs = query.executeQuery("SELECT logseq FROM event_relay_position WHERE id = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Records of other writers that may follow the relay's last batch on a partition and still let it be found. */
    static final int TAIL_SLACK = 1000;

    /**
     * The events after {@code position} that are on the topic already. A run of the relay that ended between Kafka's
     * acknowledgement of its last batch and the UPDATE of its position (the database, the process or the connection
     * gone) left that batch published but not marked; publishing it again would put each of its events on the topic
     * twice. Only that one batch can be in this state (the position is stored after every batch), and a partition
     * keeps the relay's order, so its records are among the last {@code batchSize} of their partition; a record counts
     * only when it is, byte for byte, the stored event (a record someone else wrote proves nothing).
     */
    private Set<Long> alreadyOnTopic(Connection connection, long position) throws SQLException {
        Map<String, Long> unmarked = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT logseq, envelope FROM event_log WHERE logseq > ? ORDER BY logseq LIMIT ?")) {
            query.setLong(1, position);
            query.setInt(2, config.relay().batchSize());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    unmarked.put(rs.getString(2), rs.getLong(1));
                }
            }
        }
        if (unmarked.isEmpty()) {
            return Set.of();
        }
        Set<Long> found = new HashSet<>();
        Duration timeout = Duration.ofSeconds(30);
        try (KafkaConsumer<String, String> consumer = tailReader()) {
            List<TopicPartition> partitions = consumer.partitionsFor(config.topic(), timeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, timeout);
            partitions.forEach(p -> consumer.seek(p, Math.max(beginning.get(p), end.get(p) - config.relay().batchSize() - TAIL_SLACK)));
            Set<TopicPartition> reading = new HashSet<>(partitions);
            Instant deadline = Instant.now().plus(timeout);
            while (true) {
                reading.removeIf(p -> consumer.position(p) >= end.get(p));
                if (reading.isEmpty()) {
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read the tail of " + config.topic() + " within " + timeout);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Long logseq = record.value() == null ? null : unmarked.get(record.value());
                    if (logseq != null) {
                        found.add(logseq);
                    }
                }
            }
        }
        if (!found.isEmpty()) {
            LOG.infof("event relay: %d of the %d events after logseq %d were on %s already (published before the position"
                    + " was stored); they are not published again", found.size(), unmarked.size(), position, config.topic());
        }
        return found;
    }

    private KafkaConsumer<String, String> tailReader() {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "relay-tail-" + lockName.substring("mla-relay:".length()));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    /** Publishes the next batch after {@code after}, leaving out the events in {@code onTopic}; returns how many it passed. */
    private int publishBatch(Connection connection, KafkaProducer<String, String> producer, long after, Set<Long> onTopic)
            throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        long last = after;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT logseq, case_id, envelope, occurred_at, traceparent, tracestate FROM event_log"
                        + " WHERE logseq > ? ORDER BY logseq LIMIT ?")) {
            query.setLong(1, after);
            query.setInt(2, config.relay().batchSize());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    long logseq = rs.getLong(1);
                    if (logseq != last + 1) {
                        throw new IllegalStateException("event log gap after logseq " + last + ": found " + logseq);
                    }
                    last = logseq;
                    if (onTopic.contains(logseq)) {
                        continue;
                    }
                    // the write's trace goes on: this span is the record's parent for whoever consumes it
                    Span span = traces.startPublish(config.topic(), rs.getString(2), logseq,
                            new EventTraces.Stored(rs.getString(5), rs.getString(6)));
                    spans.add(span);
                    ProducerRecord<String, String> record = recordOf(config.topic(), rs.getString(2), rs.getString(3));
                    EventTraces.inject(span, record.headers());
                    sent.add(producer.send(record));
                    times.add(rs.getTimestamp(4).toInstant());
                }
            }
        } catch (Exception e) {
            spans.forEach(span -> EventTraces.end(span, e));
            throw e;
        }
        if (last == after) {
            return 0;
        }
        producer.flush();
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                spans.subList(i, spans.size()).forEach(span -> EventTraces.end(span, e));
                throw e;
            }
            // a producer span lasts until the broker acknowledged its record (acks=all)
            spans.get(i).end();
            publicationLag.record(Duration.between(times.get(i), Instant.now()));
        }
        try (PreparedStatement mark = connection.prepareStatement(
                "UPDATE event_relay_position SET logseq = ?, published_at = ? WHERE id = 1")) {
            mark.setLong(1, last);
            mark.setTimestamp(2, Timestamp.from(Instant.now()));
            mark.executeUpdate();
        }
        return (int) (last - after);
    }

    /** A published event as it goes on Kafka: key = case id, value = the sealed CloudEvent, structured mode. */
    public static ProducerRecord<String, String> recordOf(String topic, String caseId, String cloudEventJson) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, caseId, cloudEventJson);
        record.headers().add("content-type", CloudEvent.MEDIA_TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private KafkaProducer<String, String> producer() {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "relay-" + lockName.substring("mla-relay:".length()));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
