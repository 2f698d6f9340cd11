package org.mlaexchange.extradition.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.mlaexchange.extradition.api.Extraditions.as;
import static org.mlaexchange.extradition.api.Extraditions.step;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two States ask Argentina for the same person (model ECE 17): Argentina sees each case flagged with the
 * other; neither requesting State learns of the other's case.
 */
@QuarkusTest
class ConcurrentRequestsApiTest {

    @Test
    void theRequestedStateSeesBothRequestsAndRecordsItsChoice() {
        String passport = Extraditions.passport();
        // the two descriptions differ in name; the passport is the same
        String fromNl = Extraditions.submit("nl", Extraditions.submission("AR",
                        Extraditions.formalRequest(Extraditions.person(passport, false, "AR"))))
                .statusCode(201).extract().path("case.id");
        String fromSn = Extraditions.submit("sn", Extraditions.submission("AR",
                        Extraditions.formalRequest(Extraditions.person(passport, false, "AR"))))
                .statusCode(201)
                .body("extradition", not(hasKey("concurrentCaseIds")))
                .extract().path("case.id");

        as("ar").get("/api/extraditions/" + fromNl).then().statusCode(200).body("concurrentCaseIds", equalTo(List.of(fromSn)));
        as("ar").get("/api/extraditions/" + fromSn).then().statusCode(200).body("concurrentCaseIds", equalTo(List.of(fromNl)));
        // neither requesting State sees the flag, nor the other's case
        as("nl").get("/api/extraditions/" + fromNl).then().statusCode(200).body("$", not(hasKey("concurrentCaseIds")));
        as("nl").get("/api/extraditions/" + fromSn).then().statusCode(404);
        as("nl").get("/api/extraditions?limit=100").then().body("items.id", not(hasItem(fromSn)));
        as("sn").get("/api/extraditions/" + fromSn).then().statusCode(200).body("$", not(hasKey("concurrentCaseIds")));
        as("sn").get("/api/extraditions/" + fromNl).then().statusCode(404);

        // AR weighs the requests and chooses NL's; the ids it weighed stay with AR
        step("ar", fromNl, "acknowledge", Extraditions.acknowledgement())
                .body("case.concurrentCaseIds", equalTo(List.of(fromSn)));
        step("ar", fromNl, "record-concurrent-requests", Map.of(
                "otherCaseIds", List.of(fromSn),
                "factors", List.of(Map.of("factor", "DATES_OF_REQUESTS", "assessment", "The Dutch request arrived first"),
                        Map.of("factor", "SERIOUSNESS_OF_OFFENCES", "assessment", "Comparable")),
                "chosenCaseId", fromNl,
                "reasons", "Earlier request for offences of comparable seriousness"))
                .body("case.concurrentRequests.chosenCaseId", equalTo(fromNl))
                .body("case.concurrentRequests.otherCaseIds", equalTo(List.of(fromSn)));
        as("nl").get("/api/extraditions/" + fromNl).then().statusCode(200)
                .body("concurrentRequests.chosenCaseId", equalTo(fromNl))
                .body("concurrentRequests.reasons", equalTo("Earlier request for offences of comparable seriousness"))
                .body("concurrentRequests.otherCaseIds", nullValue());
        as("nl").get("/api/extraditions/" + fromNl + "/history").then().statusCode(200)
                .body("find { it.type == 'org.mlaexchange.extradition.concurrent-requests-recorded.v1' }.data.otherCaseIds", nullValue());
        // nor through the audit replay: NL's auditor gets the event with the other case withheld and marked
        String nlReplay = io.restassured.RestAssured.given().auth().oauth2(org.mlaexchange.platform.testing.Tokens.auditor("nl"))
                .get("/api/audit/events?case=" + fromNl).then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(nlReplay.contains(fromSn), "the other State's case reached NL's auditor");
        org.junit.jupiter.api.Assertions.assertTrue(nlReplay.contains("\"redacted\":\"other-cases\""), nlReplay);
        String arReplay = io.restassured.RestAssured.given().auth().oauth2(org.mlaexchange.platform.testing.Tokens.auditor("ar"))
                .get("/api/audit/events?case=" + fromNl).then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(arReplay.contains(fromSn) && !arReplay.contains("redacted"), "AR recorded it");
    }

    @Test
    void onlyCasesOfTheRequestedStateCanBeWeighed() {
        String fromNl = Extraditions.submitted("nl", "AR");
        String elsewhere = Extraditions.submitted("nl", "SN");
        Extraditions.act("ar", fromNl, "record-concurrent-requests", 1, Map.of(
                        "otherCaseIds", List.of(elsewhere),
                        "factors", List.of(Map.of("factor", "DATES_OF_REQUESTS", "assessment", "Earlier")),
                        "chosenCaseId", fromNl, "reasons", "Earlier"))
                .statusCode(422).body("errors.field", equalTo(List.of("otherCaseIds[0]")));
        // the requesting State does not record the choice
        Extraditions.act("nl", fromNl, "record-concurrent-requests", 1, Map.of(
                        "otherCaseIds", List.of(elsewhere), "factors", List.of(), "chosenCaseId", fromNl, "reasons", "x"))
                .statusCode(403);
    }
}
