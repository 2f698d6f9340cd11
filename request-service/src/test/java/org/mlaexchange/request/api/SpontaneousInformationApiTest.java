package org.mlaexchange.request.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mlaexchange.platform.testing.DisclosureTable.POLICY;
import static org.mlaexchange.platform.testing.DisclosureTable.forAuditView;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.seal.SealedText;
import org.mlaexchange.platform.testing.DisclosureTable;
import org.mlaexchange.platform.testing.DisclosureTable.Caller;
import org.mlaexchange.platform.testing.DisclosureTable.Shown;
import org.mlaexchange.platform.testing.Tokens;

/**
 * Spontaneous information against the real stack with real tokens: NL sends AR information without a
 * request; AR acknowledges (the conditions then bind it) or declines them; SN, neither side, is told the
 * case does not exist; the events sit in the same verified log as the requests and reach the audit views
 * under the same disclosure policy.
 */
@QuarkusTest
class SpontaneousInformationApiTest {

    static final String SUMMARY = "A defector placed the commander of the detention site there between March and June 2022.";
    static final String CONTACT = "{\"name\": \"M. Gómez\", \"email\": \"mgomez@ar.demo\"}";

    static String sending(String receivingState, boolean confidential, String witness) {
        return """
                {
                  "receivingState": "%s",
                  "information": {
                    "providingAuthority": {"name": "National Public Prosecutor's Office, International Crimes Unit"},
                    "subjectMatter": "Detention site in the northern province",
                    "summary": "%s",
                    "legalQualification": {"category": "CRIMES_AGAINST_HUMANITY", "law": "International Crimes Act, s. 4", "penalty": "life imprisonment"},
                    "personsConcerned": [{"identity": "%s", "location": "Safe house 4", "nationality": "AR", "protectedPerson": true}],
                    "contact": {"name": "J. de Vries", "email": "j.devries@nl.demo"},
                    "language": "en"
                  },
                  "conditions": {"permittedUse": "Investigation of the northern province detentions",
                                 "useLimits": ["Not for use in civil proceedings"], "confidential": %s%s},
                  "evidenceItemIds": ["7d0c1b2a-0000-4000-8000-000000000001"]
                }""".formatted(receivingState, SUMMARY, witness, confidential,
                confidential ? ", \"confidentialityReasons\": \"Sources inside the armed group\"" : "");
    }

    static ValidatableResponse send(String realm, String body) {
        return Api.as(realm).body(body).post("/api/spontaneous-information").then();
    }

    /** The id of information {@code realm}'s State sent to {@code receivingState}. */
    static String sent(String realm, String receivingState, boolean confidential) {
        return send(realm, sending(receivingState, confidential, "Defector D-" + UUID.randomUUID())).statusCode(201).extract().path("case.id");
    }

