package org.mlaexchange.request.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.request.RequestStatus;
import org.mlaexchange.platform.store.DueCursor;

/** Requests as stored; every query a State makes is limited to the requests it is party to. */
@ApplicationScoped
public class RequestRepository implements PanacheRepositoryBase<RequestEntity, UUID> {

    /** The request, locked for the rest of the transaction so that two changes cannot interleave. */
    public Optional<RequestEntity> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Filters of a list; null means "any". {@code role} is the caller's side: requesting or requested. */
    public record Filter(StateCode caller, String role, RequestStatus status, Boolean urgent, Boolean overdue, Instant now) {
    }

    /** A page of the list, newest first (insertion order). */
    public List<RequestEntity> page(Filter filter, Long afterListSeq, int limit) {
        Parameters params = new Parameters();
        StringBuilder query = where(filter, params);
        if (afterListSeq != null) {
            query.append(" and listSeq < :after");
            params.and("after", afterListSeq);
        }
        query.append(" order by listSeq desc");
        return find(query.toString(), params).page(0, limit).list();
    }

    /** A page of the list, the nearest due date first (so overdue ones first), those without a running deadline last. */
    public List<RequestEntity> pageByDue(Filter filter, DueCursor after, int limit) {
        Parameters params = new Parameters();
        StringBuilder query = where(filter, params);
        if (after != null) {
            params.and("seq", after.listSeq());
            if (after.due() == null) {
                query.append(" and nextDeadlineAt is null and listSeq > :seq");
            } else {
                query.append(" and (nextDeadlineAt > :due or (nextDeadlineAt = :due and listSeq > :seq) or nextDeadlineAt is null)");
                params.and("due", after.due());
            }
        }
        query.append(" order by nextDeadlineAt asc nulls last, listSeq asc");
        return find(query.toString(), params).page(0, limit).list();
    }

    private static StringBuilder where(Filter filter, Parameters params) {
        // the oversight body (no State) sees every request; a State only those it is party to
        StringBuilder query = new StringBuilder("1 = 1");
        if (filter.caller() != null) {
            params.and("state", filter.caller().value());
            if ("requesting".equals(filter.role())) {
                query.append(" and requestingState = :state");
            } else if ("requested".equals(filter.role())) {
                query.append(" and requestedState = :state");
            } else {
                query.append(" and (requestingState = :state or requestedState = :state)");
            }
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.and("status", filter.status().name());
        }
        if (filter.urgent() != null) {
            query.append(" and urgent = :urgent");
            params.and("urgent", filter.urgent());
        }
        if (filter.overdue() != null) {
            query.append(filter.overdue() ? " and nextDeadlineAt < :now" : " and (nextDeadlineAt is null or nextDeadlineAt >= :now)");
            params.and("now", filter.now());
        }
        return query;
    }

    /**
     * Requests with a deadline passed at {@code now} and not reminded yet, the longest waiting first. Once
     * reminded a request's next reminder moves on, so the next batch holds other requests.
     */
    public List<UUID> withReminderDue(Instant now, int limit) {
        return find("nextReminderAt <= ?1 order by nextReminderAt", now).page(0, limit)
                .project(IdOnly.class).list().stream().map(IdOnly::id).toList();
    }

    /** Sets a request's next reminder when the reminder job found nothing to remind (a row from before the column). */
    @Transactional
    public void rescheduleReminder(UUID id, Instant nextReminderAt) {
        update("nextReminderAt = ?1 where id = ?2", nextReminderAt, id);
    }

    public record IdOnly(UUID id) {
    }
}
