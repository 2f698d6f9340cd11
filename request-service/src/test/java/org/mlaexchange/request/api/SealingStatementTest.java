package org.mlaexchange.request.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.mlaexchange.platform.testing.Tokens;

/**
 * A group is sealed by one statement when the log's head is where this service left it, and by two when
 * another writer moved it meanwhile (here the history loader, as another instance of the service would): the
 * second chains the group after the true head under its lock, and the log stays one gap-free chain.
 */
@QuarkusTest
@TestProfile(LostCommitTest.ThroughProxy.class)
class SealingStatementTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void oneStatementWhenTheHeadIsWhereTheServiceLeftItTwoWhenAnotherWriterMovedIt() throws Exception {
        Api.submitted("nl", "AR"); // the service has left the head somewhere
        int before = LostCommitTest.PROXY.sealings();
        long second = logseq(Api.submit("nl", Api.submission("AR")).statusCode(201).extract().path("receipts[0].logseq"));
        assertEquals(before + 1, LostCommitTest.PROXY.sealings(), "the head where the service left it: one statement");

        long loadedHead;
        try (Connection c = dataSource.getConnection()) {
            awaitRelayed();
            loadedHead = new HistoryLoader(HistoryLoader.developmentKek()).load(c, 20).lastLogseq();
        }
        before = LostCommitTest.PROXY.sealings();
        long third = logseq(Api.submit("nl", Api.submission("AR")).statusCode(201).extract().path("receipts[0].logseq"));
        assertEquals(before + 2, LostCommitTest.PROXY.sealings(), "the head moved by another writer: chained again after it");
        assertEquals(loadedHead + 1, third, "chained right after the head the other writer left");
        assertEquals(second + 1, count("SELECT min(logseq) FROM event_log WHERE logseq > " + second),
                "no gap after the service's own event");
        io.restassured.RestAssured.given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/verify").then()
                .statusCode(200).body("intact", equalTo(true));
    }

    private static long logseq(Object receipt) {
        return ((Number) receipt).longValue();
    }

    private void awaitRelayed() throws Exception {
        for (int i = 0; i < 100; i++) {
            if (count("SELECT h.logseq - r.logseq FROM event_log_head h, event_relay_position r") == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the relay did not publish the log within 10 s");
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