    static ValidatableResponse act(String realm, String id, String action, Object ifMatch, Object body) {
        var request = Api.as(realm).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", "\"" + ifMatch + "\"");
        }
        return request.post("/api/spontaneous-information/" + id + "/" + action).then();
    }

    @Test
    void theReceivingStateAcknowledgesAndTheConditionsThenBindIt() {
        ValidatableResponse created = send("nl", sending("AR", false, "Defector D-" + UUID.randomUUID())).statusCode(201)
                .body("case.providingState", equalTo("NL"))
                .body("case.receivingState", equalTo("AR"))
                .body("case.status", equalTo("SENT"))
                .body("case.conditionsBind", equalTo(false))
                .body("case.evidenceItemIds", equalTo(List.of("7d0c1b2a-0000-4000-8000-000000000001")))
                .body("case.allowedActions", equalTo(List.of()))
                .body("version", equalTo(1))
                .body("receipts[0].type", equalTo("org.mlaexchange.request.spontaneous-information.sent.v1"))
                .body("receipts[0].caseseq", equalTo(1));
        String id = created.extract().path("case.id");
        created.header("Location", endsWith("/api/spontaneous-information/" + id));

        Api.as("ar").get("/api/spontaneous-information/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("allowedActions", equalTo(List.of("acknowledge", "decline-conditions")));
        // neither side: the case does not exist for SN, to read or to act on
        Api.as("sn").get("/api/spontaneous-information/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("type", endsWith("not-found"));
        act("sn", id, "acknowledge", 1, Map.of("caseReference", "SN-1", "contact", Map.of("name", "A. Diop", "email", "a@sn.demo")))
                .statusCode(404).contentType("application/problem+json");
        // the providing State cannot acknowledge for the receiving one
        act("nl", id, "acknowledge", 1, Map.of("caseReference", "NL-1", "contact", Map.of("name", "J.", "email", "j@nl.demo")))
                .statusCode(403).contentType("application/problem+json");
        // If-Match: missing 428, stale 412
        String ack = "{\"caseReference\": \"AR-SI-2026-7\", \"contact\": " + CONTACT + "}";
        act("ar", id, "acknowledge", null, ack).statusCode(428).contentType("application/problem+json");
        act("ar", id, "acknowledge", 7, ack).statusCode(412).contentType("application/problem+json");
        // field errors
        act("ar", id, "acknowledge", 1, "{\"caseReference\": \" \", \"contact\": {\"name\": \"M.\"}}").statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("caseReference", "contact.email")));

        act("ar", id, "acknowledge", 1, ack).statusCode(200)
                .body("case.status", equalTo("ACKNOWLEDGED"))
                .body("case.conditionsBind", equalTo(true))
                .body("case.acknowledgement.caseReference", equalTo("AR-SI-2026-7"))
                .body("case.allowedActions", equalTo(List.of("request-use-consent")))
                .body("receipts[0].type", equalTo("org.mlaexchange.request.spontaneous-information.acknowledged.v1"))
                .header("ETag", "\"2\"");
        // acknowledged once: again is an illegal transition, declining too
        act("ar", id, "acknowledge", 2, ack).statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("transition-forbidden"));
        act("ar", id, "decline-conditions", 2, Map.of("reasons", "Too late")).statusCode(409);
        // another use needs NL's prior consent; NL cannot close while it owes the decision
        act("ar", id, "request-use-consent", 2, Map.of("purpose", "ONWARD_TRANSFER", "thirdState", "SN",
                "description", "Share with SN's war crimes unit")).statusCode(200)
                .body("case.useConsents[0].thirdState", equalTo("SN")).body("case.allowedActions", equalTo(List.of()))
                .body("receipts[0].type", equalTo("org.mlaexchange.request.spontaneous-information.use-consent-requested.v1"));
        Api.as("nl").get("/api/spontaneous-information/" + id).then().statusCode(200)
                .body("allowedActions", equalTo(List.of("decide-use-consent")));
        act("nl", id, "close", 3, Map.of()).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("awaits its decision"));
        act("nl", id, "decide-use-consent", 3, Map.of("decision", "DENIED")).statusCode(422).body("errors.field", equalTo(List.of("reasons")));
        act("nl", id, "decide-use-consent", 3, Map.of("decision", "GRANTED_WITH_CONDITIONS", "conditions", List.of("Only SN's prosecutors")))
                .statusCode(200).body("case.useConsents[0].decision", equalTo("GRANTED_WITH_CONDITIONS"));
        Api.as("nl").get("/api/spontaneous-information/" + id).then().statusCode(200).body("allowedActions", equalTo(List.of("close")));
        act("nl", id, "close", 4, Map.of("note", "Nothing further")).statusCode(200)
                .body("case.status", equalTo("CLOSED")).body("case.conditionsBind", equalTo(true));

        // lists: each side by its role; SN sees nothing of it
        Api.as("nl").get("/api/spontaneous-information?role=providing&limit=100").then().statusCode(200)
                .body("items.id", hasItem(id));
        Api.as("nl").get("/api/spontaneous-information?role=receiving&limit=100").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        Api.as("ar").get("/api/spontaneous-information?role=receiving&status=CLOSED&limit=100").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.persons", equalTo(List.of("Protected person 1")));
        Api.as("sn").get("/api/spontaneous-information?limit=100").then().statusCode(200).body("items.id", not(hasItem(id)));

        // the events are in the request-service log the auditors verify, with the two States as parties
        String replay = given().auth().oauth2(Tokens.auditor("nl")).get("/api/audit/events?case=" + id).then().statusCode(200)
                .extract().asString();
        List<String> types = replay.lines().map(line -> io.restassured.path.json.JsonPath.from(line).getString("type")).toList();
        assertEquals(List.of("org.mlaexchange.request.spontaneous-information.sent.v1",
                "org.mlaexchange.request.spontaneous-information.acknowledged.v1",
                "org.mlaexchange.request.spontaneous-information.use-consent-requested.v1",
                "org.mlaexchange.request.spontaneous-information.use-consent-decided.v1",
                "org.mlaexchange.request.spontaneous-information.closed.v1"), types);
        given().auth().oauth2(Tokens.auditor("ar")).get("/api/audit/cases/" + id).then().statusCode(200)
                .body("caseseq", equalTo(5)).body("state.status", equalTo("CLOSED")).body("state.conditionsBind", equalTo(true));
        given().auth().oauth2(Tokens.auditor("sn")).get("/api/audit/cases/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true)).body("firstBreak", nullValue());
    }

    @Test
    void declinedConditionsAreRevisedThenAcknowledgedOrTheInformationReturned() {
        String id = sent("nl", "AR", true);
        act("ar", id, "decline-conditions", 1, "{}").statusCode(422).body("errors.field", equalTo(List.of("reasons")));
        act("ar", id, "decline-conditions", 1, Map.of("reasons", "Our hearings are public")).statusCode(200)
                .body("case.status", equalTo("CONDITIONS_DECLINED"));
        Api.as("nl").get("/api/spontaneous-information/" + id).then().body("allowedActions", equalTo(List.of("revise-conditions", "close")));
        act("ar", id, "acknowledge", 2, "{\"caseReference\": \"AR-1\", \"contact\": " + CONTACT + "}").statusCode(409);
        act("nl", id, "revise-conditions", 2, Map.of("conditions", Map.of("permittedUse", "Investigation of the northern province detentions",
                "confidential", false), "note", "Confidentiality lifted")).statusCode(200)
                .body("case.status", equalTo("SENT")).body("case.conditions.confidential", equalTo(false))
                .body("case.confidential", equalTo(true));
        act("ar", id, "acknowledge", 3, "{\"caseReference\": \"AR-1\", \"contact\": " + CONTACT + "}").statusCode(200)
                .body("case.conditionsBind", equalTo(true));

        String returned = sent("nl", "AR", true);
        act("ar", returned, "decline-conditions", 1, Map.of("reasons", "Cannot keep it confidential")).statusCode(200);
        act("ar", returned, "return", 2, Map.of("note", "Destroyed unread")).statusCode(200)
                .body("case.status", equalTo("RETURNED")).body("case.allowedActions", equalTo(List.of()));
        act("nl", returned, "close", 3, Map.of()).statusCode(409);
    }

    @Test
    void theCallersStateIsItsTokensIssuerNeverAField() {
        String body = sending("AR", false, "W").replaceFirst("\\{", "{\"providingState\": \"SN\", ");
        send("nl", body).statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(containsString("providingState")));
        given().contentType("application/json").body(sending("AR", false, "W")).post("/api/spontaneous-information").then()
                .statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.auditor("oversight")).contentType("application/json").body(sending("AR", false, "W"))
                .post("/api/spontaneous-information").then().statusCode(403);
        send("nl", sending("NL", false, "W")).statusCode(422).body("errors.field", equalTo(List.of("receivingState")));
        send("nl", sending("AR", true, "W").replace("\"confidentialityReasons\": \"Sources inside the armed group\"", "\"confidentialityReasons\": null"))
                .statusCode(422).body("errors.field", equalTo(List.of("conditions.confidentialityReasons")));
    }

    @Test
    void aProtectedPersonAndAConfidentialCaseAreWithheldFromTheOversightBodyOnly() {
        String witness = "Defector D-" + UUID.randomUUID();
        String id = send("nl", sending("AR", false, witness)).statusCode(201).extract().path("case.id");
        everyView(id, List.of(witness, "Safe house 4"), "Protected person 1", "\"redacted\":\"protected-person\"");
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/spontaneous-information/" + id).then().statusCode(200)
                .body("information.personsConcerned[0].identity", equalTo("Protected person 1"))
                .body("information.personsConcerned[0].nationality", equalTo("AR"))
                .body("information.summary", equalTo(SUMMARY));

        String confidential = sent("nl", "AR", true);
        everyView(confidential, List.of(SUMMARY, "Sources inside the armed group"), "[withheld]", "\"redacted\":\"protected-person\"");
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/spontaneous-information/" + confidential).then().statusCode(200)
                .body("information.legalQualification.category", equalTo("CRIMES_AGAINST_HUMANITY"))
                .body("conditions.permittedUse", equalTo("Investigation of the northern province detentions"));
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/spontaneous-information?limit=100").then().statusCode(200)
                .body("items.find { it.id == '" + confidential + "' }.subjectMatter", equalTo("[withheld]"))
                .body("items.find { it.id == '" + confidential + "' }.persons", equalTo(List.of()));
    }

    private static void everyView(String id, List<String> secrets, String mark, String replayMark) {
        DisclosureTable.check(POLICY, "ar", "sn", "/api/spontaneous-information/" + id, secrets, mark);
        DisclosureTable.check(POLICY, "nl", "sn", "/api/spontaneous-information/" + id + "/history", secrets, mark);
        DisclosureTable.check(forAuditView(Shown.NOT_FOUND), "nl", "sn", "/api/audit/cases/" + id, secrets, mark);
        // the replay is the log as chained, its personal data sealed for every reader (a party's auditor reads it opened in
        // the history and as-of views); the oversight body's copy is marked where the policy withholds from it
        Map<Caller, Shown> replay = new EnumMap<>(forAuditView(Shown.NOTHING));
        replay.remove(Caller.PARTY_AUDITOR);
        DisclosureTable.check(replay, "ar", "sn", "/api/audit/events?case=" + id, secrets, replayMark);
        DisclosureTable.check(Map.of(Caller.PARTY_AUDITOR, Shown.WITHHELD), "ar", "sn", "/api/audit/events?case=" + id, secrets,
                SealedText.V1);
    }
}
