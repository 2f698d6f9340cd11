package org.mlaexchange.request.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * A submission's event envelope (4-5 KB, too long for its row) is stored compressed with lz4, not pglz, which spent a
 * whole attempt on it and kept it uncompressed (migration V0_7, docs/benchmarks.md "session 10").
 */
@QuarkusTest
class EventStorageTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eventEnvelopesAreCompressedWithLz4() throws Exception {
        String id = Api.submitted("nl", "AR");
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("SELECT pg_column_compression(envelope), octet_length(envelope),"
                     + " pg_column_size(envelope) FROM event_log WHERE case_id = ?")) {
            query.setString(1, id);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                assertEquals("lz4", rs.getString(1), "stored " + rs.getInt(3) + " bytes for " + rs.getInt(2));
            }
        }
    }
}
