package org.mlaexchange.request.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.request.api.Api.as;
import static org.mlaexchange.platform.testing.PersonalDataTraces.assertNoneNamed;
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
 * Spontaneous information seals its personal data as the requests do: information naming a protected witness goes
 * through its flow, and neither the topic (read as any Kafka client reads it) nor the event_log table holds a name,
 * while the two States read them and the oversight body sees the witness as a label; information stored in clear
 * before sealing still reads and verifies. (A class of its own: the request variant's helpers are being moved.)
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
    void aProtectedWitnessInSpontaneousInformationNeverReachesTheLogInClear() throws Exception {
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
        SpontaneousInformationApiTest.act("nl", id, "close", 4, Map.of("note", "Nothing further on " + suspect)).statusCode(200);

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

        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true)).body("firstBreak", nullValue());
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
    }
}
