package org.mlaexchange.extradition.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.extradition.api.Extraditions.act;
import static org.mlaexchange.extradition.api.Extraditions.as;
import static org.mlaexchange.extradition.api.Extraditions.step;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlaexchange.platform.testing.Tokens;

/** Who sees and does what, and what bad input gets: problem+json with field errors, and nothing written. */
@QuarkusTest
class AccessAndInputTest {

    static final Map<String, Object> REFUSAL = Map.of("grounds", List.of("TORTURE_RISK"), "reasons", "Reports on prison conditions");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aStateThatIsNotPartySeesNothing() {
        String id = Extraditions.submitted("nl", "AR");
        as("sn").get("/api/extraditions/" + id).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:mla-exchange:problem:not-found"));
        as("sn").get("/api/extraditions/" + id + "/history").then().statusCode(404);
        unchanged(() -> act("sn", id, "acknowledge", 1, Extraditions.acknowledgement()).statusCode(404));
        unchanged(() -> act("sn", id, "withdraw", 1, Map.of("reasons", "x")).statusCode(404));
        as("sn").get("/api/extraditions?limit=100").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(Tokens.auditor("sn")).get("/api/audit/cases/" + id).then().statusCode(404);
        // both parties, their auditors and the oversight body do see it
        as("ar").get("/api/extraditions?role=requested&limit=100").then().body("items.id", hasItem(id));
        as("nl").get("/api/extraditions?role=requesting&limit=100").then().body("items.id", hasItem(id));
        as("nl").get("/api/extraditions?role=requested&limit=100").then().body("items.id", not(hasItem(id)));
        given().auth().oauth2(Tokens.auditor("ar")).get("/api/extraditions/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/extraditions/" + id).then().statusCode(200);
    }

    @Test
    void wrongPartyForbiddenTransitionAndStaleVersion() {
        String id = Extraditions.submitted("nl", "AR");
        unchanged(() -> act("nl", id, "acknowledge", 1, Extraditions.acknowledgement()).statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:mla-exchange:problem:wrong-party")));
        unchanged(() -> act("ar", id, "grant", 1, Extraditions.grant()).statusCode(409)
                .body("type", equalTo("urn:mla-exchange:problem:transition-forbidden")));
        unchanged(() -> act("ar", id, "acknowledge", 5, Extraditions.acknowledgement()).statusCode(412)
                .body("type", equalTo("urn:mla-exchange:problem:stale-version")));
        unchanged(() -> as("ar").body(Extraditions.acknowledgement()).post("/api/extraditions/" + id + "/acknowledge").then()
                .statusCode(428));
        // an auditor reads but never acts
        unchanged(() -> given().auth().oauth2(Tokens.auditor("ar")).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Extraditions.acknowledgement()).post("/api/extraditions/" + id + "/acknowledge").then().statusCode(403));
        act("ar", id, "acknowledge", 1, Extraditions.acknowledgement()).statusCode(200).header("ETag", "\"2\"");
        // the same decision again on the old version changes nothing
        unchanged(() -> act("ar", id, "acknowledge", 1, Extraditions.acknowledgement()).statusCode(412));
    }

    @Test
    void theRequestingStateIsTheTokenIssuerNotABodyField() {
        Map<String, Object> body = new HashMap<>(Extraditions.submission("AR", Extraditions.formalRequest(Extraditions.person())));
        body.put("requestingState", "SN");
        unchanged(() -> Extraditions.submit("nl", body).statusCode(400).body("errors[0].field", equalTo("requestingState")));
        Extraditions.submit("sn", Extraditions.submission("AR", Extraditions.formalRequest(Extraditions.person()))).statusCode(201)
                .body("case.requestingState", equalTo("SN"));
    }

