package org.mlaexchange.platform.projection;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.events.HashChain;
import org.mlaexchange.platform.problem.ProblemMappers;
import org.mlaexchange.platform.tracing.EventTraces;

/**
 * The consumers' policy for a record they cannot apply (docs/decisions.md, "Consumers: quarantine, never
 * halt"): it is checked (a CloudEvent, from the expected source, its hash recomputed from its canonical
 * form) and applied; one that fails either goes to {@code <topic>.quarantine} with the reason and its
 * original position in headers, counts in {@code mla_consumer_quarantined_total} and shows in the
 * readiness data, and the consumer goes on with the next record. A gap in a case's events (a caseseq
 * arriving before the one it follows) is quarantined the same way: that case stays at its last good
 * state and its later events follow it into quarantine (the case pauses, the other cases go on) until
 * an operator replays them. A failure of the consumer's own database is not the record's fault: the record is
 * applied again, with growing waits, until the database answers.
 */
@ApplicationScoped
public class Quarantine {

    private static final Logger LOG = Logger.getLogger(Quarantine.class);

    private final String bootstrapServers;
    private final MeterRegistry meters;
    private final EventTraces traces;
    private final AtomicLong quarantined = new AtomicLong();
    private volatile String lastReason;
    private volatile KafkaProducer<String, String> producer;

    public Quarantine(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, MeterRegistry meters,
                      EventTraces traces) {
        this.bootstrapServers = bootstrapServers;
        this.meters = meters;
        this.traces = traces;
    }

    /**
     * Applies the record's event, or quarantines the record when it is not a valid event of {@code source} or cannot
     * be applied; in a CONSUMER span continuing the trace of the write that appended the event (its traceparent header).
     */
    public void guard(ConsumerRecord<String, String> record, String source, Consumer<CloudEvent> apply) {
        guardAll(List.of(record), source, apply);
    }

    /**
     * As {@link #guard} for the records of one poll, in order, applied in one transaction so that under load many events
     * share one commit (issue 10). When one of them cannot be applied, that transaction is rolled back and each record
     * is applied alone, as {@link #guard} does: the others keep their effect, that one alone is quarantined. A copy is
     * sent to quarantine only once the attempt it belongs to has committed, so it is never sent twice nor lost. Each
     * record keeps its own CONSUMER span, ended once its effect is committed.
     */
    public void guardAll(List<ConsumerRecord<String, String>> records, String source, Consumer<CloudEvent> apply) {
        List<Checked> batch = records.stream().map(record -> Checked.of(record, source, traces.startProcess(record))).toList();
        RuntimeException failure = null;
        try {
            if (batch.size() > 1 && untilDatabaseReachable(records.get(0), () -> appliedTogether(batch, apply))) {
                for (Checked each : batch) {
                    if (each.invalid() != null) {
                        try (Scope ignored = each.span().makeCurrent()) {
                            quarantine(each.record(), each.invalid());
                        }
                    }
                }
            } else {
                for (Checked each : batch) {
                    untilDatabaseReachable(each.record(), () -> applyAlone(each, apply));
                }
            }
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            for (Checked each : batch) {
                EventTraces.end(each.span(), failure);
            }
        }
    }

    /** A record, its span and the outcome of its check: its event, or why it is not a valid one. */
    private record Checked(ConsumerRecord<String, String> record, Span span, CloudEvent event, String invalid) {

        static Checked of(ConsumerRecord<String, String> record, String source, Span span) {
            try {
                return new Checked(record, span, checked(record.value(), source), null);
            } catch (IllegalArgumentException invalid) {
                return new Checked(record, span, null, "invalid: " + invalid.getMessage());
            }
        }
    }

