package org.mlaexchange.extradition.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.extradition.api.Extraditions.act;
import static org.mlaexchange.extradition.api.Extraditions.as;
import static org.mlaexchange.extradition.api.Extraditions.step;
import static org.mlaexchange.platform.testing.PersonalDataTraces.assertEveryLogVerifies;
import static org.mlaexchange.platform.testing.PersonalDataTraces.assertNoneNamed;
import static org.mlaexchange.platform.testing.PersonalDataTraces.column;
import static org.mlaexchange.platform.testing.PersonalDataTraces.eventLogRows;
import static org.mlaexchange.platform.testing.PersonalDataTraces.topicValues;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.extradition.ExtraditionEventTypes;
import org.mlaexchange.platform.testing.Tokens;

/**
 * The personal data of an extradition case is sealed before it enters the log: a case naming a protected
 * person sought, officials and places goes through its flow, and neither the topic (read as any Kafka client
 * reads it) nor the event_log table holds a name, while the parties read them; after the requesting State
 * erases them, every view reads "erased", no copy holds a trace, and the log still verifies in full.
 */
@QuarkusTest
class SealedPersonalDataTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "mla.events.topic")
    String topic;

    @Test
    void aProtectedPersonSoughtNeverReachesTheLogInClearAndErasureLeavesNoTraceButKeepsTheProof() throws Exception {
        // one marker in every name, unique to this run: finding it anywhere is finding personal data
        String tag = "Q" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String sought = "Pieter Jan Vermeulen " + tag;
        String alias = "El Holandes " + tag;
        String birthPlace = "Rotterdam-" + tag;
        String passport = "P" + tag.toUpperCase();
        String nlContact = "Tomas Lindqvist " + tag;
        String arContact = "Lucia Fernandez " + tag;
        String arrestPlace = "Calle Florida 100, Buenos Aires " + tag;
        String reasons = "Real risk that " + sought + " is ill-treated";
        String closingNote = "Refusal noted for " + sought;
        List<String> names = List.of(tag, sought, alias, birthPlace, passport, nlContact, arContact, arrestPlace);

        Map<String, Object> person = new LinkedHashMap<>();
        person.put("names", List.of(sought));
        person.put("aliases", List.of(alias));
        person.put("dateOfBirth", "1961-04-17");
        person.put("placeOfBirth", birthPlace);
        person.put("nationalities", List.of("AR"));
        person.put("identifiers", List.of(Map.of("kind", "PASSPORT", "value", passport, "issuingState", "NL")));
        person.put("description", "1.85 m, grey hair, answers to " + alias);
        person.put("protectedPerson", true);
        Map<String, Object> request = Map.of("person", person, "offences", List.of(Extraditions.offence()),
                "warrant", Extraditions.warrant(), "documents", List.of(Extraditions.document("Statement on " + sought)),
                "contact", Map.of("name", nlContact, "email", "lindqvist." + tag.toLowerCase() + "@nl.demo", "phone", "+31 70 000 0001"));
        String id = Extraditions.submit("nl", Extraditions.submission("AR", request)).statusCode(201).extract().path("case.id");
        step("ar", id, "acknowledge", Map.of("caseReference", "AR-EXT-" + tag,
                "contact", Map.of("name", arContact, "email", "lf@ar.demo")));
        step("ar", id, "record-arrest", Map.of("arrestedAt", Instant.now().minus(1, ChronoUnit.HOURS).toString(), "place", arrestPlace));
        step("ar", id, "refuse", Map.of("grounds", List.of("TORTURE_RISK"), "reasons", reasons));

        // the parties read the names; the oversight body reads the protected person as a label; the log and the topic hold none
        for (String token : List.of(Tokens.officer("nl"), Tokens.officer("ar"), Tokens.auditor("ar"))) {
            given().auth().oauth2(token).get("/api/extraditions/" + id).then().statusCode(200)
                    .body("formalRequest.request.person.names", equalTo(List.of(sought)))
                    .body("formalRequest.request.person.identifiers[0].value", equalTo(passport))
                    .body("acknowledgement.contact.name", equalTo(arContact))
                    .body("arrests[0].place", equalTo(arrestPlace));
        }
        as("ar").get("/api/extraditions/" + id + "/history").then().statusCode(200)
                .body("[0].data.request.contact.name", equalTo(nlContact))
                .body("[0].data.request.person.aliases", equalTo(List.of(alias)))
                .body("[3].data.reasons", equalTo(reasons));
        given().auth().oauth2(Tokens.auditor("nl")).get("/api/audit/cases/" + id).then().statusCode(200)
                .body("state.formalRequest.request.person.names", equalTo(List.of(sought)))
                .body("state.refusal.reasons", equalTo(reasons));
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/extraditions/" + id).then().statusCode(200)
                .body("formalRequest.request.person.names", equalTo(List.of("[protected person]")))
                .body("formalRequest.request.person.nationalities", equalTo(List.of("AR")))
                .body("acknowledgement.contact.name", equalTo(arContact));
        List<String> logRows = eventLogRows(dataSource, id);
        assertEquals(4, logRows.size());
        assertNoneNamed(names, logRows, "event_log");
        assertTrue(logRows.get(0).contains("\"names\":[\"mla-sealed.v1:"), "the person's names are sealed in place");
        assertTrue(logRows.get(0).contains("\"protectedPerson\":true"), "what is not personal stays readable: " + logRows.get(0));
        assertTrue(logRows.get(0).contains("\"issuingState\":\"NL\"") && logRows.get(0).contains("\"kind\":\"PASSPORT\""),
                "codes and kinds name nobody: " + logRows.get(0));
        assertTrue(logRows.get(3).contains("\"grounds\":[\"TORTURE_RISK\"]"), "a refusal keeps its grounds: " + logRows.get(3));
        assertNoneNamed(names, topicValues(topic, id, 4), "topic " + topic);
        // the audit replay carries ciphertext: the oversight body gets the label, a party's auditor the sealed person
        String oversightReplay = given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/events?case=" + id).then()
                .statusCode(200).extract().asString();
        assertNoneNamed(names, List.of(oversightReplay), "the oversight body's replay");
        assertTrue(oversightReplay.contains("[protected person]") && oversightReplay.contains("\"redacted\":\"protected-person\""),
                oversightReplay);
        String partyReplay = given().auth().oauth2(Tokens.auditor("nl")).get("/api/audit/events?case=" + id).then()
                .statusCode(200).extract().asString();
        assertNoneNamed(names, List.of(partyReplay), "a party's replay");
        assertTrue(partyReplay.contains("mla-sealed.v1:") && !partyReplay.contains("redacted"), partyReplay);

        // a case in progress is withdrawn or closed first; then SN is told nothing, the requested State and the
        // oversight body may not erase, and the requesting State does
        act("nl", id, "erase-personal-data", Extraditions.version("nl", id), Map.of("reason", "PURPOSE_FULFILLED")).statusCode(409);
        step("nl", id, "close", Map.of("note", closingNote));
        int version = Extraditions.version("nl", id);
        act("sn", id, "erase-personal-data", version, Map.of("reason", "RETENTION_PERIOD_ENDED")).statusCode(404);
        act("ar", id, "erase-personal-data", version, Map.of("reason", "RETENTION_PERIOD_ENDED")).statusCode(403);
        given().auth().oauth2(Tokens.auditor("oversight")).contentType("application/json").header("If-Match", "\"" + version + "\"")
                .body(Map.of("reason", "RETENTION_PERIOD_ENDED")).post("/api/extraditions/" + id + "/erase-personal-data")
                .then().statusCode(403);
        act("nl", id, "erase-personal-data", version, Map.of()).statusCode(422);
        as("nl").get("/api/extraditions/" + id).then().body("allowedActions", equalTo(List.of("erase-personal-data")));
        act("nl", id, "erase-personal-data", version, Map.of("reason", "PURPOSE_FULFILLED")).statusCode(200)
                .body("case.erasure.erasedBy", equalTo("NL"))
                .body("case.erasure.reason", equalTo("PURPOSE_FULFILLED"))
                .body("case.formalRequest.request.person.names", equalTo(List.of("erased")))
                .body("case.allowedActions", equalTo(List.of()))
                .body("receipts[0].type", equalTo(ExtraditionEventTypes.PERSONAL_DATA_ERASED));

        // every caller that may see the case reads "erased" in place of every personal text; what names nobody stays
        for (String token : List.of(Tokens.officer("nl"), Tokens.officer("ar"), Tokens.auditor("nl"), Tokens.auditor("ar"))) {
            given().auth().oauth2(token).get("/api/extraditions/" + id).then().statusCode(200)
                    .body("formalRequest.request.person.names", equalTo(List.of("erased")))
                    .body("formalRequest.request.person.aliases", equalTo(List.of("erased")))
                    .body("formalRequest.request.person.placeOfBirth", equalTo("erased"))
                    .body("formalRequest.request.person.nationalities", equalTo(List.of("erased")))
                    .body("formalRequest.request.person.identifiers[0].value", equalTo("erased"))
                    .body("formalRequest.request.person.identifiers[0].kind", equalTo("PASSPORT"))
                    .body("formalRequest.request.person.identifiers[0].issuingState", equalTo("NL"))
                    .body("formalRequest.request.person.protectedPerson", equalTo(true))
                    .body("formalRequest.request.contact.name", equalTo("erased"))
                    .body("formalRequest.request.offences[0].qualification.category", equalTo("CRIMES_AGAINST_HUMANITY"))
                    .body("acknowledgement.contact.name", equalTo("erased"))
                    .body("arrests[0].place", equalTo("erased"))
                    .body("refusal.reasons", equalTo("erased"))
                    .body("refusal.grounds", equalTo(List.of("TORTURE_RISK")))
                    .body("closingNote", equalTo("erased"))
                    .body("status", equalTo("CLOSED"));
            given().auth().oauth2(token).get("/api/extraditions/" + id + "/history").then().statusCode(200)
                    .body("[0].data.request.person.names", equalTo(List.of("erased")))
                    .body("[1].data.contact.name", equalTo("erased"))
                    .body("[5].type", equalTo(ExtraditionEventTypes.PERSONAL_DATA_ERASED))
                    .body("[5].actorstate", equalTo("NL"));
        }
        // the oversight body: the protected person stays a label, everything it read before reads "erased"
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/extraditions/" + id).then().statusCode(200)
                .body("formalRequest.request.person.names", equalTo(List.of("[protected person]")))
                .body("acknowledgement.contact.name", equalTo("erased"))
                .body("erasure.reason", equalTo("PURPOSE_FULFILLED"));
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/extraditions/" + id + "/history").then().statusCode(200)
                .body("[0].data.request.person.names", equalTo(List.of("[protected person]")))
                .body("[1].data.contact.name", equalTo("erased"));
        for (String auditor : List.of("oversight", "nl")) {
            given().auth().oauth2(Tokens.auditor(auditor)).get("/api/audit/cases/" + id).then().statusCode(200)
                    .body("state.acknowledgement.contact.name", equalTo("erased"))
                    .body("state.refusal.reasons", equalTo("erased"));
        }
        for (String token : List.of(Tokens.officer("nl"), Tokens.auditor("oversight"))) {
            given().auth().oauth2(token).get("/api/extraditions?limit=100").then().statusCode(200)
                    .body("items.find { it.id == '" + id + "' }.person", equalTo("[protected person]"));
        }
        as("sn").get("/api/extraditions/" + id).then().statusCode(404);
        // once is enough
        act("nl", id, "erase-personal-data", version + 1, Map.of("reason", "PURPOSE_FULFILLED")).statusCode(409);

        // no trace anywhere: the log, the topic, the stored case and its match keys; the key is gone, the erasure recorded
        List<String> afterRows = eventLogRows(dataSource, id);
        assertEquals(6, afterRows.size());
        assertEquals(logRows, afterRows.subList(0, 4), "the log is append-only: the sealed events stay as they were");
        assertNoneNamed(names, afterRows, "event_log after erasure");
        assertNoneNamed(names, topicValues(topic, id, 6), "topic after erasure");
        assertNoneNamed(names, List.of(column(dataSource, "SELECT row_to_json(c)::text FROM extradition_case c WHERE id = ?::uuid", id)),
                "extradition_case");
        assertEquals("0", column(dataSource, "SELECT count(*)::text FROM person_match_key WHERE case_id = ?::uuid", id));
        assertEquals(null, column(dataSource, "SELECT encode(wrapped_key, 'hex') FROM case_data_key WHERE case_id = ?", id));
        assertEquals("NL PURPOSE_FULFILLED", column(dataSource, "SELECT erased_by || ' ' || erasure_reason FROM case_data_key WHERE case_id = ?", id));

        // every log still verifies in full: the service's own check, and the auditors' CLI over the audit API
        assertEveryLogVerifies("extradition-service", "the erasure of " + id);
    }

    @Test
    void aWithdrawnProvisionalArrestIsErasedForTheOversightBodyToo() {
        Map<String, Object> person = Extraditions.person();
        String name = ((List<?>) person.get("names")).get(0).toString();
        String id = Extraditions.as("nl").body(Extraditions.provisionalArrest("AR", person)).post("/api/extraditions/provisional-arrests")
                .then().statusCode(201).extract().path("case.id");
        assertNoneNamed(List.of(name), eventLogRows(dataSource, id), "event_log");
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/extraditions/" + id).then().statusCode(200)
                .body("provisionalArrest.request.person.names", equalTo(List.of(name)));
        step("nl", id, "withdraw", Map.of("reasons", name + " was found dead"));
        step("nl", id, "erase-personal-data", Map.of("reason", "WITHDRAWN_BY_SUPPLYING_STATE"));
        for (String token : List.of(Tokens.officer("nl"), Tokens.officer("ar"), Tokens.auditor("oversight"))) {
            given().auth().oauth2(token).get("/api/extraditions/" + id).then().statusCode(200)
                    .body("provisionalArrest.request.person.names", equalTo(List.of("erased")))
                    .body("provisionalArrest.request.whereabouts", equalTo("erased"))
                    .body("withdrawal.reasons", equalTo("erased"));
            given().auth().oauth2(token).get("/api/extraditions?limit=100").then().statusCode(200)
                    .body("items.find { it.id == '" + id + "' }.person", equalTo("erased"));
        }
        assertNoneNamed(List.of(name), eventLogRows(dataSource, id), "event_log after erasure");
    }
}