    @Test
    void badInputIsListedFieldByFieldAndNothingIsWritten() {
        Map<String, Object> nameless = new HashMap<>(Extraditions.person());
        nameless.put("names", List.of());
        unchanged(() -> Extraditions.submit("nl", Extraditions.submission("AR", Extraditions.formalRequest(nameless))).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:mla-exchange:problem:invalid-input"))
                .body("errors.field", hasItem("request.person.names")));
        unchanged(() -> Extraditions.submit("nl", Extraditions.submission("AR", Extraditions.formalRequest(Extraditions.person(),
                        List.of()))).statusCode(422).body("errors.field", hasItem("request.documents")));
        unchanged(() -> Extraditions.submit("nl", Extraditions.submission("NL", Extraditions.formalRequest(Extraditions.person())))
                .statusCode(422).body("errors.field", hasItem("requestedState")));
        // AR does not take requests through INTERPOL
        unchanged(() -> Extraditions.submit("nl", Map.of("requestedState", "AR", "channel", "INTERPOL",
                "request", Extraditions.formalRequest(Extraditions.person()))).statusCode(422).body("errors.field", hasItem("channel")));
        unchanged(() -> as("nl").post("/api/extraditions").then().statusCode(422).body("errors[0].field", equalTo("body")));

        String id = Extraditions.submitted("nl", "AR");
        step("ar", id, "acknowledge", Extraditions.acknowledgement());
        unchanged(() -> act("ar", id, "refuse", 2, Map.of("grounds", List.of("POLITICAL_OFFENCE"), "reasons", "Political")).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("grounds[0]")));
        unchanged(() -> act("ar", id, "refuse", 2, Map.of("grounds", List.of("TORTURE_RISK"))).statusCode(422)
                .body("errors.field", equalTo(List.of("reasons"))));
        unchanged(() -> act("ar", id, "refuse", 2, Map.of("grounds", List.of(), "reasons", " ")).statusCode(422)
                .body("errors.field", hasItems("grounds", "reasons")));
        act("ar", id, "refuse", 2, REFUSAL).statusCode(200).body("case.status", equalTo("REFUSED"));
    }

    @Test
    void aProtectedPersonIsNeverNamedInListsNorToTheOversightBody() {
        Map<String, Object> person = Extraditions.person(Extraditions.passport(), true, "AR");
        String name = ((List<?>) person.get("names")).get(0).toString();
        // never through INTERPOL
        unchanged(() -> Extraditions.submit("nl", Map.of("requestedState", "SN", "channel", "INTERPOL",
                "request", Extraditions.formalRequest(person))).statusCode(422).body("errors.field", hasItem("channel")));
        String id = Extraditions.submit("nl", Extraditions.submission("AR", Extraditions.formalRequest(person))).statusCode(201)
                .extract().path("case.id");
        String plain = Extraditions.submitted("nl", "AR");
        as("nl").get("/api/extraditions?limit=100").then()
                .body("items.find { it.id == '" + plain + "' }.person", startsWith("P. J. Q"))
                .body("items.find { it.id == '" + id + "' }.person", equalTo("[protected person]"))
                .body("items.find { it.id == '" + id + "' }.protectedPerson", equalTo(true));
        // free text can name the person too: the requested State's reasons for refusing
        step("ar", id, "acknowledge", Extraditions.acknowledgement());
        act("ar", id, "refuse", 2, Map.of("grounds", List.of("TORTURE_RISK"), "reasons", "Reports that " + name + " would be tortured"))
                .statusCode(200);
        // the parties' central authorities and auditors see the person
        as("ar").get("/api/extraditions/" + id).then().body("formalRequest.request.person.names[0]", equalTo(name));
        given().auth().oauth2(Tokens.auditor("nl")).get("/api/audit/cases/" + id).then().statusCode(200)
                .body("state.formalRequest.request.person.names[0]", equalTo(name));
        // the oversight body's auditors get it redacted, in the as-of view, the case and its history
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/cases/" + id).then().statusCode(200)
                .body("state.formalRequest.request.person.names", equalTo(List.of("[protected person]")))
                .body("state.formalRequest.request.person.identifiers", equalTo(List.of()))
                .body("state.formalRequest.request.person.nationalities", equalTo(List.of("AR")));
        String asSeen = given().auth().oauth2(Tokens.auditor("oversight")).get("/api/extraditions/" + id).then().statusCode(200)
                .body("formalRequest.request.person.names", equalTo(List.of("[protected person]"))).extract().asString();
        String history = given().auth().oauth2(Tokens.auditor("oversight")).get("/api/extraditions/" + id + "/history").then()
                .statusCode(200).extract().asString();
        assertFalse(asSeen.contains(name) || history.contains(name), "the protected person's name reached the oversight body");
        assertTrue(asSeen.contains("Reports that [protected person] would be tortured")
                && history.contains("Reports that [protected person] would be tortured"), "the reasons, with the label for the name");
        assertFalse(history.contains(person.get("dateOfBirth").toString()), "nor its date of birth");
        // nor through the audit replay, where the withheld event keeps its hash and still verifies by its place in the chain
        String replayOfCase = given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/events?case=" + id).then()
                .statusCode(200).extract().asString();
        assertFalse(replayOfCase.contains(name) || replayOfCase.contains(person.get("dateOfBirth").toString()), replayOfCase);
        assertTrue(replayOfCase.contains("\"redacted\":\"protected-person\""), "the withheld event is marked");
        String replay = given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/events").then().statusCode(200)
                .extract().asString();
        org.mlaexchange.contracts.audit.LogAudit audit = new org.mlaexchange.contracts.audit.LogAudit();
        replay.lines().forEach(audit::accept);
        assertTrue(audit.result().intact(), () -> audit.result().firstBreak().toString());
        assertTrue(audit.result().redacted() > 0);
        // a party's auditor replays the same event unredacted, and its hash recomputes; the replay carries the
        // person sealed (ciphertext only: the party reads the name in the case's views, opened for it)
        String asParty = given().auth().oauth2(Tokens.auditor("ar")).get("/api/audit/events?case=" + id).then().statusCode(200)
                .extract().asString();
        assertTrue(!asParty.contains(name) && asParty.contains("\"names\":[\"mla-sealed.v1:") && !asParty.contains("redacted"), asParty);
    }

    /** Runs a rejected call and checks that neither a case nor an event was written. */
    private void unchanged(Runnable call) {
        List<Long> before = rowCounts();
        call.run();
        assertEquals(before, rowCounts(), "rows of extradition_case and event_log: nothing written");
    }

    private List<Long> rowCounts() {
        String sql = "SELECT (SELECT count(*) FROM extradition_case), (SELECT count(*) FROM event_log)";
        try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
             ResultSet counts = query.executeQuery(sql)) {
            counts.next();
            return List.of(counts.getLong(1), counts.getLong(2));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
