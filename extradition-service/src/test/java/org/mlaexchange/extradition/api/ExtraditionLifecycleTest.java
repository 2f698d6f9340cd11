package org.mlaexchange.extradition.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.extradition.api.Extraditions.as;
import static org.mlaexchange.extradition.api.Extraditions.step;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.events.HashChain;
import org.mlaexchange.contracts.extradition.ExtraditionEventTypes;
import org.mlaexchange.platform.testing.KafkaTopicReset;
import org.mlaexchange.platform.testing.Tokens;
import org.mlaexchange.platform.testing.TopicReader;

/** Whole cases through the real stack: tokens from three realms, PostgreSQL, the outbox relay, Kafka. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTopicReset.class, initArgs = @ResourceArg(name = "topics",
        value = "extradition-test.mla.request.events,extradition-test.mla.evidence.events,extradition-test.mla.extradition.events"))
class ExtraditionLifecycleTest {

    @ConfigProperty(name = "mla.events.topic")
    String topic;

    @Test
    void provisionalArrestThenFormalRequestEndsInSurrender() {
        Map<String, Object> person = Extraditions.person();
        var opened = as("nl").body(Extraditions.provisionalArrest("AR", person)).post("/api/extraditions/provisional-arrests").then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .body("case.status", equalTo("PROVISIONAL_ARREST_REQUESTED"))
                .body("case.requestingState", equalTo("NL"))
                .body("case.requestedState", equalTo("AR"))
                .body("receipts[0].caseseq", equalTo(1))
                .body("receipts[0].hash", matchesPattern("[0-9a-f]{64}"));
        String id = opened.extract().path("case.id");
        opened.header("Location", endsWith("/api/extraditions/" + id));

        step("ar", id, "record-arrest", Map.of("arrestedAt", Instant.now().minusSeconds(3600).toString(), "place", "Buenos Aires"))
                .body("case.status", equalTo("PROVISIONALLY_ARRESTED"))
                .body("case.inCustody", equalTo(true))
                .body("case.releasePossibleDueDate", notNullValue());
        step("nl", id, "submit-formal-request", Map.of("channel", "DIRECT", "request", Extraditions.formalRequest(person)))
                .body("case.status", equalTo("REQUEST_SUBMITTED"));
        step("ar", id, "acknowledge", Extraditions.acknowledgement())
                .body("case.status", equalTo("REQUEST_ACKNOWLEDGED"))
                .body("case.acknowledgement.caseReference", equalTo("AR-EXT-2026-9"));
        step("ar", id, "grant", Extraditions.grant()).body("case.status", equalTo("GRANTED"));
        step("ar", id, "schedule-surrender", Extraditions.surrenderOn(LocalDate.now().plusDays(7)))
                .body("case.status", equalTo("SURRENDER_SCHEDULED"));
        var surrendered = step("ar", id, "record-surrender", Map.of("note", "Handed over to the Dutch escort"))
                .body("case.status", equalTo("SURRENDERED"))
                .body("case.surrender.place", equalTo("Ezeiza International Airport"))
                .header("ETag", "\"7\"");
        long lastLogseq = ((Number) surrendered.extract().path("receipts[0].logseq")).longValue();

        as("ar").get("/api/extraditions/" + id + "/history").then().statusCode(200)
                .body("", hasSize(7))
                .body("caseseq", equalTo(IntStream.rangeClosed(1, 7).boxed().toList()));

        // the case rebuilt from its events equals the live case
        // the requesting State may still ask for consents after surrender (table), nothing else
        java.util.Map<String, Object> live = as("nl").get("/api/extraditions/" + id).then().statusCode(200)
                .body("allowedActions", equalTo(List.of("request-speciality-consent", "request-re-extradition-consent", "close")))
                .extract().as(java.util.Map.class);
        live.remove("allowedActions");
        Object rebuilt = given().auth().oauth2(Tokens.auditor("nl")).get("/api/audit/cases/" + id).then().statusCode(200)
                .body("caseseq", equalTo(7)).extract().path("state");
        assertEquals(live, rebuilt);

        // an outside reader of the topic sees the 7 events in order, each hash recomputable from the record alone
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(topic,
                read -> read.stream().filter(r -> id.equals(r.key())).count() >= 7, Duration.ofSeconds(30));
        List<JsonNode> ofCase = records.stream().filter(r -> id.equals(r.key())).map(r -> EventJson.tree(r.value())).toList();
        assertEquals(7, ofCase.size(), "all events of the case reached Kafka");
        for (int i = 0; i < ofCase.size(); i++) {
            JsonNode event = ofCase.get(i);
            assertEquals(i + 1, event.get("caseseq").asInt(), "per-case order is kept on the partition");
            assertEquals("/mla-exchange/extradition-service", event.get("source").asText());
            assertEquals(id, event.get("subject").asText());
            assertTrue(ExtraditionEventTypes.all().contains(event.get("type").asText()), event.get("type").asText());
            assertEquals(HashChain.hashOf(event), event.get("hash").asText(), "hash recomputes from the record alone");
        }
        assertEquals(ExtraditionEventTypes.PROVISIONAL_ARREST_REQUESTED, ofCase.get(0).get("type").asText());
        assertEquals("NL", ofCase.get(0).get("actorstate").asText());
        assertEquals("AR", ofCase.get(1).get("actorstate").asText());
        assertEquals(lastLogseq, ofCase.get(6).get("logseq").asLong(), "the last receipt names the last published event");
    }

    @Test
    void aNationalIsRefusedAndProsecutedAtHome() {
        Map<String, Object> national = Extraditions.person(Extraditions.passport(), false, "SN");
        String id = Extraditions.submit("nl", Extraditions.submission("SN", Extraditions.formalRequest(national))).statusCode(201)
                .body("case.status", equalTo("REQUEST_SUBMITTED")).extract().path("case.id");
        step("sn", id, "acknowledge", Extraditions.acknowledgement());
        step("sn", id, "refuse", Map.of("grounds", List.of("NATIONALITY"),
                "reasons", "The person is a Senegalese national; the Constitution bars the extradition of nationals"))
                .body("case.status", equalTo("REFUSED"))
                .body("case.refusal.grounds", equalTo(List.of("NATIONALITY")));
        // aut dedere aut judicare: the case cannot be closed before it went to SN's prosecutors
        Extraditions.act("nl", id, "close", Extraditions.version("nl", id), Map.of("note", "Nothing more to ask")).statusCode(409)
                .body("type", equalTo("urn:mla-exchange:problem:transition-forbidden"));
        step("sn", id, "submit-for-prosecution", Map.of("prosecutingAuthority", "Procureur de la République, Dakar",
                "caseReference", "PR-DK-2026-311"))
                .body("case.status", equalTo("SUBMITTED_FOR_PROSECUTION"));
        step("sn", id, "report-prosecution-outcome", Map.of("outcome", "CONVICTED",
                "details", "Sentenced to 20 years by the Tribunal de grande instance of Dakar"))
                .body("case.status", equalTo("PROSECUTION_OUTCOME_REPORTED"))
                .body("case.prosecution.outcome", equalTo("CONVICTED"));
        step("nl", id, "close", Map.of("note", "Outcome received")).body("case.status", equalTo("CLOSED"));
        List<String> types = as("nl").get("/api/extraditions/" + id + "/history").then().statusCode(200).extract().path("type");
        assertEquals(List.of("extradition-requested", "request-acknowledged", "refused", "submitted-for-prosecution",
                "prosecution-outcome-reported", "closed"), Extraditions.shortTypes(types));
    }
}
