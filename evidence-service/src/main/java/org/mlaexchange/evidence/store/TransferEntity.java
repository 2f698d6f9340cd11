package org.mlaexchange.evidence.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A transfer's live state (the fold of its events, as JSON) and the columns queries use. */
@Entity
@Table(name = "transfer")
public class TransferEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Generated
    @Column(name = "list_seq", insertable = false, updatable = false)
    public Long listSeq;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

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
