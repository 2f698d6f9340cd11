package org.mlaexchange.request.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.mlaexchange.platform.testing.Tokens;

/**
 * Many changes at once share group commits: each caller still gets its own answer and receipts, a
 * refused change leaves no trace and takes no other change with it, and the log stays one gap-free chain.
 */
@QuarkusTest
class GroupCommitTest {

    private static final int CALLERS = 16;
    private static final int CHANGES_EACH = 12;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void concurrentChangesEachGetTheirOwnReceiptsAndRefusalsLeaveNoTrace() throws Exception {
        String shared = Api.submitted("nl", "AR");
        String nl = Tokens.officer("nl");
        String ar = Tokens.officer("ar");
        long eventsBefore = count("SELECT count(*) FROM event_log");
        long requestsBefore = count("SELECT count(*) FROM mla_request");

        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        List<Future<List<ExtractableResponse<Response>>>> callers = new ArrayList<>();
        for (int c = 0; c < CALLERS; c++) {
            int caller = c;
            callers.add(pool.submit(() -> {
                List<ExtractableResponse<Response>> answers = new ArrayList<>();
                for (int i = 0; i < CHANGES_EACH; i++) {
                    // every third change breaks a rule (no measures), every fifth acts on a stale version
                    String body = i % 3 == 2 ? Api.submission("AR").replaceAll("\"measures\": \\[[^\\]]*\\]", "\"measures\": []")
                            : Api.submission(caller % 2 == 0 ? "AR" : "SN");
                    answers.add(i % 5 == 4
                            ? given().auth().oauth2(ar).contentType("application/json").header("If-Match", "\"99\"")
                                    .body(java.util.Map.of("caseReference", "AR-1", "contact", java.util.Map.of("name", "M. Gómez",
                                            "email", "mgomez@ar.demo"))).post("/api/requests/" + shared + "/acknowledge").then().extract()
                            : given().auth().oauth2(nl).contentType("application/json").body(body).post("/api/requests").then().extract());
                }
                return answers;
            }));
        }
        List<ExtractableResponse<Response>> answers = new ArrayList<>();
        for (Future<List<ExtractableResponse<Response>>> caller : callers) {
            answers.addAll(caller.get());
        }
        pool.shutdown();

        Set<Long> logseqs = new HashSet<>();
        Set<String> requestIds = new HashSet<>();
        int accepted = 0;
        for (ExtractableResponse<Response> answer : answers) {
            int status = answer.statusCode();
            assertTrue(status == 201 || status == 422 || status == 412, "unexpected " + status + ": " + answer.asString());
            if (status == 201) {
                accepted++;
                String id = answer.path("case.id");
                assertEquals(id, answer.path("receipts[0].caseId"), "a caller got another change's receipt");
                assertEquals(1, (int) answer.path("receipts[0].caseseq"));
                assertTrue(logseqs.add(((Number) answer.path("receipts[0].logseq")).longValue()), "two changes got one logseq");
                requestIds.add(id);
            } else {
                assertEquals("application/problem+json", answer.contentType());
            }
        }
        assertEquals(accepted, requestIds.size());
        assertTrue(accepted > 0 && accepted < answers.size(), "the mix holds accepted and refused changes");
        // exactly one event and one row per accepted change: the refused ones left nothing
        assertEquals(eventsBefore + accepted, count("SELECT count(*) FROM event_log"));
        assertEquals(requestsBefore + accepted, count("SELECT count(*) FROM mla_request"));
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
