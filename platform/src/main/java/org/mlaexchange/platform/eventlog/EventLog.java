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
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.events.HashChain;
import org.mlaexchange.contracts.audit.Checkpoint;
import org.mlaexchange.platform.PlatformConfig;
import org.mlaexchange.platform.audit.Checkpoints;

/**
 * The service's append-only event log, which is also its transactional outbox: an event is appended
 * in the same transaction as the state change it records, chained to the previous one, and a NOTIFY
 * wakes the relay when the transaction commits. Rows are never updated or deleted.
 */
@ApplicationScoped
public class EventLog {

    static final String CHANNEL = "mla_event_log";

    private final EntityManager entityManager;
    private final Clock clock;
    private final String source;
    private final Checkpoints checkpoints;

    public EventLog(EntityManager entityManager, Clock clock, PlatformConfig config, Checkpoints checkpoints) {
        this.entityManager = entityManager;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.source = "/mla-exchange/" + config.service();
    }

    /** Appends events of one change, in order; the caller's transaction covers them and the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Receipt> append(List<NewEvent> events) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> appendAll(connection, events));
    }

    private List<Receipt> appendAll(Connection connection, List<NewEvent> events) throws SQLException {
        // The head row lock serialises writers, so logseq has no gaps and prevhash is the true predecessor.
        long logseq;
        String prevhash;
        try (Statement head = connection.createStatement();
             ResultSet rs = head.executeQuery("SELECT logseq, hash FROM event_log_head WHERE id = 1 FOR UPDATE")) {
            rs.next();
            logseq = rs.getLong(1);
            prevhash = rs.getString(2);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Receipt> receipts = new ArrayList<>();
        Checkpoint latest = checkpoints.latest().orElse(null);
        try (PreparedStatement caseseqQuery = connection.prepareStatement(
                     "SELECT coalesce(max(caseseq), 0) FROM event_log WHERE case_id = ?");
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO event_log (logseq, event_id, case_id, caseseq, type, actor_state, parties,
                                            occurred_at, prevhash, hash, envelope)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            java.util.Map<String, Long> lastCaseseq = new java.util.HashMap<>();
            for (NewEvent event : events) {
                Long last = lastCaseseq.get(event.caseId());
                if (last == null) {
                    caseseqQuery.setString(1, event.caseId());
                    try (ResultSet rs = caseseqQuery.executeQuery()) {
                        rs.next();
                        last = rs.getLong(1);
                    }
                }
                long caseseq = last + 1;
                lastCaseseq.put(event.caseId(), caseseq);
                logseq++;
                CloudEvent unsealed = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source,
                        event.type(), event.caseId(), now.toString(), CloudEvent.DATA_CONTENT_TYPE,
                        event.actorState() == null ? null : event.actorState().value(), caseseq, logseq, prevhash, null,
                        EventJson.toData(event.payload()));
                HashChain.Sealed sealed = HashChain.seal(unsealed);
                insert.setLong(1, logseq);
                insert.setObject(2, UUID.fromString(unsealed.id()));
                insert.setString(3, event.caseId());
                insert.setLong(4, caseseq);
                insert.setString(5, event.type());
                insert.setString(6, unsealed.actorstate());
                insert.setString(7, partiesColumn(event.parties()));
                insert.setTimestamp(8, Timestamp.from(now));
                insert.setString(9, prevhash);
                insert.setString(10, sealed.event().hash());
                insert.setString(11, sealed.json());
                insert.addBatch();
                prevhash = sealed.event().hash();
                receipts.add(new Receipt(unsealed.id(), event.type(), event.caseId(), caseseq, logseq, prevhash, latest));
            }
            insert.executeBatch();
        }
        try (PreparedStatement head = connection.prepareStatement("UPDATE event_log_head SET logseq = ?, hash = ? WHERE id = 1");
             Statement notify = connection.createStatement()) {
            head.setLong(1, logseq);
            head.setString(2, prevhash);
            head.executeUpdate();
            notify.execute("NOTIFY " + CHANNEL);
        }
        return receipts;
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
