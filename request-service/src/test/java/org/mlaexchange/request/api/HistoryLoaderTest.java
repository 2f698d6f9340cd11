package org.mlaexchange.request.api;

import static org.mlaexchange.request.api.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The history loader of the benchmark (issue 10 row 6) writes what the service itself would have written: the
 * auditors' log audit verifies the loaded chain, the service reads a loaded case and its history (personal data
 * opened with the loaded case key), and its next write chains onto the loaded head.
 */
@QuarkusTest
class HistoryLoaderTest {

    private static final int EVENTS = 2_000;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void loadedHistoryVerifiesAndTheServiceReadsAndExtendsIt() throws Exception {
        Api.submitted("nl", "AR"); // a log that does not start empty: the loader appends after the service's own events
        long before;
        try (Connection c = dataSource.getConnection()) {
            before = relayedHead(c);
            HistoryLoader.Loaded loaded = new HistoryLoader(HistoryLoader.developmentKek()).load(c, EVENTS);
            assertEquals(EVENTS, loaded.events());
            assertEquals(before + 1, loaded.firstLogseq());
            assertEquals(before + EVENTS, loaded.lastLogseq());

            HistoryLoader.Verified verified = HistoryLoader.verify(c);
            assertTrue(verified.audit().intact(), () -> "chain broken: " + verified.audit().firstBreak());
            assertEquals(before + EVENTS, verified.rows());
            assertEquals(before + EVENTS, verified.audit().headLogseq());
            assertEquals(0, verified.casesWithGaps());
            assertTrue(verified.headMatches());
            assertEquals(0, verified.requestsWithoutEvents());
            // the relay will not publish the loaded events
            assertEquals(before + EVENTS, single(c, "SELECT logseq FROM event_relay_position"));
        }

        // a loaded case with all six steps, NL to AR, as the service shows it to the requesting State
        String id;
        long events;
        String status;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT r.id, r.status, (SELECT count(*) FROM event_log e WHERE e.case_id = r.id::text)"
                     + " FROM mla_request r WHERE r.requesting_state = 'NL' AND r.requested_state = 'AR' AND r.status = 'ACCEPTED'"
                     + " AND EXISTS (SELECT 1 FROM event_log e WHERE e.case_id = r.id::text AND e.logseq > " + before + " AND e.caseseq = 6)"
                     + " LIMIT 1")) {
            assertTrue(rs.next(), "no loaded NL → AR case of six events");
            id = rs.getString(1);
            status = rs.getString(2);
            events = rs.getLong(3);
        }
        assertEquals(6, events);
        as("nl").get("/api/requests/" + id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo(status))
                .header("ETag", "\"" + events + "\"");
        List<String> types = as("nl").get("/api/requests/" + id + "/history").then().statusCode(200).extract().path("type");
        assertEquals(List.of("org.mlaexchange.request.submitted.v1", "org.mlaexchange.request.acknowledged.v1",
                "org.mlaexchange.request.information-requested.v1", "org.mlaexchange.request.information-provided.v1",
                "org.mlaexchange.request.accepted.v1", "org.mlaexchange.request.status-requested.v1"), types);
        String summary = as("nl").get("/api/requests/" + id + "/history").then().extract().path("[0].data.content.summaryOfFacts");
        assertTrue(summary.startsWith("Between 2021 and 2023"), "personal data opened with the loaded key: " + summary);
        // in the log itself, the same text is sealed
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT envelope FROM event_log WHERE case_id = '" + id + "' AND caseseq = 1")) {
            rs.next();
            assertFalse(rs.getString(1).contains("Between 2021 and 2023"), "the loaded envelope holds the text in clear");
        }
        // the service acts on a loaded case (AR answers NL's status question) and on a new one, appending on top of
        // the loaded head: the whole log still verifies, the loaded case's caseseq goes on at 7
        Api.act("ar", id, "answer-status", (int) events, java.util.Map.of("answer", "W-17 is heard on 3 March")).statusCode(200);
        Api.submitted("nl", "AR");
        try (Connection c = dataSource.getConnection()) {
            HistoryLoader.Verified after = HistoryLoader.verify(c);
            assertTrue(after.ok(), () -> "after the service's write: " + after);
            assertTrue(after.rows() > before + EVENTS);
            assertEquals(7, single(c, "SELECT max(caseseq) FROM event_log WHERE case_id = '" + id + "'"));
        }
    }

    /** The log's head, once the relay has published all of it (the loader refuses a log not fully published). */
    static long relayedHead(Connection c) throws SQLException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            long head = single(c, "SELECT logseq FROM event_log_head");
            if (single(c, "SELECT logseq FROM event_relay_position") == head) {
                return head;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the relay did not publish the log within 10 s");
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
