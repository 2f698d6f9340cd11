package org.mlaexchange.evidence.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An evidence item's live state (the fold of its custody events, as JSON); its content is in chunks. */
@Entity
@Table(name = "evidence_item")
public class ItemEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "transfer_id", nullable = false)
    public UUID transferId;

    @Column(name = "providing_state", nullable = false, length = 2)
    public String providingState;

    @Column(name = "receiving_state", nullable = false, length = 2)
    public String receivingState;

    @Column(nullable = false)
    public String status;

    public int version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String state;
}
