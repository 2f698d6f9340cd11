package org.mlaexchange.request.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Generated;
import org.mlaexchange.platform.store.CaseRow;

/** The live state of one request (the fold of its events, as JSON) and the columns lists filter on. */
@Entity
@Table(name = "mla_request")
public class RequestEntity extends CaseRow {

    /** Insertion order, the paging cursor. */
    @Generated
    @Column(name = "list_seq", insertable = false, updatable = false)
    public Long listSeq;

    @Column(name = "requesting_state", nullable = false, length = 2)
    public String requestingState;

    @Column(name = "requested_state", nullable = false, length = 2)
    public String requestedState;

    public boolean urgent;

    public boolean confidential;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Earliest due moment among deadlines not met yet; null when none runs. */
    @Column(name = "next_deadline_at")
    public Instant nextDeadlineAt;

    /** Earliest due moment among deadlines passed or running that were not reminded yet; null when none. */
    @Column(name = "next_reminder_at")
    public Instant nextReminderAt;
}
