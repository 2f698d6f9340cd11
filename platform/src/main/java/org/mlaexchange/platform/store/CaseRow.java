package org.mlaexchange.platform.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The columns every case table has: its id, status, version (the number of its events: its ETag) and
 * its live state, the fold of its events, as JSON ({@link JsonState}). Each service adds the columns
 * its lists filter on.
 */
@MappedSuperclass
public abstract class CaseRow extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String status;

    public int version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String state;
}
