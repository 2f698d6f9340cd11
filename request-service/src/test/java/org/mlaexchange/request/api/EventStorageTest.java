package org.mlaexchange.request.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How a submission's events are stored. Its event envelope (4-5 KB, too long for its row) is stored compressed with
 * lz4, not pglz, which spent a whole attempt on it and kept it uncompressed (migration V0_7, docs/benchmarks.md
 * "session 10").
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

    /**
     * Cases and events made later get ids that sort after earlier ones (version 7), so their index entries go to the
     * end of each index; and each column of a stored event says what its envelope says (one statement stores a
     * group's events, column by column).
     */
    @Test
    void newIdsAreTimeOrderedAndEachColumnMatchesItsEnvelope() throws Exception {
        String first = Api.submitted("nl", "AR");
        Thread.sleep(2);
        String second = Api.submitted("nl", "AR");
        assertEquals(7, UUID.fromString(first).version(), first);
        assertTrue(second.compareTo(first) > 0, second + " was made after " + first);
        ObjectMapper json = new ObjectMapper();
        String previousEventId = "";
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("SELECT event_id::text, case_id, logseq, caseseq, type, actor_state, "
                     + "occurred_at, prevhash, hash, envelope FROM event_log WHERE case_id IN (?, ?) ORDER BY logseq")) {
            query.setString(1, first);
            query.setString(2, second);
            try (ResultSet rs = query.executeQuery()) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    JsonNode envelope = json.readTree(rs.getString("envelope"));
                    String eventId = rs.getString("event_id");
                    assertEquals(envelope.get("id").asText(), eventId);
                    assertEquals(7, UUID.fromString(eventId).version(), eventId);
                    assertTrue(eventId.compareTo(previousEventId) > 0, eventId + " after " + previousEventId);
                    previousEventId = eventId;
                    assertEquals(envelope.get("subject").asText(), rs.getString("case_id"));
                    assertEquals(envelope.get("logseq").asLong(), rs.getLong("logseq"));
                    assertEquals(envelope.get("caseseq").asLong(), rs.getLong("caseseq"));
                    assertEquals(envelope.get("type").asText(), rs.getString("type"));
                    assertEquals(envelope.get("actorstate").asText(), rs.getString("actor_state"));
                    assertEquals(Instant.parse(envelope.get("time").asText()), rs.getTimestamp("occurred_at").toInstant());
                    assertEquals(envelope.get("prevhash").asText(), rs.getString("prevhash"));
                    assertEquals(envelope.get("hash").asText(), rs.getString("hash"));
                }
                assertEquals(2, rows, "one event per submission");
            }
        }
    }
}
