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
import org.mlaexchange.contracts.request.SpontaneousStatus;

/** Spontaneous information as stored; every query a State makes is limited to the cases it is party to. */
@ApplicationScoped
public class SpontaneousInformationRepository implements PanacheRepositoryBase<SpontaneousInformationEntity, UUID> {

    public Optional<SpontaneousInformationEntity> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Filters of a list; null means "any". {@code role}: the caller's side, providing or receiving; {@code caller} null: the oversight body. */
    public record Filter(StateCode caller, String role, SpontaneousStatus status) {
    }

    /** A page, newest first (insertion order). */
    public List<SpontaneousInformationEntity> page(Filter filter, Long afterListSeq, int limit) {
        Parameters params = new Parameters();
        StringBuilder query = new StringBuilder("1 = 1");
        if (filter.caller() != null) {
            params.and("state", filter.caller().value());
            if ("providing".equals(filter.role())) {
                query.append(" and providingState = :state");
            } else if ("receiving".equals(filter.role())) {
                query.append(" and receivingState = :state");
            } else {
                query.append(" and (providingState = :state or receivingState = :state)");
            }
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.and("status", filter.status().name());
        }
        if (afterListSeq != null) {
            query.append(" and listSeq < :after");
            params.and("after", afterListSeq);
        }
        query.append(" order by listSeq desc");
        return find(query.toString(), params).page(0, limit).list();
    }

    /** Cases with a deadline passed at {@code now} and not reminded yet, the longest waiting first (as {@link RequestRepository#withReminderDue}). */
    public List<UUID> withReminderDue(Instant now, int limit) {
        return find("nextReminderAt <= ?1 order by nextReminderAt", now).page(0, limit)
                .project(RequestRepository.IdOnly.class).list().stream().map(RequestRepository.IdOnly::id).toList();
    }

    /** Sets a case's next reminder when the reminder job found nothing to remind. */
    @Transactional
    public void rescheduleReminder(UUID id, Instant nextReminderAt) {
        update("nextReminderAt = ?1 where id = ?2", nextReminderAt, id);
    }
}
