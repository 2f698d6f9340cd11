package org.mlaexchange.request.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.request.api.Api.step;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.statistics.LogStatistics;
import org.mlaexchange.contracts.statistics.Statistics;
import org.mlaexchange.contracts.statistics.StatisticsQuery;
import org.mlaexchange.platform.testing.ReplayedStatistics;
import org.mlaexchange.platform.testing.TestClock;
import org.mlaexchange.platform.testing.Tokens;

/**
 * Statistics for central authorities (their own cases) and the oversight body (every case, aggregates
 * only), in JSON and CSV; and the same figures recomputed from the replayed, verified log as
 * {@code mla-audit stats} does, so they are auditable and not only reported.
 */
@QuarkusTest
class StatisticsTest {

    private static final Map<String, Object> AR_CONTACT = Map.of("caseReference", "AR-STATS-1",
            "contact", Map.of("name", "M. Gómez", "email", "mgomez@ar.demo", "phone", "+54 11 0000 0001"));

    @Inject
    TestClock clock;

    @BeforeEach
    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void eachStateSeesItsOwnCasesTheOversightBodyAllAndTheReplayedLogGivesTheSameFigures() throws Exception {
        // this test's cases alone in its window: it opens now, on the service's own clock (real time again: other tests
        // move it), so cases other tests wrote in the second before are not counted (a window from one second before
        // counted two of them), and closes ten minutes on: tests that move the clock leave cases dated days ahead
        String from = clock.instant().toString();
        String until = clock.instant().plusSeconds(600).toString();
        String window = "from=" + from + "&to=" + until;
        // NL → AR: acknowledged, consulted, refused on two grounds
        String refused = Api.submitted("nl", "AR");
        step("ar", refused, "acknowledge", AR_CONTACT);
        step("ar", refused, "open-consultation", Map.of("matters", List.of("Ongoing domestic case")));
        step("ar", refused, "refuse", Map.of("measureIds", List.of("m1", "m2"), "grounds", List.of("ESSENTIAL_INTERESTS", "NE_BIS_IN_IDEM"),
                "reasons", "The suspect was tried for the same acts in Argentina"));
        // NL → SN: acknowledged only; SN → AR: submitted only (NL is not a party)
        String acknowledged = Api.submitted("nl", "SN");
        step("sn", acknowledged, "acknowledge", AR_CONTACT);
        Api.submitted("sn", "AR");
        // spontaneous information in the same log: NL → AR acknowledged after a use consent was denied; NL → SN declined;
        // AR → NL sent only; SN → AR (NL is not a party)
        String acknowledgedInfo = SpontaneousInformationApiTest.sent("nl", "AR", false);
        SpontaneousInformationApiTest.act("ar", acknowledgedInfo, "acknowledge", 1, AR_CONTACT).statusCode(200);
        SpontaneousInformationApiTest.act("ar", acknowledgedInfo, "request-use-consent", 2, Map.of("purpose", "ONWARD_TRANSFER",
                "thirdState", "SN", "description", "Share with SN's war crimes unit")).statusCode(200);
        SpontaneousInformationApiTest.act("nl", acknowledgedInfo, "decide-use-consent", 3, Map.of("decision", "DENIED",
                "reasons", "Not beyond AR")).statusCode(200);
        String declinedInfo = SpontaneousInformationApiTest.sent("nl", "SN", true);
        SpontaneousInformationApiTest.act("sn", declinedInfo, "decline-conditions", 1, Map.of("reasons", "Our hearings are public"))
                .statusCode(200);
        SpontaneousInformationApiTest.sent("ar", "NL", false);
        SpontaneousInformationApiTest.sent("sn", "AR", false);

        Statistics nl = statistics("nl", window);
        assertEquals(2, nl.cases());
        assertEquals(Map.of("REFUSED", 1L, "ACKNOWLEDGED", 1L), nl.casesByStatus());
        assertEquals(Map.of("ESSENTIAL_INTERESTS", 1L, "NE_BIS_IN_IDEM", 1L), nl.refusalsByGround());
        assertEquals(2, nl.timings().get("acknowledge").count());
        assertEquals(1, nl.timings().get("decide").count());
        assertEquals(0, nl.timings().get("execute").count());
        assertTrue(nl.timings().get("acknowledge").medianMillis() <= nl.timings().get("acknowledge").p90Millis());
        assertEquals("NL", nl.scope());
        Statistics.SpontaneousFigures nlInfo = nl.spontaneousInformation();
        assertEquals(3, nlInfo.cases(), "spontaneous information is counted apart from the requests");
        assertEquals(Map.of("ACKNOWLEDGED", 1L, "CONDITIONS_DECLINED", 1L, "SENT", 1L), nlInfo.casesByStatus());
        assertEquals(Map.of("AR", 1L, "SN", 1L), nlInfo.sentTo());
        assertEquals(Map.of("AR", 1L), nlInfo.receivedFrom());
        assertEquals(1, nlInfo.acknowledge().count());
        assertEquals(1, nlInfo.conditionsDeclined());
        assertEquals(Map.of("DENIED", 1L), nlInfo.useConsents());

        Statistics nlWithSn = statistics("nl", window + "&counterpart=SN");
        assertEquals(Map.of("ACKNOWLEDGED", 1L), nlWithSn.casesByStatus());
        assertEquals(Map.of("CONDITIONS_DECLINED", 1L), nlWithSn.spontaneousInformation().casesByStatus());
        Statistics ar = statistics("ar", window);
        assertEquals(Map.of("REFUSED", 1L, "SUBMITTED", 1L), ar.casesByStatus());

        String oversightBody = given().auth().oauth2(Tokens.auditor("oversight")).accept("application/json")
                .get("/api/statistics?" + window).then().statusCode(200)
                .body(not(containsString(refused))).body(not(containsString(acknowledged))).extract().asString();
        Statistics all = EventJson.mapper().readValue(oversightBody, Statistics.class);
        assertEquals(3, all.cases());
        assertEquals(Statistics.ALL, all.scope());
        assertEquals(4, all.spontaneousInformation().cases());
        assertEquals(Map.of("AR", 2L, "NL", 1L, "SN", 1L), all.spontaneousInformation().sentTo(), "by receiving State");
        assertEquals(Map.of("AR", 1L, "NL", 2L, "SN", 1L), all.spontaneousInformation().receivedFrom(), "by providing State");

        // CSV of the same figures
        given().auth().oauth2(Tokens.officer("nl")).accept("text/csv").get("/api/statistics?" + window).then().statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString("figure,key,value\r\n"))
                .body(containsString("cases,,2\r\n"))
                .body(containsString("refusals-by-ground,NE_BIS_IN_IDEM,1\r\n"))
                .body(containsString("cases-by-status,REFUSED,1\r\n"))
                .body(containsString("spontaneous-information,,3\r\n"))
                .body(containsString("spontaneous-information-sent-to,SN,1\r\n"))
                .body(containsString("spontaneous-information-use-consents,DENIED,1\r\n"));

