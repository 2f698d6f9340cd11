package org.mlaexchange.request.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The live state of one request (the fold of its events, as JSON) and the columns lists filter on. */
@Entity
@Table(name = "mla_request")
public class RequestEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Insertion order, the paging cursor. */
    @Generated
    @Column(name = "list_seq", insertable = false, updatable = false)
    public Long listSeq;

    @Column(name = "requesting_state", nullable = false, length = 2)
    public String requestingState;

    @Column(name = "requested_state", nullable = false, length = 2)
    public String requestedState;

    @Column(nullable = false)
    public String status;

    public boolean urgent;

    public boolean confidential;

    /** Number of events of the request: its ETag. */
    public int version;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Earliest due moment among deadlines not met yet; null when none runs. */
    @Column(name = "next_deadline_at")
    public Instant nextDeadlineAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String state;
}
