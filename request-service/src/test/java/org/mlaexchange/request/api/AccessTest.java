package org.mlaexchange.request.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.mlaexchange.request.api.Api.act;
import static org.mlaexchange.request.api.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlaexchange.platform.testing.Tokens;

/** Who may see and do what: the caller's State is the issuer of its token, parties only, roles per action. */
@QuarkusTest
class AccessTest {

    static final Map<String, Object> ACK = Map.of("caseReference", "AR-1",
            "contact", Map.of("name", "M. Gómez", "email", "mgomez@ar.demo", "phone", "+54 11 0000 0001"));

    @Test
    void aStateThatIsNotPartySeesNothing() {
        String id = Api.submitted("nl", "AR");
        as("sn").get("/api/requests/" + id).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:mla-exchange:problem:not-found"));
        as("sn").get("/api/requests/" + id + "/history").then().statusCode(404);
        act("sn", id, "acknowledge", 1, ACK).statusCode(404);
        as("sn").get("/api/requests?limit=100").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(Tokens.auditor("sn")).get("/api/audit/cases/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.auditor("sn")).get("/api/audit/events?case=" + id).then().statusCode(200)
                .body(equalTo(""));
        // both parties and the oversight body do see it
        as("ar").get("/api/requests?role=requested&limit=100").then().statusCode(200).body("items.id", hasItem(id));
        as("nl").get("/api/requests?role=requesting&limit=100").then().statusCode(200).body("items.id", hasItem(id));
        as("nl").get("/api/requests?role=requested&limit=100").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/events?case=" + id).then().statusCode(200)
                .body(containsString("\"subject\":\"" + id + "\""));
        given().auth().oauth2(Tokens.auditor("ar")).get("/api/requests/" + id).then().statusCode(200);
    }

    @Test
    void theRequestingStateIsTheTokenIssuerNotABodyField() {
        String body = Api.submission("AR").replace("\"requestedState\"", "\"requestingState\": \"SN\", \"requestedState\"");
        Api.submit("nl", body).statusCode(400).body("errors[0].field", equalTo("requestingState"));
        Api.submit("nl", Api.submission("AR")).statusCode(201).body("case.requestingState", equalTo("NL"));
    }

    @Test
    void missingGarbageForeignAndWrongAudienceTokensAre401() {
        given().get("/api/requests").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("urn:mla-exchange:problem:unauthenticated"));
        given().auth().oauth2("not-a-token").get("/api/requests").then().statusCode(401).contentType("application/problem+json");
        // a well-formed token from an issuer no State is configured with
        given().auth().oauth2(Tokens.forged("http://127.0.0.1:8180/realms/unknown", "mla-exchange", "central-authority"))
                .get("/api/requests").then().statusCode(401).contentType("application/problem+json");
        // claims NL's issuer but is not signed by NL's keys
        given().auth().oauth2(Tokens.forged("http://127.0.0.1:8180/realms/nl", "mla-exchange", "central-authority"))
                .get("/api/requests").then().statusCode(401);
        // a real NL token issued for another audience
        given().auth().oauth2(Tokens.client("nl", "other-app")).get("/api/requests").then().statusCode(401);
        // the same realm's token for the right audience works
        given().auth().oauth2(Tokens.client("nl", "central-authority")).get("/api/requests").then().statusCode(200);
    }

    @Test
    void rolesAndPartiesDecideWhoActs() {
        String id = Api.submitted("nl", "AR");
        // an auditor reads but never acts
        given().auth().oauth2(Tokens.auditor("ar")).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(ACK)
                .post("/api/requests/" + id + "/acknowledge").then().statusCode(403).contentType("application/problem+json");
        // the requesting State cannot take the requested State's action
        act("nl", id, "acknowledge", 1, ACK).statusCode(403)
                .body("type", equalTo("urn:mla-exchange:problem:wrong-party"));
        // refusal without consultation first is a forbidden transition
        act("ar", id, "refuse", 1, Map.of("measureIds", List.of(), "grounds", List.of("OTHER"), "reasons", "No"))
                .statusCode(409).body("type", equalTo("urn:mla-exchange:problem:transition-forbidden"));
        // stale and missing versions
        act("ar", id, "acknowledge", 7, ACK).statusCode(412).body("type", equalTo("urn:mla-exchange:problem:stale-version"));
        as("ar").body(ACK).post("/api/requests/" + id + "/acknowledge").then().statusCode(428);
        act("ar", id, "acknowledge", 1, ACK).statusCode(200).header("ETag", "\"2\"");
        // the same decision again, on the old version, is refused and changes nothing
        act("ar", id, "acknowledge", 1, ACK).statusCode(412);
        as("nl").get("/api/requests/" + id).then().header("ETag", "\"2\"").body("status", equalTo("ACKNOWLEDGED"));
    }

    @Test
    void overdueAndStatusFiltersOnlyReturnMatchingRequests() {
        String id = Api.submitted("nl", "AR");
        as("nl").get("/api/requests?status=SUBMITTED&limit=100").then().statusCode(200)
                .body("items.status", everyItem(equalTo("SUBMITTED"))).body("items.id", hasItem(id));
        as("nl").get("/api/requests?status=CLOSED&limit=100").then().statusCode(200).body("items.id", not(hasItem(id)));
        as("nl").get("/api/requests?overdue=true&limit=100").then().statusCode(200).body("items.id", not(hasItem(id)));
        as("nl").get("/api/requests?limit=1000").then().statusCode(422).body("errors[0].field", containsString("limit"));
    }
}
