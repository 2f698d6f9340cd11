package org.mlaexchange.extradition.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Generated;
import org.mlaexchange.platform.store.CaseRow;

/**
 * The live state of one extradition case (the fold of its events, as JSON) and the columns lists show
 * and filter on; lists never read the person's data, only {@link #personLabel}.
 */
@Entity
@Table(name = "extradition_case")
public class ExtraditionEntity extends CaseRow {

    /** Insertion order, the paging cursor. */
    @Generated
    @Column(name = "list_seq", insertable = false, updatable = false)
    public Long listSeq;

    @Column(name = "requesting_state", nullable = false, length = 2)
    public String requestingState;

    @Column(name = "requested_state", nullable = false, length = 2)
    public String requestedState;

    @Column(name = "protected_person")
    public boolean protectedPerson;

    /** What a list shows of the person: never a protected person's names. */
    @Column(name = "person_label", nullable = false)
    public String personLabel;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When the earliest deadline not met passes; null when none runs. */
    @Column(name = "next_deadline_at")
    public Instant nextDeadlineAt;

    /** When the earliest deadline not met and not yet reminded passes: the reminder job's work list. */
    @Column(name = "next_reminder_at")
    public Instant nextReminderAt;
}
