package org.mlaexchange.extradition.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.extradition.ExtraditionStatus;
import org.mlaexchange.platform.store.DueCursor;

/**
 * Extradition cases as stored, with the indexes kept beside them: active transit States, the person's
 * match keys and the concurrent requests found. Every list a State makes is limited to the cases it is
 * party to (a transit State only while its involvement is active).
 */
@ApplicationScoped
public class ExtraditionRepository implements PanacheRepositoryBase<ExtraditionEntity, UUID> {

    /** Where a case stands once it is over: never a candidate for concurrent requests. */
    private static final List<String> ENDED = List.of(ExtraditionStatus.WITHDRAWN.name(), ExtraditionStatus.CLOSED.name());

    /** The case, locked for the rest of the transaction so that two changes cannot interleave. */
    public Optional<ExtraditionEntity> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Filters of a list; null means "any". {@code caller} null is the oversight body (every case);
     * {@code role} is the caller's side: requesting, requested or transit.
     */
    public record Filter(StateCode caller, String role, ExtraditionStatus status, Boolean overdue, Instant now) {
    }

    /** A page of the list, newest first (insertion order). */
    public List<ExtraditionEntity> page(Filter filter, Long afterListSeq, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = where(filter, args);
        if (afterListSeq != null) {
            sql.append(" AND c.list_seq < ?").append(arg(args, afterListSeq));
        }
        sql.append(" ORDER BY c.list_seq DESC LIMIT ?").append(arg(args, limit));
        return rows(sql, args);
    }

    /** A page of the list, the nearest due date first (so overdue ones first), those without a running deadline last. */
    public List<ExtraditionEntity> pageByDue(Filter filter, DueCursor after, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = where(filter, args);
        if (after != null) {
            if (after.due() == null) {
                sql.append(" AND c.next_deadline_at IS NULL AND c.list_seq > ?").append(arg(args, after.listSeq()));
            } else {
                int due = arg(args, Timestamp.from(after.due()));
                int seq = arg(args, after.listSeq());
                sql.append(" AND (c.next_deadline_at > ?").append(due).append(" OR (c.next_deadline_at = ?").append(due)
                        .append(" AND c.list_seq > ?").append(seq).append(") OR c.next_deadline_at IS NULL)");
            }
        }
        sql.append(" ORDER BY c.next_deadline_at ASC NULLS LAST, c.list_seq ASC LIMIT ?").append(arg(args, limit));
        return rows(sql, args);
    }

    private static StringBuilder where(Filter filter, List<Object> args) {
        StringBuilder sql = new StringBuilder("SELECT c.* FROM extradition_case c WHERE TRUE");
        if (filter.caller() != null) {
            String transit = "EXISTS (SELECT 1 FROM extradition_transit t WHERE t.case_id = c.id AND t.transit_state = ?%d)";
            String state = filter.caller().value();
            if ("requesting".equals(filter.role())) {
                sql.append(" AND c.requesting_state = ?").append(arg(args, state));
            } else if ("requested".equals(filter.role())) {
                sql.append(" AND c.requested_state = ?").append(arg(args, state));
            } else if ("transit".equals(filter.role())) {
                sql.append(" AND ").append(transit.formatted(arg(args, state)));
            } else {
                int p = arg(args, state);
                sql.append(" AND (c.requesting_state = ?").append(p).append(" OR c.requested_state = ?").append(p)
                        .append(" OR ").append(transit.formatted(p)).append(')');
            }
        }
        if (filter.status() != null) {
            sql.append(" AND c.status = ?").append(arg(args, filter.status().name()));
        }
        if (filter.overdue() != null) {
            int p = arg(args, Timestamp.from(filter.now()));
            sql.append(filter.overdue() ? " AND c.next_deadline_at < ?" + p
                    : " AND (c.next_deadline_at IS NULL OR c.next_deadline_at >= ?" + p + ")");
        }
        return sql;
    }

    private List<ExtraditionEntity> rows(StringBuilder sql, List<Object> args) {
        Query query = getEntityManager().createNativeQuery(sql.toString(), ExtraditionEntity.class);
        for (int i = 0; i < args.size(); i++) {
            query.setParameter(i + 1, args.get(i));
        }
        @SuppressWarnings("unchecked")
        List<ExtraditionEntity> rows = query.getResultList();
        return rows;
    }

    private static int arg(List<Object> args, Object value) {
        args.add(value);
        return args.size();
    }

    /** Cases with a deadline past due at {@code now} that was not reminded yet, the oldest first. */
    public List<UUID> withReminderDue(Instant now, int limit) {
        return find("nextReminderAt <= ?1 order by nextReminderAt", now).page(0, limit)
                .project(CaseId.class).list().stream().map(CaseId::id).toList();
    }

    public record CaseId(UUID id) {
    }

    /** The transit States whose involvement in the case is active, replacing what was recorded. */
    public void replaceTransitStates(UUID caseId, Collection<StateCode> active) {
        sql("DELETE FROM extradition_transit WHERE case_id = ?1", caseId).executeUpdate();
        for (StateCode state : active) {
            sql("INSERT INTO extradition_transit (case_id, transit_state) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                    caseId, state.value()).executeUpdate();
        }
    }

    /** The keys the case's person is found by, replacing what was recorded. */
    public void replaceMatchKeys(UUID caseId, Set<String> keys) {
        sql("DELETE FROM person_match_key WHERE case_id = ?1", caseId).executeUpdate();
        for (String key : keys) {
            sql("INSERT INTO person_match_key (case_id, match_key) VALUES (?1, ?2)", caseId, key).executeUpdate();
        }
    }

    /** Serialises the search for the same person at one requested State until the transaction ends. */
    public void lockPersonSearch(StateCode requestedState) {
        sql("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext('extradition-person-search'), hashtext(?1))) AS locked",
                requestedState.value()).getSingleResult();
    }

    /** Open cases at the requested State, other than {@code except}, whose person shares a key with these. */
    public List<ExtraditionEntity> openCasesSharingKeys(StateCode requestedState, Set<String> keys, UUID except) {
        if (keys.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<ExtraditionEntity> rows = getEntityManager().createNativeQuery("""
                        SELECT c.* FROM extradition_case c
                        WHERE c.requested_state = :requested AND c.status NOT IN (:ended) AND c.id <> :except
                          AND c.id IN (SELECT k.case_id FROM person_match_key k WHERE k.match_key IN (:keys))
                        ORDER BY c.list_seq""", ExtraditionEntity.class)
                .setParameter("requested", requestedState.value())
                .setParameter("ended", ENDED)
                .setParameter("except", except)
                .setParameter("keys", List.copyOf(keys))
                .getResultList();
        return rows;
    }

    /** Records that two cases are likely about the same person, both ways. */
    public void recordConcurrent(UUID a, UUID b, Instant foundAt) {
        for (UUID[] pair : new UUID[][] {{a, b}, {b, a}}) {
            sql("INSERT INTO concurrent_match (case_id, other_case_id, found_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                    pair[0], pair[1], Timestamp.from(foundAt)).executeUpdate();
        }
    }

    /** The cases found to concern the same person as this one, oldest finding first. */
    public List<UUID> concurrentWith(UUID caseId) {
        List<?> rows = sql("SELECT other_case_id FROM concurrent_match WHERE case_id = ?1 ORDER BY found_at, other_case_id", caseId)
                .getResultList();
        return rows.stream().map(row -> (UUID) row).toList();
    }

    private Query sql(String sql, Object... params) {
        Query query = getEntityManager().createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query;
    }
}
