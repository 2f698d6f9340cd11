package org.mlaexchange.request.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.request.api.Api.as;
import static org.mlaexchange.request.api.Api.step;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.request.RequestEventTypes;
import org.mlaexchange.platform.eventlog.EventLog;
import org.mlaexchange.platform.eventlog.NewEvent;
import org.mlaexchange.platform.testing.Tokens;
import org.mlaexchange.platform.testing.TopicReader;
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
    void aProtectedWitnessNeverReachesTheLogInClearAndErasureLeavesNoTraceButKeepsTheProof() throws SQLException {
        // one marker in every name, unique to this run: finding it anywhere is finding personal data
        String tag = "Q" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String witness = "Nadia Quispe" + tag;
        String contact = "Tomas Lindqvist" + tag;
        List<String> names = List.of(tag, witness, contact, "Lucia Fernandez" + tag, "lindqvist" + tag.toLowerCase());
        String body = Api.submission("AR")
                .replace("\"confidential\": false", "\"confidential\": true")
                .replace("Hear witness W-17 by video conference", "Hear " + witness + " by video conference")
                .replace("\"name\": \"J. de Vries\", \"email\": \"j.devries@nl.demo\"",
                        "\"name\": \"" + contact + "\", \"email\": \"lindqvist" + tag.toLowerCase() + "@nl.demo\"")
                .replace("\"language\": \"en\"", "\"language\": \"en\", \"confidentialityReasons\": \"" + witness + " fears reprisals\","
                        + " \"personsConcerned\": [{\"identity\": \"" + witness + "\", \"location\": \"Rosario\", \"nationality\": \"AR\","
                        + " \"protectedPerson\": true}]");
        String id = Api.submit("nl", body).statusCode(201).extract().path("case.id");
        step("ar", id, "acknowledge", Map.of("caseReference", "AR-2026-" + tag,
                "contact", Map.of("name", "Lucia Fernandez" + tag, "email", "lf@ar.demo")));
        step("ar", id, "accept", Map.of("measureIds", List.of("m1", "m2")));
        step("ar", id, "report-progress", Map.of("updates", List.of(Map.of("measureId", "m1", "status", "EXECUTED",
                "note", witness + " heard on 3 December")), "summary", "Hearing of " + witness + " done"));

        // the parties read the names; the log and the topic hold none
        as("nl").get("/api/requests/" + id).then().statusCode(200)
                .body("contentVersions[0].personsConcerned[0].identity", equalTo(witness))
                .body("progressReports[0].updates[0].note", equalTo(witness + " heard on 3 December"));
        as("ar").get("/api/requests/" + id + "/history").then().statusCode(200)
                .body("[0].data.content.contact.name", equalTo(contact));
        List<String> logRows = eventLogRows(id);
        assertEquals(4, logRows.size());
        assertNoneNamed(names, logRows, "event_log");
        assertTrue(logRows.get(0).contains("\"identity\":\"mla-sealed.v1:"), "the witness's identity is sealed in place");
        assertTrue(logRows.get(0).contains("\"protectedPerson\":true"), "what is not personal stays readable: " + logRows.get(0));
        assertNoneNamed(names, topicValues(id, 4), "topic " + topic);

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

        // the API shows "erased" in place of every personal text; what names nobody is still there
        as("ar").get("/api/requests/" + id).then().statusCode(200)
                .body("contentVersions[0].personsConcerned[0].identity", equalTo("erased"))
                .body("contentVersions[0].personsConcerned[0].protectedPerson", equalTo(true))
                .body("contentVersions[0].contact.name", equalTo("erased"))
                .body("acknowledgement.contact.name", equalTo("erased"))
                .body("progressReports[0].updates[0].note", equalTo("erased"))
                .body("progressReports[0].updates[0].status", equalTo("EXECUTED"))
                .body("measures.id", equalTo(List.of("m1", "m2")))
                .body("withdrawal.reasons", equalTo("erased"))
                .body("status", equalTo("WITHDRAWN"));
        as("nl").get("/api/requests/" + id + "/history").then().statusCode(200)
                .body("data.content.contact.name", hasItem("erased"))
                .body("[5].type", equalTo(RequestEventTypes.PERSONAL_DATA_ERASED))
                .body("[5].actorstate", equalTo("NL"));
        // once is enough
        Api.act("nl", id, "erase-personal-data", version + 1, Map.of("reason", "PURPOSE_FULFILLED")).statusCode(409);

        // no trace anywhere: the log, the topic, the stored request; the key is gone, the erasure recorded
        List<String> afterRows = eventLogRows(id);
        assertEquals(6, afterRows.size());
        assertEquals(logRows, afterRows.subList(0, 4), "the log is append-only: the sealed events stay as they were");
        assertNoneNamed(names, afterRows, "event_log after erasure");
        assertNoneNamed(names, topicValues(id, 6), "topic after erasure");
        assertNoneNamed(names, List.of(column("SELECT state::text FROM mla_request WHERE id = ?::uuid", id)), "requests");
        assertEquals(null, column("SELECT encode(wrapped_key, 'hex') FROM case_data_key WHERE case_id = ?", id));
        assertEquals("NL PURPOSE_FULFILLED", column("SELECT erased_by || ' ' || erasure_reason FROM case_data_key WHERE case_id = ?", id));

        // every log still verifies in full, and the case rebuilt from its sealed events is the case shown
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true)).body("firstBreak", nullValue());
        Object rebuilt = given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/cases/" + id).then().statusCode(200)
                .extract().path("state.contentVersions[0].personsConcerned[0].identity");
        assertEquals("erased", rebuilt);
    }

    @Test
    void anEventStoredInClearBeforeSealingStillVerifiesAndReplays() {
        // a Submitted written as before this change: its data in clear (a JSON tree is no sealing contract)
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
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
        assertTrue(eventLogRows(id.toString()).get(0).contains("Hear witness W-17"), "stored in clear, as before sealing");

        step("ar", id.toString(), "acknowledge", Map.of("caseReference", "AR-2026-1", "contact", Map.of("name", "L. Fernandez", "email", "lf@ar.demo")));
        List<String> rows = eventLogRows(id.toString());
        assertFalse(rows.get(1).contains("L. Fernandez"), "a new event of an old case is sealed");
        as("nl").get("/api/requests/" + id + "/history").then().statusCode(200)
                .body("[0].data.content.measures[0].specifics", equalTo("Hear witness W-17 by video conference"))
                .body("[1].data.contact.name", equalTo("L. Fernandez"));
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/cases/" + id).then().statusCode(200)
                .body("state.acknowledgement.contact.name", equalTo("L. Fernandez"))
                .body("state.contentVersions[0].contact.name", equalTo("J. de Vries"));
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    private static void assertNoneNamed(List<String> names, List<String> dump, String where) {
        assertFalse(dump.isEmpty(), where + " is empty");
        for (String text : dump) {
            for (String name : names) {
                assertFalse(text.contains(name), where + " holds " + name + ": " + text);
            }
        }
    }

    private List<String> eventLogRows(String caseId) {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("""
                     SELECT concat_ws('|', logseq, event_id, case_id, caseseq, type, actor_state, parties, occurred_at, prevhash,
                                      hash, envelope) FROM event_log WHERE case_id = ? ORDER BY caseseq""")) {
            q.setString(1, caseId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private String column(String sql, String caseId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, caseId);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getString(1);
            }
        }
    }

    /** The values of every record of the case on the service's topic, once at least {@code count} are there. */
    private List<String> topicValues(String caseId, int count) {
        List<ConsumerRecord<String, String>> read = TopicReader.readUntil(topic,
                records -> records.stream().filter(r -> caseId.equals(r.key())).count() >= count, Duration.ofSeconds(30));
        List<String> values = read.stream().filter(r -> caseId.equals(r.key())).map(ConsumerRecord::value).toList();
        assertTrue(values.size() >= count, "only " + values.size() + " of " + count + " events of " + caseId + " on " + topic);
        assertNotNull(values.get(0));
        return values;
    }
}
