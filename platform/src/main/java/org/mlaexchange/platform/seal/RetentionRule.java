package org.mlaexchange.platform.seal;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mlaexchange.platform.PlatformConfig;

/**
 * The operator's retention rule ({@code mla.retention.period}): a case whose erasure is allowed (it settled
 * in one of its kind's {@link RetentionKind#settled}) and whose last event is older than the period
 * has its personal data erased by the service's own erasure, as if its supplying State had asked, but by the
 * Exchange. The period is counted from the case's last event in the log: the event that settled it, or a
 * later one, so a case is never erased early. Without a configured period nothing is ever due.
 */
@ApplicationScoped
@Startup // checks the period at start-up
public class RetentionRule {

    private static final Logger LOG = Logger.getLogger(RetentionRule.class);

    /** A case whose retention ended: its kind, id and when its last event was recorded. */
    public record Due(String kind, UUID id, Instant lastEventAt) {
    }

    /** A case the service's erasure refused, and why. */
    public record Refused(String kind, UUID id, String reason) {
    }

    /**
     * What a run found and did: the rule ({@code null}: none configured), the cut-off, the cases due (at most
     * {@code mla.retention.batch}; {@code more}: run again), and for a real run the erased and refused ones.
     */
    public record Report(String period, Instant lastEventBefore, boolean dryRun, List<Due> due, int erased, List<Refused> refused,
                         boolean more) {
    }

    private final Instance<RetentionKind> kinds;
    private final EntityManager entityManager;
    private final PlatformConfig config;
    private final Clock clock;

    public RetentionRule(Instance<RetentionKind> kinds, EntityManager entityManager, PlatformConfig config, Clock clock) {
        this.kinds = kinds;
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
        // a mistyped period stops start-up rather than the operator's first run
        config.retention().period().ifPresent(period -> cutoff(period, clock.instant()));
    }

    /** Lists the cases whose retention ended ({@code dryRun}) or erases them, each in its own unit. */
    @ActivateRequestContext
    public Report apply(boolean dryRun) {
        Optional<String> period = config.retention().period();
        if (period.isEmpty()) {
            return new Report(null, null, dryRun, List.of(), 0, List.of(), false);
        }
        Instant cutoff = cutoff(period.get(), clock.instant());
        int limit = config.retention().batch();
        List<Due> due = new ArrayList<>();
        Map<String, RetentionKind> byLabel = new HashMap<>();
        for (RetentionKind kind : kinds) {
            byLabel.put(kind.label(), kind);
            due.addAll(QuarkusTransaction.requiringNew().call(() -> due(kind, cutoff, limit + 1)));
        }
        boolean more = due.size() > limit;
        List<Due> batch = due.subList(0, Math.min(due.size(), limit));
        if (dryRun) {
            return new Report(period.get(), cutoff, true, batch, 0, List.of(), more);
        }
        int erased = 0;
        List<Refused> refused = new ArrayList<>();
        for (Due d : batch) {
            try {
                byLabel.get(d.kind()).erase().accept(d.id());
                erased++;
            } catch (RuntimeException e) {
                LOG.warnf("retention: %s %s not erased: %s", d.kind(), d.id(), e.getMessage());
                refused.add(new Refused(d.kind(), d.id(), e.getMessage()));
            }
        }
        LOG.infof("retention (%s, last event before %s): %d erased, %d refused%s", period.get(), cutoff, erased, refused.size(),
                more ? ", more due" : "");
        return new Report(period.get(), cutoff, false, batch, erased, refused, more);
    }

    /** The moment a case's last event must precede for its retention to have ended. */
    static Instant cutoff(String period, Instant now) {
        String p = period.trim().toUpperCase();
        try {
            return p.contains("T") ? now.minus(Duration.parse(p)) : now.atOffset(ZoneOffset.UTC).minus(Period.parse(p)).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("mla.retention.period must be an ISO-8601 period (P5Y) or duration (PT10S), got " + period, e);
        }
    }

    private List<Due> due(RetentionKind kind, Instant cutoff, int limit) {
        List<String> statuses = List.copyOf(kind.settled());
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < statuses.size(); i++) {
            in.append(i == 0 ? "" : ", ").append('?').append(i + 3);
        }
        // the table name is the service's own constant, never input
        Query query = entityManager.createNativeQuery("""
                SELECT CAST(c.id AS text), last.at FROM %s c
                CROSS JOIN LATERAL (SELECT max(e.occurred_at) AS at FROM event_log e WHERE e.case_id = CAST(c.id AS text)) last
                WHERE c.status IN (%s) AND last.at < ?1
                  AND NOT EXISTS (SELECT 1 FROM case_data_key k WHERE k.case_id = CAST(c.id AS text) AND k.erased_at IS NOT NULL)
                ORDER BY last.at, c.id LIMIT ?2""".formatted(kind.table(), in))
                .setParameter(1, Timestamp.from(cutoff)).setParameter(2, limit);
        for (int i = 0; i < statuses.size(); i++) {
            query.setParameter(i + 3, statuses.get(i));
        }
        return query.getResultList().stream().map(row -> {
            Object[] r = (Object[]) row;
            return new Due(kind.label(), UUID.fromString((String) r[0]), CaseDataKeys.instant(r[1]));
        }).toList();
    }
}
