package org.mlaexchange.extradition.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.extradition.api.Extraditions.step;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.statistics.LogStatistics;
import org.mlaexchange.contracts.statistics.Statistics;
import org.mlaexchange.contracts.statistics.StatisticsQuery;
import org.mlaexchange.platform.testing.ReplayedStatistics;
import org.mlaexchange.platform.testing.Tokens;

/**
 * Extraditions by outcome and refusals by ground; the oversight body's figures carry no identity, and
 * its replay of the log (a protected person's identity withheld from it) gives the same figures.
 */
@QuarkusTest
class ExtraditionStatisticsTest {

    @Test
    void outcomesAndGroundsAgreeWithTheReplayedLog() throws Exception {
        String from = Instant.now().minusSeconds(1).toString();
        Map<String, Object> national = Extraditions.person(Extraditions.passport(), true, "SN");
        String refused = Extraditions.submit("nl", Extraditions.submission("SN", Extraditions.formalRequest(national))).statusCode(201)
                .extract().path("case.id");
        step("sn", refused, "acknowledge", Extraditions.acknowledgement());
        step("sn", refused, "refuse", Map.of("grounds", List.of("NATIONALITY"), "reasons", "A national of Senegal"));
        step("sn", refused, "submit-for-prosecution", Map.of("prosecutingAuthority", "Procureur de la République, Dakar",
                "caseReference", "PR-DK-2026-312"));
        Extraditions.submitted("nl", "AR");

        Statistics nl = statistics(Tokens.officer("nl"), from);
        assertEquals(2, nl.cases());
        assertEquals(Map.of("REFUSED_SUBMITTED_FOR_PROSECUTION", 1L, "PENDING", 1L), nl.outcomes());
        assertEquals(Map.of("NATIONALITY", 1L), nl.refusalsByGround());
        assertEquals(Map.of("SUBMITTED_FOR_PROSECUTION", 1L, "REQUEST_SUBMITTED", 1L), nl.casesByStatus());
        assertEquals(1, nl.timings().get("acknowledge").count());
        assertEquals(1, nl.timings().get("decide").count());
        Statistics sn = statistics(Tokens.officer("sn"), from);
        assertEquals(1, sn.cases());

        String surname = ((List<?>) national.get("names")).get(0).toString();
        String body = given().auth().oauth2(Tokens.auditor("oversight")).accept("application/json")
                .get("/api/statistics?from=" + from).then().statusCode(200)
                .body(not(containsString(refused))).body(not(containsString(surname))).extract().asString();
        Statistics all = EventJson.mapper().readValue(body, Statistics.class);
        assertEquals(2, all.cases());

        assertTrue(given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/events").then().statusCode(200).extract().asString()
                .contains("\"redacted\""), "the protected person is withheld from the oversight body's replay");
        LogStatistics replayed = ReplayedStatistics.of("extradition-service");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant since = Instant.parse(from);
        assertEquals(nl, replayed.result(new StatisticsQuery(StateCode.of("NL"), null, since, null, today)));
        assertEquals(sn, replayed.result(new StatisticsQuery(StateCode.of("SN"), null, since, null, today)));
        assertEquals(all, replayed.result(new StatisticsQuery(null, null, since, null, today)));
    }

    private static Statistics statistics(String token, String from) throws Exception {
        String body = given().auth().oauth2(token).accept("application/json").get("/api/statistics?from=" + from)
                .then().statusCode(200).extract().asString();
        return EventJson.mapper().readValue(body, Statistics.class);
    }
}
