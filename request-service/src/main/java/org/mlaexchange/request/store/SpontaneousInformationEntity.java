package org.mlaexchange.request.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Generated;
import org.mlaexchange.platform.store.CaseRow;

/** The live state of one case of spontaneous information (the fold of its events) and the columns lists filter on. */
@Entity
@Table(name = "spontaneous_information")
public class SpontaneousInformationEntity extends CaseRow {

    /** Insertion order, the paging cursor. */
    @Generated
    @Column(name = "list_seq", insertable = false, updatable = false)
    public Long listSeq;

    @Column(name = "providing_state", nullable = false, length = 2)
    public String providingState;

    @Column(name = "receiving_state", nullable = false, length = 2)
    public String receivingState;

    public boolean confidential;

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When the earliest deadline still owed and not reminded yet passes; null when none. */
    @Column(name = "next_reminder_at")
    public Instant nextReminderAt;
}
