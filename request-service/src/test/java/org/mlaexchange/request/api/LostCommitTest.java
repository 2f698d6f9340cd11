package org.mlaexchange.request.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlaexchange.platform.testing.Tokens;

/**
 * The database goes away during a submission's COMMIT (a proxy in front of PostgreSQL breaks the connection
 * there). The caller is told what became of it: kept and answered as kept; never reached the database and
 * refused with nothing stored; or, the database staying away, a 503 that says the outcome is unknown and
 * names the case, never "nothing was changed" for a request that is in the log.
 */
@QuarkusTest
@TestProfile(LostCommitTest.ThroughProxy.class)
class LostCommitTest {

    static final CommitCuttingProxy PROXY = new CommitCuttingProxy("127.0.0.1", Integer.getInteger("stack.db-port", 5442));

    /** Every connection of the service goes through the proxy, with each statement's text in each execution. */
    public static class ThroughProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stack.db-port", String.valueOf(PROXY.port()),
                    "quarkus.datasource.jdbc.additional-jdbc-properties.prepareThreshold", "0");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void databaseInReach() throws InterruptedException {
        while (!PROXY.up()) {
            Thread.sleep(50);
        }
    }

    @Test
    void aCommitKeptWhoseAnswerWasLostIsAnsweredAsKept() throws SQLException {
        int cuts = PROXY.cuts();
        long requests = count("SELECT count(*) FROM mla_request");
        PROXY.arm(CommitCuttingProxy.Cut.AFTER_COMMIT, Duration.ZERO);

        ExtractableResponse<Response> answer = Api.submit("nl", Api.submission("AR")).extract();

        assertEquals(cuts + 1, PROXY.cuts(), "the proxy broke the connection after the database answered the COMMIT");
        assertEquals(201, answer.statusCode(), answer.asString());
        String id = answer.path("case.id");
        assertTrue(PROXY.cutGroup().contains(id), "the cut commit was this submission's");
        assertEquals(requests + 1, count("SELECT count(*) FROM mla_request"));
        assertEquals(1, count("SELECT count(*) FROM event_log WHERE event_id = '" + answer.path("receipts[0].eventId") + "'"));
        Api.as("nl").get("/api/requests/" + id).then().statusCode(200).body("id", equalTo(id)).body("status", equalTo("SUBMITTED"));
        Api.as("ar").get("/api/requests/" + id).then().statusCode(200);
        intact();
    }

    @Test
    void aCommitThatNeverReachedTheDatabaseIsRefusedAndLeavesNothing() throws SQLException {
        int cuts = PROXY.cuts();
        long requests = count("SELECT count(*) FROM mla_request");
        long events = count("SELECT count(*) FROM event_log");
        PROXY.arm(CommitCuttingProxy.Cut.BEFORE_COMMIT, Duration.ZERO);

        Api.submit("nl", Api.submission("AR")).statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("type", equalTo("urn:mla-exchange:problem:unavailable"));

        assertEquals(cuts + 1, PROXY.cuts(), "the proxy broke the connection before the COMMIT reached the database");
        assertTrue(PROXY.cutGroup().contains("org.mlaexchange.request.submitted"), "the cut commit was a submission's");
        assertEquals(requests, count("SELECT count(*) FROM mla_request"));
        assertEquals(events, count("SELECT count(*) FROM event_log"));
        Api.submit("nl", Api.submission("AR")).statusCode(201);
        intact();
    }

    @Test
    void aCommitKeptWhileTheDatabaseStaysAwayIsAnsweredOutcomeUnknownNamingTheCase() throws Exception {
        int cuts = PROXY.cuts();
        Duration away = Duration.ofSeconds(3);
        PROXY.arm(CommitCuttingProxy.Cut.AFTER_COMMIT, away);

        ExtractableResponse<Response> answer = Api.submit("nl", Api.submission("AR")).extract();

        assertEquals(cuts + 1, PROXY.cuts());
        assertEquals(503, answer.statusCode(), answer.asString());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals("urn:mla-exchange:problem:outcome-unknown", answer.path("type"));
        assertTrue(answer.header("Retry-After") != null);
        List<String> cases = answer.path("cases");
        assertEquals(1, cases.size(), answer.asString());
        assertTrue(PROXY.cutGroup().contains(cases.get(0)), "the case named is the one whose commit was cut");

        // once the database is back, the case named is there: it was kept, as the answer said it may have been
        databaseInReach();
        Api.as("nl").get("/api/requests/" + cases.get(0)).then().statusCode(200).body("id", equalTo(cases.get(0)));
        intact();
    }

    private void intact() {
        io.restassured.RestAssured.given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/verify").then()
                .statusCode(200).body("intact", equalTo(true));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
