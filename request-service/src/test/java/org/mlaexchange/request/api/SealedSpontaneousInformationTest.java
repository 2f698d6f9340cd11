package org.mlaexchange.request.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.request.api.Api.as;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.request.SpontaneousInformation;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent;
import org.mlaexchange.contracts.request.SpontaneousInformationEventTypes;
import org.mlaexchange.contracts.request.UseConditions;
import org.mlaexchange.platform.eventlog.EventLog;
import org.mlaexchange.platform.eventlog.NewEvent;
import org.mlaexchange.platform.testing.Tokens;
import org.mlaexchange.platform.write.Writes;
import org.mlaexchange.request.domain.SpontaneousDecider;
import org.mlaexchange.request.domain.SpontaneousInformationCase;

/**
 * Spontaneous information seals its personal data as the requests do ({@link SealedPersonalDataTest}), with the kit of
 * platform's {@code PersonalDataTraces}: information naming a protected witness goes through its flow, and neither the
 * topic (read as any Kafka client reads it) nor the event_log table holds a name, while the two States read them and the
 * oversight body sees the witness as a label; once the case is closed the providing State erases them, every caller
 * then reads "erased", no copy holds a trace and every log still verifies. Information stored in clear before sealing
 * still reads and verifies, and reads "erased" once erased.
 */
