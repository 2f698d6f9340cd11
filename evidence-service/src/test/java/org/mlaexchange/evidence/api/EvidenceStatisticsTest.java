package org.mlaexchange.evidence.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.statistics.LogStatistics;
import org.mlaexchange.contracts.statistics.Statistics;
import org.mlaexchange.contracts.statistics.StatisticsQuery;
import org.mlaexchange.platform.projection.KnownRequests;
import org.mlaexchange.platform.testing.KafkaTopicReset;
import org.mlaexchange.platform.testing.ReplayedStatistics;
import org.mlaexchange.platform.testing.Tokens;

/** Transfers and their items counted for the two States and the oversight body, the same as folded from the replayed log. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTopicReset.class,
        initArgs = @ResourceArg(name = "topics", value = "evidence-test.mla.request.events,evidence-test.mla.evidence.events"))
class EvidenceStatisticsTest {

    @Inject
    KnownRequests known;

    @Test
    void transfersAndItemsAgreeWithTheReplayedLog() throws Exception {
        // a window closed ten minutes from now: tests that move the service's clock leave cases dated days ahead
        String until = Instant.now().plusSeconds(600).toString();
        String from = Instant.now().minusSeconds(1) + "&to=" + until;
        // what the window holds already (other tests of this run may have cases in it): this test counts its own
        Statistics nlBefore = statistics(Tokens.officer("nl"), from);
        long snBefore = statistics(Tokens.officer("sn"), from).cases();
        UUID request = Evidence.requestInExecution(known);
        String delivered = Evidence.openTransfer("ar", request);
        String item = Evidence.register("ar", delivered, Evidence.document("Bank statements 2021-2023"));
        byte[] content = Evidence.bytes(4096, 7);
        Evidence.upload("ar", item, content, Evidence.digestHeader(content)).statusCode(200);
        Evidence.act("ar", "/api/transfers/" + delivered, "dispatch", Map.of()).statusCode(200);
        Evidence.act("nl", "/api/items/" + item, "receipt", Map.of("sha256", Evidence.hex(content))).statusCode(200);
        String open = Evidence.openTransfer("ar", request);
        Evidence.register("ar", open, Evidence.document("Ledger"));
        String deliveredStatus = Evidence.as("ar").get("/api/transfers/" + delivered).then().statusCode(200).extract().path("status");

        Statistics nl = statistics(Tokens.officer("nl"), from);
        assertEquals(2, nl.cases() - nlBefore.cases());
        assertEquals(1, added(nl.casesByStatus(), nlBefore.casesByStatus(), deliveredStatus));
        assertEquals(1, added(nl.casesByStatus(), nlBefore.casesByStatus(), "OPEN"));
        assertEquals(1, added(nl.itemsByStatus(), nlBefore.itemsByStatus(), "VERIFIED"));
        assertEquals(1, added(nl.itemsByStatus(), nlBefore.itemsByStatus(), "REGISTERED"));
        assertEquals(1, nl.timings().get("execute").count() - nlBefore.timings().get("execute").count(),
                "one transfer went from opening to dispatch");
        assertEquals(snBefore, statistics(Tokens.officer("sn"), from).cases(), "SN is party to none of them");
        Statistics all = statistics(Tokens.auditor("oversight"), from);

        LogStatistics replayed = ReplayedStatistics.of("evidence-service");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant since = Instant.parse(from.substring(0, from.indexOf('&')));
        assertEquals(nl, replayed.result(new StatisticsQuery(StateCode.of("NL"), null, since, Instant.parse(until), today)));
        assertEquals(statistics(Tokens.officer("ar"), from), replayed.result(new StatisticsQuery(StateCode.of("AR"), null, since, Instant.parse(until), today)));
        assertEquals(all, replayed.result(new StatisticsQuery(null, null, since, Instant.parse(until), today)));
    }

    private static long added(Map<String, Long> after, Map<String, Long> before, String key) {
        return after.getOrDefault(key, 0L) - before.getOrDefault(key, 0L);
    }

    private static Statistics statistics(String token, String from) throws Exception {
        String body = given().auth().oauth2(token).accept("application/json").get("/api/statistics?from=" + from)
                .then().statusCode(200).extract().asString();
        return EventJson.mapper().readValue(body, Statistics.class);
    }
}
