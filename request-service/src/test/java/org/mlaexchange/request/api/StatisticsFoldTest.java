package org.mlaexchange.request.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.statistics.Statistics;
import org.mlaexchange.contracts.statistics.StatisticsQuery;
import org.mlaexchange.platform.testing.ReplayedStatistics;
import org.mlaexchange.platform.testing.Tokens;

/**
 * The statistics of a long history: the service keeps each case's figures and folds only the events appended
 * since the last call. A history loaded all at once (as after an upgrade) is folded in the background: until it
 * is, a call is answered 503 with Retry-After, never held for minutes nor run out of memory; then the figures are
 * those the auditors fold from the replayed log, and each later call folds only what is new.
 */
@QuarkusTest
@TestProfile(StatisticsFoldTest.ShortWait.class)
class StatisticsFoldTest {

    private static final int EVENTS = 20_000;

    public static class ShortWait implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mla.statistics.fold-wait", "200ms");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @Test
    void aLongHistoryIsFoldedInTheBackgroundAndThenEachCallFoldsOnlyWhatIsNew() throws Exception {
        Api.submitted("nl", "AR");
        try (Connection c = dataSource.getConnection()) {
            HistoryLoaderTest.relayedHead(c); // the loader appends only after a published log
            new HistoryLoader(HistoryLoader.developmentKek()).load(c, EVENTS);
        }

        Response first = given().auth().oauth2(Tokens.auditor("oversight")).accept("application/json").get("/api/statistics");
        first.then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("type", equalTo("urn:mla-exchange:problem:statistics-folding"))
                .body("detail", containsString("events still to fold"));

        Statistics all = null;
        for (long deadline = System.nanoTime() + 120_000_000_000L; all == null && System.nanoTime() < deadline; ) {
            Response r = given().auth().oauth2(Tokens.auditor("oversight")).accept("application/json").get("/api/statistics");
            if (r.statusCode() == 200) {
                all = EventJson.mapper().readValue(r.asString(), Statistics.class);
            } else {
                assertEquals(503, r.statusCode(), r.asString());
                Thread.sleep(500);
            }
        }
        assertTrue(all != null, "the history was not folded within two minutes");
        assertEquals(count("SELECT count(*) FROM mla_request"), all.cases());
        assertEquals(0, count("SELECT h.logseq - p.logseq FROM event_log_head h, statistics_position p"), "folded to the head");

        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var replayed = ReplayedStatistics.of("request-service");
        assertEquals(all, replayed.result(new StatisticsQuery(null, null, null, null, today)));

        // a new case is in the next call's figures, folded within the call
        Api.submitted("ar", "NL");
        Statistics nl = EventJson.mapper().readValue(given().auth().oauth2(Tokens.officer("nl")).accept("application/json")
                .get("/api/statistics").then().statusCode(200).extract().asString(), Statistics.class);
        assertEquals(ReplayedStatistics.of("request-service").result(new StatisticsQuery(StateCode.of("NL"), null, null, null, today)), nl);
        assertEquals(all.cases() + 1, EventJson.mapper().readValue(given().auth().oauth2(Tokens.auditor("oversight"))
                .accept("application/json").get("/api/statistics").then().statusCode(200).extract().asString(), Statistics.class).cases());
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
