package org.mlaexchange.platform.eventlog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.mlaexchange.platform.tracing.EventTraces;
import org.mlaexchange.platform.store.TimeOrderedIds;
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
     * Takes the head's lock, moves the head to the group's last event, stores the group's events (one array per
     * column, in log order) and wakes the relay: one statement, so sealing costs one round trip whatever the
     * group's size (docs/decisions.md, "One write path, group commit"). The events were chained after the head
     * this service last wrote ({@code expected}); the head moves, and the events are stored, only if the head is
     * still that once its lock is held (a writer before it in the lock's queue is seen committed). Otherwise the
     * head stays as it is, locked, and is returned, so the group is chained again after it. It also returns the
     * transaction's id, by which a commit whose answer was lost is later told kept or not
     * ({@link org.mlaexchange.platform.write.CommitOutcomes}).
     */
    private static final String APPEND = """
            WITH head AS (
                UPDATE event_log_head SET logseq = CASE WHEN logseq = ? AND hash = ? THEN ? ELSE logseq END,
                                          hash = CASE WHEN logseq = ? AND hash = ? THEN ? ELSE hash END
                 WHERE id = 1
             RETURNING logseq, hash, pg_current_xact_id()::text AS transaction),
            appended AS (
                INSERT INTO event_log (logseq, event_id, case_id, caseseq, type, actor_state, parties,
                                       occurred_at, prevhash, hash, envelope, traceparent, tracestate)
                SELECT e.* FROM head, unnest(?::int8[], ?::uuid[], ?::text[], ?::int8[], ?::text[], ?::text[], ?::text[],
                                             ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS e
                 WHERE head.logseq = ? AND head.hash = ?)
            SELECT logseq, hash, transaction FROM head;
            NOTIFY %s""".formatted(CHANNEL);

    /** A place in the chain: the last event's logseq and hash. */
    private record Head(long logseq, String hash) {
    }

    /** The head as this service's last sealing left it (its commit may still be under way); null before the first. */
    private volatile Head lastSealed;

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
     * Chains and stores the staged events: the head row lock is taken here, by the transaction's last
     * statement, so concurrent writers are serialised only for that statement and the commit, and a group
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
        // Chained after the head this service last left; the head's row lock, taken by the statement, keeps
        // logseq without gaps and prevhash the true predecessor: if another writer (a group that rolled back,
        // another instance of the service) left the head elsewhere, the group is chained again after it, lock held.
        Head expected = lastSealed != null ? lastSealed : new Head(-1, "");
        try (PreparedStatement append = connection.prepareStatement(APPEND)) {
            for (int attempt = 1; ; attempt++) {
                Chained chained = chain(events, expected, latest);
                append.setLong(1, expected.logseq());
                append.setString(2, expected.hash());
                append.setLong(3, chained.head().logseq());
                append.setLong(4, expected.logseq());
                append.setString(5, expected.hash());
                append.setString(6, chained.head().hash());
                int p = 7;
                for (String[] column : chained.columns()) {
                    append.setArray(p++, connection.createArrayOf("text", column));
                }
                append.setLong(p++, chained.head().logseq());
                append.setString(p, chained.head().hash());
                append.execute();
                try (ResultSet head = append.getResultSet()) {
                    head.next();
                    Head found = new Head(head.getLong(1), head.getString(2));
                    if (found.equals(chained.head())) {
                        lastSealed = found;
                        return new Sealed(chained.receipts(), head.getString(3));
                    }
                    if (attempt == 2) {
                        throw new IllegalStateException("the log's head moved while its lock was held: " + found);
                    }
                    expected = found;
                }
            }
        }
    }

    /** A group's events chained after {@code after}: one array per column of APPEND, the receipts, the new head. */
    private record Chained(String[][] columns, List<Receipt> receipts, Head head) {
    }

    private Chained chain(List<Staged> events, Head after, Checkpoint latest) {
        long logseq = after.logseq();
        String prevhash = after.hash();
        // each value as text, which the statement casts
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
        return new Chained(columns, receipts, new Head(logseq, prevhash));
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