        // what the audit CLI does: replay the whole log as the oversight body, verify its chain, fold it
        LogStatistics replayed = ReplayedStatistics.of("request-service");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Instant since = Instant.parse(from);
        assertEquals(nl, replayed.result(new StatisticsQuery(StateCode.of("NL"), null, since, Instant.parse(until), today)));
        assertEquals(nlWithSn, replayed.result(new StatisticsQuery(StateCode.of("NL"), StateCode.of("SN"), since, Instant.parse(until), today)));
        assertEquals(ar, replayed.result(new StatisticsQuery(StateCode.of("AR"), null, since, Instant.parse(until), today)));
        assertEquals(all, replayed.result(new StatisticsQuery(null, null, since, Instant.parse(until), today)));
        // and over the whole history, not only this test's cases
        assertEquals(statistics("nl", ""), replayed.result(new StatisticsQuery(StateCode.of("NL"), null, null, null, today)));
    }

    @Test
    void badParametersAreNamedAndATokenIsNeeded() {
        given().auth().oauth2(Tokens.officer("nl")).accept("application/json").get("/api/statistics?counterpart=XX").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("counterpart"));
        given().auth().oauth2(Tokens.officer("nl")).accept("application/json").get("/api/statistics?from=yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().auth().oauth2(Tokens.officer("nl")).accept("application/json").get("/api/statistics?from=2026-12-01&to=2026-11-01")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().accept("application/json").get("/api/statistics").then().statusCode(401);
        // a client that takes anything gets JSON
        given().auth().oauth2(Tokens.officer("nl")).get("/api/statistics").then().statusCode(200).contentType(containsString("application/json"));
    }

    private static Statistics statistics(String realm, String query) throws Exception {
        String body = given().auth().oauth2(Tokens.officer(realm)).accept("application/json").get("/api/statistics" + (query.isEmpty() ? "" : "?" + query))
                .then().statusCode(200).extract().asString();
        return EventJson.mapper().readValue(body, Statistics.class);
    }
}
