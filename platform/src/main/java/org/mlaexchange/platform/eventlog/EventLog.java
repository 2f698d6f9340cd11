package org.mlaexchange.platform.eventlog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.events.HashChain;
import org.mlaexchange.contracts.audit.Checkpoint;
import org.mlaexchange.platform.PlatformConfig;
import org.mlaexchange.platform.audit.Checkpoints;
import org.mlaexchange.platform.seal.CaseDataKeys;
import org.mlaexchange.platform.store.TimeOrderedIds;
import org.mlaexchange.platform.tracing.EventTraces;
import org.mlaexchange.platform.write.StagedEvents;

/**
 * The service's append-only event log, which is also its transactional outbox: an event is appended
 * in the same transaction as the state change it records, chained to the previous one, and a NOTIFY
 * wakes the relay when the transaction commits. Rows are never updated or deleted.
 */
@ApplicationScoped
public class EventLog {

    static final String CHANNEL = "mla_event_log";

    /**
     * Stores a group's events (one array per column, in log order), moves the head to the last of them and
     * wakes the relay: one statement, so sealing costs one round trip after the head's lock, whatever the
     * group's size (docs/decisions.md, "One write path, group commit"). It returns the transaction's id, by which
     * a commit whose answer was lost is later told kept or not ({@link org.mlaexchange.platform.write.CommitOutcomes}).
     */
    private static final String APPEND = """
            WITH appended AS (
                INSERT INTO event_log (logseq, event_id, case_id, caseseq, type, actor_state, parties,
                                       occurred_at, prevhash, hash, envelope, traceparent, tracestate)
                SELECT * FROM unnest(?::int8[], ?::uuid[], ?::text[], ?::int8[], ?::text[], ?::text[], ?::text[],
                                     ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]))
            UPDATE event_log_head SET logseq = ?, hash = ? WHERE id = 1 RETURNING pg_current_xact_id()::text;
            NOTIFY %s""".formatted(CHANNEL);

    private final EntityManager entityManager;
    private final Clock clock;
    private final String source;
    private final Checkpoints checkpoints;
    private final CaseDataKeys keys;

    public EventLog(EntityManager entityManager, Clock clock, PlatformConfig config, Checkpoints checkpoints, CaseDataKeys keys) {
        this.entityManager = entityManager;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.clock = clock;
        this.source = "/mla-exchange/" + config.service();
    }

    /**
     * An event of a write unit waiting to be chained: everything but its place in the log, and the trace of the
     * write that appended it (stored beside the event, outside its hashed text).
     */
    public record Staged(int unit, String caseId, long caseseq, String type, String actorState, String parties,
                         Instant occurredAt, com.fasterxml.jackson.databind.JsonNode data, EventTraces.Stored trace) {
    }

    /**
     * Stages the events of one change, in order, in the group commit running on this thread (see
     * {@link org.mlaexchange.platform.write.Writes}); they are chained and stored by {@link #seal} as the
     * last statements of its transaction, and each unit then gets its receipts.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(List<NewEvent> events) {
        append(events, null);
    }

    /**
     * As {@link #append(List)}, for events of one case whose last caseseq the caller knows (its version,
     * read under the case's row lock), which spares looking it up in the log.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(List<NewEvent> events, Long caseseqBefore) {
        StagedEvents staging = StagedEvents.current();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        EventTraces.Stored trace = EventTraces.Stored.current();
        for (NewEvent event : events) {
            Long last = staging.lastCaseseq(event.caseId());
            long caseseq = (last != null ? last : caseseqBefore != null ? caseseqBefore : lastCaseseq(event.caseId())) + 1;
            staging.add(new Staged(staging.unit(), event.caseId(), caseseq, event.type(),
                    event.actorState() == null ? null : event.actorState().value(), partiesColumn(event.parties()), now,
                    keys.seal(event.sealingCaseId(), event.payload(), caseseq == 1 && event.sealingCaseId().equals(event.caseId())), trace));
        }
    }

    /** The case's last caseseq in the log; its row lock, held by the unit, keeps it from moving meanwhile. */
    private long lastCaseseq(String caseId) {
        return ((Number) entityManager.createNativeQuery("SELECT coalesce(max(caseseq), 0) FROM event_log WHERE case_id = ?1")
                .setParameter(1, caseId).getSingleResult()).longValue();
    }

    /** The receipts of sealed events, in their order, and the id of the transaction that stored them. */
    public record Sealed(List<Receipt> receipts, String transaction) {
    }