    /**
     * Applies the valid events of the batch in one transaction; false, with nothing changed, when one of them cannot be
     * applied (the caller then applies each alone, which quarantines that one).
     */
    private static boolean appliedTogether(List<Checked> batch, Consumer<CloudEvent> apply) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (Checked each : batch) {
                    if (each.event() != null) {
                        try (Scope ignored = each.span().makeCurrent()) {
                            apply.accept(each.event());
                        }
                    }
                }
            });
            return true;
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException unappliable) {
            if (ProblemMappers.databaseUnreachable(unappliable)) {
                throw unappliable;
            }
            LOG.debugf("a batch of %d records was rolled back (%s); each is applied alone", batch.size(), unappliable.toString());
            return false;
        }
    }

    /** Waits between attempts while the consumer's own database is out of reach: doubling, up to the longest. */
    static final long FIRST_WAIT_MS = 200;
    static final long LONGEST_WAIT_MS = 5000;

    /**
     * Runs the step again, with growing waits, while the consumer's own database is out of reach: the record is not
     * at fault, and the later records of its partition wait behind it (the projection applies a case's events in
     * order). Thrown instead, the failure would stop the channel for good (SmallRye's fail-stop, liveness DOWN) and
     * the projection would fall behind until the service restarted. Any other failure is thrown as before.
     */
    static void untilDatabaseReachable(ConsumerRecord<?, ?> record, Runnable step) {
        untilDatabaseReachable(record, () -> {
            step.run();
            return null;
        });
    }

    /** As {@link #untilDatabaseReachable(ConsumerRecord, Runnable)}, giving the step's result. */
    static <T> T untilDatabaseReachable(ConsumerRecord<?, ?> record, Supplier<T> step) {
        long wait = FIRST_WAIT_MS;
        for (int attempt = 1; ; attempt++) {
            try {
                T result = step.get();
                if (attempt > 1) {
                    LOG.infof("database reachable again: %s@%d:%d applied at attempt %d", record.topic(), record.partition(),
                            record.offset(), attempt);
                }
                return result;
            } catch (RuntimeException e) {
                if (!ProblemMappers.databaseUnreachable(e)) {
                    throw e;
                }
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf("database out of reach while applying %s@%d:%d (attempt %d, next in %d ms): %s", record.topic(),
                            record.partition(), record.offset(), attempt, wait, e.toString());
                }
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) { // shutting down: the record comes again after the restart
                    Thread.currentThread().interrupt();
                    throw e;
                }
                wait = Math.min(wait * 2, LONGEST_WAIT_MS);
            }
        }
    }

    private void applyAlone(Checked checked, Consumer<CloudEvent> apply) {
        try (Scope ignored = checked.span().makeCurrent()) {
            if (checked.invalid() != null) {
                quarantine(checked.record(), checked.invalid());
                return;
            }
            try {
                apply.accept(checked.event());
            } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException unappliable) {
                if (ProblemMappers.databaseUnreachable(unappliable)) {
                    throw unappliable; // the database's fault, not the record's (some pools say so with an IllegalStateException)
                }
                quarantine(checked.record(), "not applicable: " + unappliable.getMessage());
            }
        }
    }

    static CloudEvent checked(String value, String source) {
        if (value == null) {
            throw new IllegalArgumentException("empty record");
        }
        CloudEvent event = EventJson.parse(value);
        if (!source.equals(event.source())) {
            throw new IllegalArgumentException("source " + event.source() + " is not " + source);
        }
        if (event.id() == null || event.type() == null || event.subject() == null || event.hash() == null) {
            throw new IllegalArgumentException("id, type, subject and hash are required");
        }
        String recomputed = HashChain.hashOf(event);
        if (!recomputed.equals(event.hash())) {
            throw new IllegalArgumentException("hash " + event.hash() + " does not match its content (" + recomputed + ")");
        }
        return event;
    }

    private void quarantine(ConsumerRecord<String, String> record, String reason) {
        String topic = record.topic() + ".quarantine";
        ProducerRecord<String, String> copy = new ProducerRecord<>(topic, record.key(), record.value());
        header(copy, "mla-quarantine-reason", reason);
        header(copy, "mla-original-topic", record.topic());
        header(copy, "mla-original-partition", String.valueOf(record.partition()));
        header(copy, "mla-original-offset", String.valueOf(record.offset()));
        header(copy, "mla-quarantined-at", Instant.now().toString());
        try {
            // durable before the offset moves on: a record is never dropped, only set aside
            producer().send(copy).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while quarantining a record", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not quarantine a record of " + record.topic() + " to " + topic, e);
        }
        quarantined.incrementAndGet();
        Span.current().setAttribute("mla.quarantined", reason);
        lastReason = record.topic() + "@" + record.partition() + ":" + record.offset() + ": " + reason;
        meters.counter("mla.consumer.quarantined", "topic", record.topic()).increment();
        LOG.warnf("quarantined %s (to %s)", lastReason, topic);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
                }
                current = producer;
            }
        }
        return current;
    }

    /** Records set aside since start-up. */
    public long quarantined() {
        return quarantined.get();
    }

    /** Where and why the last one was. */
    public String lastReason() {
        return lastReason;
    }

    /** A warning for the operator in the readiness data, never a reason to stop serving. */
    @Readiness
    @ApplicationScoped
    static class Health implements HealthCheck {

        private final Quarantine quarantine;

        Health(Quarantine quarantine) {
            this.quarantine = quarantine;
        }

        @Override
        public HealthCheckResponse call() {
            long count = quarantine.quarantined();
            var response = HealthCheckResponse.named("consumer quarantine").up().withData("quarantined", count);
            return (count > 0 ? response.withData("warning", "records set aside; last: " + quarantine.lastReason()) : response)
                    .build();
        }
    }

    @PreDestroy
    void close() {
        KafkaProducer<String, String> current = producer;
        if (current != null) {
            current.close(java.time.Duration.ofSeconds(5));
        }
    }
}
