package org.mlaexchange.request.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.request.api.Api.as;
import static org.mlaexchange.request.api.Api.step;
import static org.mlaexchange.platform.testing.PersonalDataTraces.assertEveryLogVerifies;
import static org.mlaexchange.platform.testing.PersonalDataTraces.assertNoneNamed;
import static org.mlaexchange.platform.testing.PersonalDataTraces.column;
import static org.mlaexchange.platform.testing.PersonalDataTraces.eventLogRows;
import static org.mlaexchange.platform.testing.PersonalDataTraces.topicValues;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.request.RequestEventTypes;
import org.mlaexchange.platform.eventlog.EventLog;
import org.mlaexchange.platform.eventlog.NewEvent;
import org.mlaexchange.platform.testing.Tokens;
import org.mlaexchange.platform.write.Writes;
import org.mlaexchange.request.domain.MlaRequest;
import org.mlaexchange.request.domain.RequestDecider;

/**
 * Personal data is sealed before it enters the log: a request naming a protected witness goes through
 * its flow, and neither the topic (read as any Kafka client reads it) nor the event_log table holds a
 * name, while the parties read them; after the requesting State erases them, the API shows "erased",
 * no copy holds a trace, and the log still verifies in full.
 */
@QuarkusTest
class SealedPersonalDataTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Writes writes;

    @Inject
    EventLog eventLog;

    @Inject
    RequestService requests;

    @ConfigProperty(name = "mla.events.topic")
    String topic;

    @Test
    void aProtectedWitnessNeverReachesTheLogInClearAndErasureLeavesNoTraceButKeepsTheProof() throws Exception {
        // one marker in every name, unique to this run: finding it anywhere is finding personal data
        String tag = "Q" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String witness = "Nadia Quispe " + tag;
        String suspect = "Ramon Villalba " + tag;
        String contact = "Tomas Lindqvist " + tag;
        String judge = "Judge Karel Smit " + tag;
        String arContact = "Lucia Fernandez " + tag;
        String account = "ACC-" + tag;
        List<String> names = List.of(tag, witness, suspect, contact, judge, arContact, account, "lindqvist." + tag.toLowerCase());
        String body = """
                {"requestedState": "AR", "urgent": false, "confidential": false,
                 "content": {
                   "requestingAuthority": {"name": "Central Authority of the Netherlands", "address": "The Hague"},
                   "proceedingsAuthority": {"name": "National Public Prosecutor, International Crimes Unit", "address": "Rotterdam"},
                   "proceedings": {"nature": "INVESTIGATION", "subjectMatter": "Crimes against humanity in the northern province",
                                   "caseNumber": "ICU-2026-0142"},
                   "summaryOfFacts": "Civilians were detained and tortured at a site run by %2$s.",
                   "legalQualification": {"category": "CRIMES_AGAINST_HUMANITY", "law": "International Crimes Act, s. 4",
                                          "penalty": "life imprisonment"},
                   "measures": [
                     {"kind": "TAKING_EVIDENCE_OR_STATEMENTS", "specifics": "Hear %1$s by video conference",
                      "persons": [{"person": 0, "status": "WITNESS"}], "questions": ["Who gave orders to %2$s's guards"],
                      "interpreterLanguages": ["es"],
                      "videoConference": {"proposedDates": ["%6$s"], "ledBy": "REQUESTING_STATE", "officialsPresent": ["%4$s"]}},
                     {"kind": "PROVIDING_DOCUMENTS_AND_RECORDS", "specifics": "Bank records of %2$s",
                      "holder": "Banco Ejemplo S.A.", "identifiers": ["%5$s"], "certification": "CERTIFIED_COPIES"}],
                   "purpose": "Establish the command responsibility of %2$s",
                   "contact": {"name": "%3$s", "email": "lindqvist.%7$s@nl.demo", "phone": "+31 70 000 0001"},
                   "language": "en",
                   "personsConcerned": [
                     {"identity": "%1$s", "location": "Rosario", "nationality": "AR", "protectedPerson": true},
                     {"identity": "%2$s", "location": "Unknown", "nationality": "AR", "protectedPerson": false}]}}
                """.formatted(witness, suspect, contact, judge, account, LocalDate.now().plusDays(10), tag.toLowerCase());
        String id = Api.submit("nl", body).statusCode(201).extract().path("case.id");
        step("ar", id, "acknowledge", Map.of("caseReference", "AR-2026-" + tag, "contact", Map.of("name", arContact, "email", "lf@ar.demo")));
        step("ar", id, "accept", Map.of("measureIds", List.of("m1", "m2")));
        step("ar", id, "report-progress", Map.of("updates", List.of(Map.of("measureId", "m1", "status", "EXECUTED",
                "note", witness + " heard", "execution", Map.of("kind", "TAKING_EVIDENCE_OR_STATEMENTS",
                        "heldOn", LocalDate.now(java.time.ZoneOffset.UTC).toString(), "byVideoConference", true, "participants", List.of(witness, judge),
                        "identityChecked", true, "minutes", witness + " named " + suspect))), "summary", "Hearing of " + witness + " done"));

        // the parties read the names; the oversight body reads who is not protected; the log and the topic hold none
        as("nl").get("/api/requests/" + id).then().statusCode(200)
                .body("contentVersions[0].personsConcerned[0].identity", equalTo(witness))
                .body("measures[0].execution.participants", equalTo(List.of(witness, judge)))
                .body("measures[0].requested.videoConference.officialsPresent", equalTo(List.of(judge)));
        as("ar").get("/api/requests/" + id + "/history").then().statusCode(200)
                .body("[0].data.content.contact.name", equalTo(contact))
                .body("[0].data.content.measures[1].identifiers", equalTo(List.of(account)));
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/requests/" + id).then().statusCode(200)
                .body("contentVersions[0].personsConcerned.identity", equalTo(List.of("Protected person 1", suspect)));
        List<String> logRows = eventLogRows(dataSource, id);
        assertEquals(4, logRows.size());
        assertNoneNamed(names, logRows, "event_log");
        assertTrue(logRows.get(0).contains("\"identity\":\"mla-sealed.v1:"), "the witness's identity is sealed in place");
        assertTrue(logRows.get(0).contains("\"protectedPerson\":true"), "what is not personal stays readable: " + logRows.get(0));
        assertTrue(logRows.get(0).contains("\"interpreterLanguages\":[\"es\"]"), "a language code names nobody: " + logRows.get(0));
        assertTrue(logRows.get(3).contains("\"byVideoConference\":true"), "the execution record keeps its shape: " + logRows.get(3));
        assertNoneNamed(names, topicValues(topic, id, 4), "topic " + topic);

        // a request in progress is withdrawn first; then SN is told nothing, the requested State and the
        // oversight body may not erase, and the requesting State does
        Api.act("nl", id, "erase-personal-data", Api.version("nl", id), Map.of("reason", "PURPOSE_FULFILLED")).statusCode(409);
        step("nl", id, "withdraw", Map.of("reasons", "The witness " + witness + " is no longer needed"));
        int version = Api.version("nl", id);
        Api.act("sn", id, "erase-personal-data", version, Map.of("reason", "RETENTION_PERIOD_ENDED")).statusCode(404);
        Api.act("ar", id, "erase-personal-data", version, Map.of("reason", "RETENTION_PERIOD_ENDED")).statusCode(403);
        given().auth().oauth2(Tokens.auditor("oversight")).contentType("application/json").header("If-Match", "\"" + version + "\"")
                .body(Map.of("reason", "RETENTION_PERIOD_ENDED")).post("/api/requests/" + id + "/erase-personal-data")
                .then().statusCode(403);
        Api.act("nl", id, "erase-personal-data", version, Map.of()).statusCode(422);
        Api.act("nl", id, "erase-personal-data", version, Map.of("reason", "PURPOSE_FULFILLED")).statusCode(200)
                .body("case.erasure.erasedBy", equalTo("NL"))
                .body("case.erasure.reason", equalTo("PURPOSE_FULFILLED"))
                .body("case.contentVersions[0].personsConcerned[0].identity", equalTo("erased"))
                .body("case.allowedActions", equalTo(List.of()))
                .body("receipts[0].type", equalTo(RequestEventTypes.PERSONAL_DATA_ERASED));

        // every caller that may see the request sees "erased" in place of every personal text; what names nobody stays
        for (String token : List.of(Tokens.officer("nl"), Tokens.officer("ar"), Tokens.auditor("nl"), Tokens.auditor("ar"))) {
            given().auth().oauth2(token).get("/api/requests/" + id).then().statusCode(200)
                    .body("contentVersions[0].personsConcerned.identity", equalTo(List.of("erased", "erased")))
                    .body("contentVersions[0].personsConcerned[0].protectedPerson", equalTo(true))
                    .body("contentVersions[0].personsConcerned[0].nationality", equalTo("erased"))
                    .body("contentVersions[0].contact.name", equalTo("erased"))
                    .body("contentVersions[0].summaryOfFacts", equalTo("erased"))
                    .body("acknowledgement.contact.name", equalTo("erased"))
                    .body("measures[0].requested.videoConference.officialsPresent", equalTo(List.of("erased")))
                    .body("measures[0].requested.videoConference.ledBy", equalTo("REQUESTING_STATE"))
                    .body("measures[0].requested.interpreterLanguages", equalTo(List.of("es")))
                    .body("measures[0].execution.participants", equalTo(List.of("erased", "erased")))
                    .body("measures[0].execution.minutes", equalTo("erased"))
                    .body("measures[0].execution.identityChecked", equalTo(true))
                    .body("measures[1].requested.identifiers", equalTo(List.of("erased")))
                    .body("measures.id", equalTo(List.of("m1", "m2")))
                    .body("withdrawal.reasons", equalTo("erased"))
                    .body("status", equalTo("WITHDRAWN"));
            given().auth().oauth2(token).get("/api/requests/" + id + "/history").then().statusCode(200)
                    .body("[0].data.content.contact.name", equalTo("erased"))
                    .body("[3].data.updates[0].execution.participants", equalTo(List.of("erased", "erased")))
                    .body("[5].type", equalTo(RequestEventTypes.PERSONAL_DATA_ERASED))
                    .body("[5].actorstate", equalTo("NL"));
        }
        // the oversight body: the protected witness stays a label, everything it read before reads "erased"
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/requests/" + id).then().statusCode(200)
                .body("contentVersions[0].personsConcerned.identity", equalTo(List.of("Protected person 1", "erased")))
                .body("contentVersions[0].contact.name", equalTo("erased"))
                .body("measures[0].execution.participants", equalTo(List.of("erased", "erased")))
                .body("erasure.reason", equalTo("PURPOSE_FULFILLED"));
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/requests/" + id + "/history").then().statusCode(200)
                .body("[0].data.content.personsConcerned.identity", equalTo(List.of("Protected person 1", "erased")))
                .body("[1].data.contact.name", equalTo("erased"));
        for (String auditor : List.of("oversight", "nl")) {
            given().auth().oauth2(Tokens.auditor(auditor)).get("/api/audit/cases/" + id).then().statusCode(200)
                    .body("state.contentVersions[0].contact.name", equalTo("erased"))
                    .body("state.acknowledgement.contact.name", equalTo("erased"));
        }
        for (String token : List.of(Tokens.officer("nl"), Tokens.auditor("oversight"))) {
            given().auth().oauth2(token).get("/api/requests?limit=100").then().statusCode(200)
                    .body("items.find { it.id == '" + id + "' }.persons", equalTo(List.of("Protected person 1", "erased")));
        }
        as("sn").get("/api/requests/" + id).then().statusCode(404);
        // once is enough
        Api.act("nl", id, "erase-personal-data", version + 1, Map.of("reason", "PURPOSE_FULFILLED")).statusCode(409);

        // no trace anywhere: the log, the topic, the stored request; the key is gone, the erasure recorded
        List<String> afterRows = eventLogRows(dataSource, id);
        assertEquals(6, afterRows.size());
        assertEquals(logRows, afterRows.subList(0, 4), "the log is append-only: the sealed events stay as they were");
        assertNoneNamed(names, afterRows, "event_log after erasure");
        assertNoneNamed(names, topicValues(topic, id, 6), "topic after erasure");
        assertNoneNamed(names, List.of(column(dataSource, "SELECT row_to_json(r)::text FROM mla_request r WHERE id = ?::uuid", id)), "mla_request");
        assertEquals(null, column(dataSource, "SELECT encode(wrapped_key, 'hex') FROM case_data_key WHERE case_id = ?", id));
        assertEquals("NL PURPOSE_FULFILLED", column(dataSource, "SELECT erased_by || ' ' || erasure_reason FROM case_data_key WHERE case_id = ?", id));

        // every log still verifies in full: the service's own check, and the auditors' CLI over the audit API
        assertEveryLogVerifies("request-service", "the erasure of " + id);
    }

    @Test
    void anEventStoredInClearBeforeSealingStillVerifiesAndReplays() {
        // a Submitted written as before this change: its data in clear (a JSON tree is no sealing contract)
        UUID id = UUID.randomUUID();
        // submitted an hour ago, as stored events are: out of the windows other tests count cases in (StatisticsTest)
        Instant now = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        RequestEvent.Submitted submitted = new RequestEvent.Submitted(id, StateCode.of("NL"), StateCode.of("AR"), false, false,
                EventJson.fromData(EventJson.tree(Api.submission("AR")).get("content"), org.mlaexchange.contracts.request.RequestContent.class),
                List.of("m1", "m2"), now, LocalDate.now().plusDays(7), LocalDate.now().plusDays(30));
        writes.run(() -> {
            MlaRequest request = RequestDecider.evolve(null, submitted);
            requests.store(null, request, now);
            eventLog.append(List.of(new NewEvent(id.toString(), RequestEventTypes.SUBMITTED, StateCode.of("NL"),
                    Set.of(StateCode.of("NL"), StateCode.of("AR")), EventJson.toData(submitted))), 0L);
            return request;
        });
        assertTrue(eventLogRows(dataSource, id.toString()).get(0).contains("Hear witness W-17"), "stored in clear, as before sealing");

        step("ar", id.toString(), "acknowledge", Map.of("caseReference", "AR-2026-1", "contact", Map.of("name", "L. Fernandez", "email", "lf@ar.demo")));
        List<String> rows = eventLogRows(dataSource, id.toString());
        assertFalse(rows.get(1).contains("L. Fernandez"), "a new event of an old case is sealed");
        as("nl").get("/api/requests/" + id + "/history").then().statusCode(200)
                .body("[0].data.content.measures[0].specifics", equalTo("Hear witness W-17 by video conference"))
                .body("[1].data.contact.name", equalTo("L. Fernandez"));
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/cases/" + id).then().statusCode(200)
                .body("state.acknowledgement.contact.name", equalTo("L. Fernandez"))
                .body("state.contentVersions[0].contact.name", equalTo("J. de Vries"));
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));

        // erased, the case reads "erased" in the texts it had in clear too; the log keeps those (append-only: the limit)
        step("nl", id.toString(), "withdraw", Map.of("reasons", "no longer needed"));
        step("nl", id.toString(), "erase-personal-data", Map.of("reason", "RETENTION_PERIOD_ENDED"));
        as("nl").get("/api/requests/" + id + "/history").then().statusCode(200)
                .body("[0].data.content.measures[0].specifics", equalTo("erased"))
                .body("[0].data.content.measures[0].kind", equalTo("TAKING_EVIDENCE_OR_STATEMENTS"))
                .body("[1].data.contact.name", equalTo("erased"));
        as("ar").get("/api/requests/" + id).then().statusCode(200)
                .body("contentVersions[0].contact.name", equalTo("erased"))
                .body("acknowledgement.contact.name", equalTo("erased"));
        assertTrue(eventLogRows(dataSource, id.toString()).get(0).contains("Hear witness W-17"), "a row stored in clear stays as it was");
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }
}
