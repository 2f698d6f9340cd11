package org.mlaexchange.evidence.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.mlaexchange.platform.store.CaseRow;

/** An evidence item's live state (the fold of its custody events, as JSON); its content is in chunks. */
@Entity
@Table(name = "evidence_item")
public class ItemEntity extends CaseRow {

    @Column(name = "transfer_id", nullable = false)
    public UUID transferId;

    @Column(name = "providing_state", nullable = false, length = 2)
    public String providingState;

    @Column(name = "receiving_state", nullable = false, length = 2)
    public String receivingState;
}