@QuarkusTest
class SealedSpontaneousInformationTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Writes writes;

    @Inject
    EventLog eventLog;

    @Inject
    SpontaneousInformationService spontaneous;

    @ConfigProperty(name = "mla.events.topic")
    String topic;

    @Test
    void aProtectedWitnessInSpontaneousInformationNeverReachesTheLogInClearAndErasureLeavesNoTraceButKeepsTheProof() throws Exception {
        // one marker in every name, unique to this run: finding it anywhere is finding personal data
        String tag = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String witness = "Nadia Quispe " + tag;
        String suspect = "Ramon Villalba " + tag;
        String contact = "Tomas Lindqvist " + tag;
        String arContact = "Lucia Fernandez " + tag;
        String prosecutor = "Prosecutor Ana Ruiz " + tag;
        List<String> names = List.of(tag, witness, suspect, contact, arContact, prosecutor);
        String body = """
                {"receivingState": "AR",
                 "information": {
                   "providingAuthority": {"name": "National Public Prosecutor's Office, International Crimes Unit"},
                   "subjectMatter": "Orders given by %2$s",
                   "summary": "%1$s saw %2$s order the transfer of prisoners in March 2022.",
                   "personsConcerned": [{"identity": "%1$s", "location": "Rosario", "nationality": "AR", "protectedPerson": true},
                                        {"identity": "%2$s", "location": "Unknown", "nationality": "AR", "protectedPerson": false}],
                   "contact": {"name": "%3$s", "email": "tl@nl.demo"},
                   "language": "en"},
                 "conditions": {"permittedUse": "Investigation of %2$s", "useLimits": [], "confidential": false}}
                """.formatted(witness, suspect, contact);
        String id = Api.as("nl").body(body).post("/api/spontaneous-information").then().statusCode(201).extract().path("case.id");
        SpontaneousInformationApiTest.act("ar", id, "acknowledge", 1, Map.of("caseReference", "AR-SI-" + tag,
                "contact", Map.of("name", arContact, "email", "lf@ar.demo"))).statusCode(200);
        SpontaneousInformationApiTest.act("ar", id, "request-use-consent", 2, Map.of("purpose", "OTHER_PROCEEDINGS",
                "description", "Trial of " + suspect + " before " + prosecutor)).statusCode(200);
        SpontaneousInformationApiTest.act("nl", id, "decide-use-consent", 3, Map.of("decision", "DENIED",
                "reasons", witness + " has not agreed")).statusCode(200);
        // while the case goes on, the receiving State may still ask under the information: nothing to erase yet
        as("nl").get("/api/spontaneous-information/" + id).then().statusCode(200).body("allowedActions", equalTo(List.of("close")));
        SpontaneousInformationApiTest.act("nl", id, "erase-personal-data", 4, Map.of("reason", "PURPOSE_FULFILLED")).statusCode(409)
                .contentType("application/problem+json");
        SpontaneousInformationApiTest.act("nl", id, "close", 4, Map.of("note", "Nothing further on " + suspect)).statusCode(200)
                .body("case.allowedActions", equalTo(List.of("erase-personal-data")));
        as("ar").get("/api/spontaneous-information/" + id).then().statusCode(200).body("allowedActions", equalTo(List.of()));

        // the two States read the names, in the case and in its history (opened with the case's key)
        as("ar").get("/api/spontaneous-information/" + id).then().statusCode(200)
                .body("information.personsConcerned[0].identity", equalTo(witness))
                .body("acknowledgement.contact.name", equalTo(arContact));
        as("nl").get("/api/spontaneous-information/" + id + "/history").then().statusCode(200)
                .body("[0].data.information.summary", containsString(suspect))
                .body("[0].data.information.contact.name", equalTo(contact))
                .body("[2].data.description", containsString(prosecutor))
                .body("[3].data.reasons", containsString(witness))
                .body("[4].data.note", containsString(suspect));
        given().auth().oauth2(Tokens.auditor("ar")).get("/api/audit/cases/" + id).then().statusCode(200)
                .body("state.information.personsConcerned[0].identity", equalTo(witness));
        // the oversight body: the protected witness a label, the rest opened
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/spontaneous-information/" + id + "/history").then().statusCode(200)
                .body("[0].data.information.personsConcerned.identity", equalTo(List.of("Protected person 1", suspect)));

        // the log and the topic hold none of the names; what names nobody stays readable
        List<String> logRows = eventLogRows(dataSource, id);
        assertEquals(5, logRows.size());
        assertNoneNamed(names, logRows, "event_log");
        assertTrue(logRows.get(0).contains("\"identity\":\"mla-sealed.v1:"), "the witness's identity is sealed in place");
        assertTrue(logRows.get(0).contains("\"protectedPerson\":true"), "what is not personal stays readable: " + logRows.get(0));
        assertTrue(logRows.get(0).contains("\"language\":\"en\""), "a language code names nobody: " + logRows.get(0));
        assertTrue(logRows.get(3).contains("\"decision\":\"DENIED\""), "the decision stays readable: " + logRows.get(3));
        assertNoneNamed(names, topicValues(topic, id, 5), "topic " + topic);
        // the audit replay carries the ciphertext, to the parties' auditors too
        String replay = given().auth().oauth2(Tokens.auditor("nl")).get("/api/audit/events?case=" + id).then().statusCode(200)
                .extract().asString();
        assertNoneNamed(names, replay.lines().toList(), "audit replay");

        // the providing State erases; the receiving State and the oversight body may not, SN is told nothing
        Map<String, String> reason = Map.of("reason", "PURPOSE_FULFILLED");
        SpontaneousInformationApiTest.act("sn", id, "erase-personal-data", 5, reason).statusCode(404).contentType("application/problem+json");
        SpontaneousInformationApiTest.act("ar", id, "erase-personal-data", 5, reason).statusCode(403).contentType("application/problem+json");
        for (String auditor : List.of("oversight", "ar", "nl")) {
            given().auth().oauth2(Tokens.auditor(auditor)).contentType("application/json").header("If-Match", "\"5\"").body(reason)
                    .post("/api/spontaneous-information/" + id + "/erase-personal-data").then().statusCode(403);
        }
        SpontaneousInformationApiTest.act("nl", id, "erase-personal-data", null, reason).statusCode(428).contentType("application/problem+json");
        SpontaneousInformationApiTest.act("nl", id, "erase-personal-data", 4, reason).statusCode(412).contentType("application/problem+json");
        SpontaneousInformationApiTest.act("nl", id, "erase-personal-data", 5, Map.of("reason", "NO_LONGER_WANTED")).statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("reason")));
        SpontaneousInformationApiTest.act("nl", id, "erase-personal-data", 5, Map.of()).statusCode(422)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("reason")));
        assertEquals(5, eventLogRows(dataSource, id).size(), "no refusal wrote anything");
        SpontaneousInformationApiTest.act("nl", id, "erase-personal-data", 5, reason).statusCode(200)
                .body("case.erasure.erasedBy", equalTo("NL"))
                .body("case.erasure.reason", equalTo("PURPOSE_FULFILLED"))
                .body("case.information.personsConcerned[0].identity", equalTo("erased"))
                .body("case.status", equalTo("CLOSED"))
                .body("case.allowedActions", equalTo(List.of()))
                .body("receipts[0].type", equalTo(SpontaneousInformationEventTypes.PERSONAL_DATA_ERASED));

        // every caller that may see the case reads "erased" in place of every personal text; what names nobody stays
        for (String token : List.of(Tokens.officer("nl"), Tokens.officer("ar"), Tokens.auditor("nl"), Tokens.auditor("ar"))) {
            given().auth().oauth2(token).get("/api/spontaneous-information/" + id).then().statusCode(200)
                    .body("information.personsConcerned.identity", equalTo(List.of("erased", "erased")))
                    .body("information.personsConcerned[0].protectedPerson", equalTo(true))
                    .body("information.subjectMatter", equalTo("erased"))
                    .body("information.summary", equalTo("erased"))
                    .body("information.contact.name", equalTo("erased"))
                    .body("information.language", equalTo("en"))
                    .body("conditions.permittedUse", equalTo("erased"))
                    .body("acknowledgement.contact.name", equalTo("erased"))
                    .body("acknowledgement.caseReference", equalTo("erased"))
                    .body("useConsents[0].description", equalTo("erased"))
                    .body("useConsents[0].decision", equalTo("DENIED"))
                    .body("closingNote", equalTo("erased"))
                    .body("status", equalTo("CLOSED"))
                    .body("allowedActions", equalTo(List.of()));
            given().auth().oauth2(token).get("/api/spontaneous-information/" + id + "/history").then().statusCode(200)
                    .body("[0].data.information.summary", equalTo("erased"))
                    .body("[2].data.description", equalTo("erased"))
                    .body("[3].data.reasons", equalTo("erased"))
                    .body("[5].type", equalTo(SpontaneousInformationEventTypes.PERSONAL_DATA_ERASED))
                    .body("[5].actorstate", equalTo("NL"))
                    .body("[5].data.reason", equalTo("PURPOSE_FULFILLED"));
        }
        // the oversight body: the protected witness stays a label, everything it read before reads "erased"
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/spontaneous-information/" + id).then().statusCode(200)
                .body("information.personsConcerned.identity", equalTo(List.of("Protected person 1", "erased")))
                .body("information.contact.name", equalTo("erased"))
                .body("erasure.reason", equalTo("PURPOSE_FULFILLED"));
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/spontaneous-information/" + id + "/history").then().statusCode(200)
                .body("[0].data.information.personsConcerned.identity", equalTo(List.of("Protected person 1", "erased")))
                .body("[1].data.contact.name", equalTo("erased"));
        for (String auditor : List.of("oversight", "nl", "ar")) {
            given().auth().oauth2(Tokens.auditor(auditor)).get("/api/audit/cases/" + id).then().statusCode(200)
                    .body("state.information.summary", equalTo("erased"))
                    .body("state.acknowledgement.contact.name", equalTo("erased"))
                    .body("state.erasure.erasedBy", equalTo("NL"));
        }
        for (String token : List.of(Tokens.officer("nl"), Tokens.auditor("oversight"))) {
            given().auth().oauth2(token).get("/api/spontaneous-information?limit=100").then().statusCode(200)
                    .body("items.find { it.id == '" + id + "' }.persons", equalTo(List.of("Protected person 1", "erased")))
                    .body("items.find { it.id == '" + id + "' }.subjectMatter", equalTo("erased"));
        }
        as("sn").get("/api/spontaneous-information/" + id).then().statusCode(404);
        // once is enough
        SpontaneousInformationApiTest.act("nl", id, "erase-personal-data", 6, reason).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("erased"));

        // no trace anywhere: the log, the topic, the replays, the stored case; the key is gone, the erasure recorded
        List<String> afterRows = eventLogRows(dataSource, id);
        assertEquals(6, afterRows.size());
        assertEquals(logRows, afterRows.subList(0, 5), "the log is append-only: the sealed events stay as they were");
        assertNoneNamed(names, afterRows, "event_log after erasure");
        assertNoneNamed(names, topicValues(topic, id, 6), "topic after erasure");
        for (String auditor : List.of("oversight", "nl")) {
            String replayAfter = given().auth().oauth2(Tokens.auditor(auditor)).get("/api/audit/events?case=" + id).then().statusCode(200)
                    .extract().asString();
            assertNoneNamed(names, replayAfter.lines().toList(), "audit replay of " + auditor + " after erasure");
        }
        assertNoneNamed(names, List.of(column(dataSource, "SELECT row_to_json(r)::text FROM spontaneous_information r WHERE id = ?::uuid", id)),
                "spontaneous_information");
        assertEquals(null, column(dataSource, "SELECT encode(wrapped_key, 'hex') FROM case_data_key WHERE case_id = ?", id));
        assertEquals("NL PURPOSE_FULFILLED", column(dataSource, "SELECT erased_by || ' ' || erasure_reason FROM case_data_key WHERE case_id = ?", id));

        // every log still verifies in full: the service's own check, and the auditors' CLI over the audit API
        assertEveryLogVerifies("request-service", "the erasure of spontaneous information " + id);
    }

    @Test
    void informationStoredInClearBeforeSealingStillReadsAndVerifies() {
        UUID id = UUID.randomUUID();
        // sent an hour ago, as stored events are: out of the windows other tests count cases in (StatisticsTest)
        Instant now = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        SpontaneousInformation information = new SpontaneousInformation(new org.mlaexchange.contracts.request.Authority("NL ICU", null),
                "Detention site", "Witness W-17 saw the transfers.", null, List.of(), new org.mlaexchange.contracts.request.ContactPerson(
                "J. de Vries", "j.devries@nl.demo", null), "en");
        SpontaneousInformationEvent.Sent sent = new SpontaneousInformationEvent.Sent(id, StateCode.of("NL"), StateCode.of("AR"), information,
                UseConditions.none(), List.of(), now);
        writes.run(() -> {
            SpontaneousInformationCase c = SpontaneousDecider.evolve(null, sent);
            spontaneous.store(null, c, now);
            // a JSON tree is no sealing contract: written as before this change
            eventLog.append(List.of(new NewEvent(id.toString(), SpontaneousInformationEventTypes.SENT, StateCode.of("NL"),
                    Set.of(StateCode.of("NL"), StateCode.of("AR")), EventJson.toData(sent))), 0L);
            return c;
        });
        assertTrue(eventLogRows(dataSource, id.toString()).get(0).contains("Witness W-17"), "stored in clear, as before sealing");

        SpontaneousInformationApiTest.act("ar", id.toString(), "acknowledge", 1, Map.of("caseReference", "AR-SI-1",
                "contact", Map.of("name", "L. Fernandez", "email", "lf@ar.demo"))).statusCode(200);
        assertFalse(eventLogRows(dataSource, id.toString()).get(1).contains("L. Fernandez"), "a new event of an old case is sealed");
        as("nl").get("/api/spontaneous-information/" + id + "/history").then().statusCode(200)
                .body("[0].data.information.summary", equalTo("Witness W-17 saw the transfers."))
                .body("[1].data.contact.name", equalTo("L. Fernandez"));
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/cases/" + id).then().statusCode(200)
                .body("state.acknowledgement.contact.name", equalTo("L. Fernandez"))
                .body("state.information.contact.name", equalTo("J. de Vries"));
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));

        // erased, the case reads "erased" in the texts it had in clear too; the log keeps those (append-only: the limit)
        SpontaneousInformationApiTest.act("nl", id.toString(), "close", 2, Map.of()).statusCode(200);
        SpontaneousInformationApiTest.act("nl", id.toString(), "erase-personal-data", 3, Map.of("reason", "RETENTION_PERIOD_ENDED"))
                .statusCode(200);
        as("ar").get("/api/spontaneous-information/" + id + "/history").then().statusCode(200)
                .body("[0].data.information.summary", equalTo("erased"))
                .body("[0].data.information.language", equalTo("en"))
                .body("[1].data.contact.name", equalTo("erased"));
        as("nl").get("/api/spontaneous-information/" + id).then().statusCode(200)
                .body("information.contact.name", equalTo("erased"))
                .body("acknowledgement.contact.name", equalTo("erased"));
        assertTrue(eventLogRows(dataSource, id.toString()).get(0).contains("Witness W-17"), "a row stored in clear stays as it was");
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }
}
