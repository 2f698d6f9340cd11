package org.mlaexchange.request.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.platform.testing.PersonalDataTraces.assertEveryLogVerifies;
import static org.mlaexchange.platform.testing.PersonalDataTraces.column;
import static org.mlaexchange.request.api.Api.as;
import static org.mlaexchange.request.api.Api.step;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.request.RequestEventTypes;

/**
 * The operator's retention rule (platform RetentionRule, on the management interface): a request and spontaneous
 * information settled longer ago than the period are listed by the dry run and erased by the command, each with its
 * own erasure event by no State; a request settled within the period and one in progress are neither; the log verifies.
 */
@QuarkusTest
@TestProfile(OperatorCommandsProfile.class)
class RetentionTest {

    private static final String FACTS = "contentVersions[0].summaryOfFacts";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRequestPastItsRetentionIsErasedByTheOperatorsCommandOneWithinItIsNot() throws Exception {
        String expired = Api.submitted("nl", "AR");
        step("nl", expired, "withdraw", Map.of("reasons", "No longer needed"));
        String inProgress = Api.submitted("nl", "AR");
        // spontaneous information NL sent and closed: a kind of its own under the same rule
        String information = SpontaneousInformationApiTest.sent("nl", "AR", false);
        SpontaneousInformationApiTest.act("ar", information, "acknowledge", 1, Map.of("caseReference", "AR-SI-RET",
                "contact", Map.of("name", "L. Fernandez", "email", "lf@ar.demo"))).statusCode(200);
        SpontaneousInformationApiTest.act("nl", information, "close", 2, Map.of("note", "Nothing further")).statusCode(200);
        Thread.sleep(3_500); // the test profile's period: PT3S from the last event
        String recent = Api.submitted("nl", "AR");
        step("nl", recent, "withdraw", Map.of("reasons", "No longer needed"));
        String facts = as("nl").get("/api/requests/" + expired).then().statusCode(200).extract().path(FACTS);

        // the dry run lists the request past its retention only, and changes nothing
        List<String> due = given().port(Api.managementPort()).get("/mla/retention").then().statusCode(200)
                .body("dryRun", equalTo(true)).body("period", equalTo("PT3S")).body("erased", equalTo(0))
                .extract().path("due.id");
        assertTrue(due.contains(expired), "past its retention: " + due);
        assertTrue(due.contains(information), "spontaneous information past its retention: " + due);
        assertFalse(due.contains(recent), "within its retention: " + due);
        assertFalse(due.contains(inProgress), "not settled: " + due);
        as("nl").get("/api/requests/" + expired).then().statusCode(200).body(FACTS, equalTo(facts));
        // the public API does not offer the command
        as("nl").post("/mla/retention").then().statusCode(404);

        // the command erases it, by the request's own erasure: no State, retention as the reason
        given().port(Api.managementPort()).post("/mla/retention").then().statusCode(200)
                .body("dryRun", equalTo(false)).body("due.id", hasItem(expired)).body("due.id", not(hasItem(recent)))
                .body("refused", equalTo(List.of())).body("erased", equalTo(due.size()));
        as("nl").get("/api/requests/" + expired).then().statusCode(200)
                .body(FACTS, equalTo("erased"))
                .body("erasure.erasedBy", nullValue())
                .body("erasure.reason", equalTo("RETENTION_PERIOD_ENDED"))
                .body("allowedActions", equalTo(List.of()));
        as("ar").get("/api/requests/" + expired + "/history").then().statusCode(200)
                .body("[-1].type", equalTo(RequestEventTypes.PERSONAL_DATA_ERASED))
                .body("[-1].actorstate", nullValue())
                .body("[-1].data.reason", equalTo("RETENTION_PERIOD_ENDED"));
        assertEquals(null, column(dataSource, "SELECT encode(wrapped_key, 'hex') FROM case_data_key WHERE case_id = ?", expired));
        assertEquals("- RETENTION_PERIOD_ENDED", column(dataSource,
                "SELECT coalesce(erased_by, '-') || ' ' || erasure_reason FROM case_data_key WHERE case_id = ?", expired));
        as("nl").get("/api/spontaneous-information/" + information).then().statusCode(200)
                .body("information.summary", equalTo("erased"))
                .body("erasure.erasedBy", nullValue())
                .body("erasure.reason", equalTo("RETENTION_PERIOD_ENDED"));
        assertEquals("- RETENTION_PERIOD_ENDED", column(dataSource,
                "SELECT coalesce(erased_by, '-') || ' ' || erasure_reason FROM case_data_key WHERE case_id = ?", information));
        for (String kept : List.of(recent, inProgress)) {
            as("nl").get("/api/requests/" + kept).then().statusCode(200).body(FACTS, equalTo(facts)).body("erasure", nullValue());
        }
        // done once: the next run does not list it again
        given().port(Api.managementPort()).get("/mla/retention").then().statusCode(200).body("due.id", not(hasItem(expired)));

        assertEveryLogVerifies("request-service", "the retention erasure of " + expired);
    }
}