    /**
     * Chains and stores the staged events: the head row lock is taken here, as the transaction's last
     * statements, so concurrent writers are serialised only for the chaining and the commit, and a group
     * commit holds it once for all its units. Returns the receipts in the order of {@code staged}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Sealed seal(List<Staged> staged) {
        if (staged.isEmpty()) {
            return new Sealed(List.of(), null);
        }
        entityManager.flush();
        Checkpoint latest = checkpoints.latest().orElse(null);
        return entityManager.unwrap(Session.class).doReturningWork(connection -> sealAll(connection, staged, latest));
    }

    private Sealed sealAll(Connection connection, List<Staged> events, Checkpoint latest) throws SQLException {
        // The head row lock serialises writers, so logseq has no gaps and prevhash is the true predecessor.
        long logseq;
        String prevhash;
        try (Statement head = connection.createStatement();
             ResultSet rs = head.executeQuery("SELECT logseq, hash FROM event_log_head WHERE id = 1 FOR UPDATE")) {
            rs.next();
            logseq = rs.getLong(1);
            prevhash = rs.getString(2);
        }
        // one array per column of APPEND, in its order; each value as text, which the statement casts
        String[][] columns = new String[13][events.size()];
        List<Receipt> receipts = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            Staged event = events.get(i);
            logseq++;
            CloudEvent unsealed = new CloudEvent(CloudEvent.SPEC_VERSION, TimeOrderedIds.next().toString(), source,
                    event.type(), event.caseId(), event.occurredAt().toString(), CloudEvent.DATA_CONTENT_TYPE,
                    event.actorState(), event.caseseq(), logseq, prevhash, null, event.data());
            HashChain.Sealed sealed = HashChain.seal(unsealed);
            String[] row = {Long.toString(logseq), unsealed.id(), event.caseId(), Long.toString(event.caseseq()), event.type(),
                    event.actorState(), event.parties(), event.occurredAt().toString(), prevhash, sealed.event().hash(),
                    sealed.json(), event.trace().traceparent(), event.trace().tracestate()};
            for (int c = 0; c < row.length; c++) {
                columns[c][i] = row[c];
            }
            prevhash = sealed.event().hash();
            receipts.add(new Receipt(unsealed.id(), event.type(), event.caseId(), event.caseseq(), logseq, prevhash, latest));
        }
        try (PreparedStatement append = connection.prepareStatement(APPEND)) {
            for (int c = 0; c < columns.length; c++) {
                append.setArray(c + 1, connection.createArrayOf("text", columns[c]));
            }
            append.setLong(columns.length + 1, logseq);
            append.setString(columns.length + 2, prevhash);
            append.execute();
            try (ResultSet transaction = append.getResultSet()) {
                transaction.next();
                return new Sealed(receipts, transaction.getString(1));
            }
        }
    }

    /**
     * Events of one case in order as they will be published: those in the log, then those staged by this
     * group commit and not sealed yet (so a unit sees its case's whole history), without their chain members.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CloudEvent> caseEventsWithStaged(String caseId) {
        List<CloudEvent> events = new ArrayList<>(caseEvents(caseId, null));
        for (Staged event : StagedEvents.current().staged(caseId)) {
            events.add(new CloudEvent(CloudEvent.SPEC_VERSION, null, source, event.type(), event.caseId(), event.occurredAt().toString(),
                    CloudEvent.DATA_CONTENT_TYPE, event.actorState(), event.caseseq(), 0, null, null, event.data()));
        }
        return events;
    }

    /** Events of one case in order, as published (for history and as-of views). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CloudEvent> caseEvents(String caseId, Instant asOf) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT envelope FROM event_log WHERE case_id = ? AND occurred_at <= ? ORDER BY caseseq")) {
                query.setString(1, caseId);
                query.setTimestamp(2, Timestamp.from(asOf == null ? Instant.parse("9999-12-31T23:59:59Z") : asOf));
                List<CloudEvent> result = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        result.add(EventJson.parse(rs.getString(1)));
                    }
                }
                return result;
            }
        });
    }

    /** The States party to a case, as recorded with its latest event (empty if the case has no events). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Set<StateCode> partiesOf(String caseId) {
        List<?> rows = entityManager.createNativeQuery(
                        "SELECT parties FROM event_log WHERE case_id = ?1 ORDER BY caseseq DESC LIMIT 1")
                .setParameter(1, caseId)
                .getResultList();
        if (rows.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Arrays.stream(((String) rows.get(0)).split(","))
                .filter(s -> !s.isEmpty())
                .map(StateCode::of)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Parties as stored: ",AR,NL," so that a State's cases are found with one LIKE. */
    static String partiesColumn(java.util.Set<StateCode> parties) {
        return parties.stream().map(StateCode::value).sorted().collect(Collectors.joining(",", ",", ","));
    }
}
