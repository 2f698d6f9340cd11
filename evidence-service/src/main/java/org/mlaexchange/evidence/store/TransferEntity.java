package org.mlaexchange.evidence.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.mlaexchange.platform.store.CaseRow;

/** A transfer's live state (the fold of its events, as JSON) and the columns queries use. */
@Entity
@Table(name = "transfer")
public class TransferEntity extends CaseRow {

    @Generated
    @Column(name = "list_seq", insertable = false, updatable = false)
    public Long listSeq;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "providing_state", nullable = false, length = 2)
    public String providingState;

    @Column(name = "receiving_state", nullable = false, length = 2)
    public String receivingState;
}
