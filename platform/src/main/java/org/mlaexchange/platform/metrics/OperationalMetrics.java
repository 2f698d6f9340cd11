package org.mlaexchange.platform.metrics;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Business and pipeline gauges an operator alerts on (deploy/kubernetes/base/monitoring): cases by
 * status, overdue deadlines by kind and owing State, the relay's backlog and the age of its oldest
 * unpublished event, and the age of the newest signed checkpoint. They are read from the database every
 * {@code mla.metrics.refresh-every}, so a scrape never queries it; consumer lag is Kafka's own
 * {@code kafka_consumer_fetch_manager_records_lag}, quarantined records {@code mla_consumer_quarantined_total}.
 */
@ApplicationScoped
public class OperationalMetrics {

    private static final Logger LOG = Logger.getLogger(OperationalMetrics.class);

    private final AgroalDataSource dataSource;
    private final Instance<CaseStatistics> cases;
    private final Clock clock;
    private final MultiGauge byStatus;
    private final MultiGauge overdue;
    private final AtomicReference<Snapshot> last = new AtomicReference<>(new Snapshot(0, 0, 0, 0, 0));

    /** What the last refresh read; before the first checkpoint, its age is that of the oldest event (0 for an empty log). */
    record Snapshot(long relayBacklog, double relayBacklogAgeSeconds, double checkpointAgeSeconds, long unpublishedCheckpoints,
                    long unsignedEvents) {
    }

    public OperationalMetrics(AgroalDataSource dataSource, Instance<CaseStatistics> cases, Clock clock, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.cases = cases;
        this.clock = clock;
        this.byStatus = MultiGauge.builder("mla.cases").description("Cases of this service by status").register(registry);
        this.overdue = MultiGauge.builder("mla.deadlines.overdue")
                .description("Overdue deadlines by kind and by the State that owes the milestone").register(registry);
        Gauge.builder("mla.relay.backlog", last, s -> s.get().relayBacklog())
                .description("Events in the log not yet acknowledged by Kafka").register(registry);
        Gauge.builder("mla.relay.backlog.age", last, s -> s.get().relayBacklogAgeSeconds()).baseUnit("seconds")
                .description("Age of the oldest event not yet published (0 when the relay is caught up)").register(registry);
        Gauge.builder("mla.audit.checkpoint.age", last, s -> s.get().checkpointAgeSeconds()).baseUnit("seconds")
                .description("Age of the newest signed checkpoint of the log (before the first one: of the oldest event)").register(registry);
        Gauge.builder("mla.audit.checkpoints.unpublished", last, s -> s.get().unpublishedCheckpoints())
                .description("Signed checkpoints not yet acknowledged by Kafka (mla.audit.checkpoints)").register(registry);
        Gauge.builder("mla.audit.events.unsigned", last, s -> s.get().unsignedEvents())
                .description("Events appended after the newest signed checkpoint (a stale checkpoint matters only if this is above 0)")
                .register(registry);
    }

    @Scheduled(every = "${mla.metrics.refresh-every:30s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        try {
            refresh();
        } catch (SQLException | RuntimeException e) {
            // the gauges keep their last values; readiness reports the database itself
            LOG.debugf("metrics refresh failed: %s", e);
        }
    }

    /** Reads every gauge's value now. */
    public void refresh() throws SQLException {
        Instant now = clock.instant();
        last.set(pipeline(now));
        if (cases.isResolvable()) {
            CaseStatistics statistics = cases.get();
            byStatus.register(statistics.byStatus().entrySet().stream()
                    .map(e -> MultiGauge.Row.of(Tags.of("status", e.getKey()), e.getValue())).toList(), true);
            Map<CaseStatistics.Overdue, Long> counts = statistics.overdue(now).stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            overdue.register(counts.entrySet().stream().map(e -> MultiGauge.Row.of(
                    Tags.of("kind", e.getKey().kind(), "owing_state", e.getKey().owedBy().value()), e.getValue())).toList(), true);
        }
    }

    private Snapshot pipeline(Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT h.logseq - p.logseq,
                            (SELECT occurred_at FROM event_log WHERE logseq = p.logseq + 1),
                            coalesce((SELECT max(created_at) FROM audit_checkpoint),
                                     (SELECT occurred_at FROM event_log ORDER BY logseq LIMIT 1)),
                            (SELECT count(*) FROM audit_checkpoint WHERE published_at IS NULL),
                            h.logseq - coalesce((SELECT logseq FROM audit_checkpoint ORDER BY id DESC LIMIT 1), 0)
                       FROM event_log_head h, event_relay_position p""")) {
            rs.next();
            return new Snapshot(rs.getLong(1), secondsSince(rs.getTimestamp(2), now, 0), secondsSince(rs.getTimestamp(3), now, 0),
                    rs.getLong(4), rs.getLong(5));
        }
    }

    private static double secondsSince(Timestamp then, Instant now, double none) {
        return then == null ? none : Math.max(0, Duration.between(then.toInstant(), now).toMillis() / 1000.0);
    }
}
