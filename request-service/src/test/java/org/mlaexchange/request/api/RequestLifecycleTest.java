package org.mlaexchange.request.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.request.api.Api.as;
import static org.mlaexchange.request.api.Api.step;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.events.ChainVerifier;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.events.HashChain;
import org.mlaexchange.contracts.request.RequestEventTypes;
import org.mlaexchange.platform.testing.KafkaTopicReset;
import org.mlaexchange.platform.testing.Tokens;
import org.mlaexchange.platform.testing.TopicReader;

/** A whole request NL → AR through the real stack: tokens from two realms, PostgreSQL, the relay, Kafka. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTopicReset.class, initArgs = @ResourceArg(name = "topics", value = "request-test.mla.request.events"))
class RequestLifecycleTest {

    @ConfigProperty(name = "mla.events.topic")
    String topic;

    @Test
    void requestFromNetherlandsToArgentinaRunsItsWholeLifecycle() {
        var submitted = Api.submit("nl", Api.submission("AR"))
                .statusCode(201)
                .header("Location", containsString("/api/requests/"))
                .header("ETag", "\"1\"")
                .body("case.status", equalTo("SUBMITTED"))
                .body("case.requestingState", equalTo("NL"))
                .body("case.requestedState", equalTo("AR"))
                .body("case.measures", hasSize(2))
                .body("receipts[0].caseseq", equalTo(1))
                .body("receipts[0].hash", matchesPattern("[0-9a-f]{64}"));
        String id = submitted.extract().path("case.id");
        Map<String, Object> content = submitted.extract().path("case.contentVersions[0]");
        // each party is told what it may do now, from the action table; the other State's moves are not offered
        submitted.body("case.allowedActions", equalTo(List.of("withdraw", "ask-status", "supplement")));
        as("ar").get("/api/requests/" + id).then().body("allowedActions", equalTo(List.of("acknowledge")));
        given().auth().oauth2(Tokens.auditor("ar")).get("/api/requests/" + id).then().body("allowedActions", equalTo(List.of()));

        step("ar", id, "acknowledge", Map.of("caseReference", "AR-MLA-2026-77",
                "contact", Map.of("name", "M. Gómez", "email", "mgomez@ar.demo", "phone", "+54 11 0000 0001")))
                .body("case.status", equalTo("ACKNOWLEDGED"))
                .body("case.acknowledgement.caseReference", equalTo("AR-MLA-2026-77"));
        step("ar", id, "request-information", Map.of("missing", List.of("Date of birth of witness W-17")))
                .body("case.status", equalTo("INFORMATION_REQUESTED"));
        Map<String, Object> amended = new HashMap<>(content);
        amended.put("summaryOfFacts", content.get("summaryOfFacts") + " Witness W-17 was born on 1 May 1980.");
        step("nl", id, "provide-information", Map.of("content", amended, "note", "Date of birth added"))
                .body("case.status", equalTo("UNDER_ASSESSMENT"))
                .body("case.contentVersions", hasSize(2));
        step("ar", id, "open-consultation", Map.of("matters", List.of("Conditions on the use of bank records")))
                .body("case.status", equalTo("CONSULTATION"));
        step("ar", id, "propose-conditions", Map.of("conditions", List.of("Bank records used only in case ICU-2026-0142")))
                .body("case.status", equalTo("CONDITIONS_PROPOSED"));
        step("nl", id, "accept-conditions", Map.of("reasons", "Acceptable"))
                .body("case.status", equalTo("UNDER_ASSESSMENT"));
        step("ar", id, "open-consultation", Map.of("matters", List.of("Bank records are covered by an ongoing domestic case")))
                .body("case.status", equalTo("CONSULTATION"));
        step("ar", id, "refuse", Map.of("measureIds", List.of("m2"), "grounds", List.of("ESSENTIAL_INTERESTS"),
                "reasons", "Disclosure would compromise a domestic investigation"))
                .body("case.measures[1].status", equalTo("REFUSED"))
                .body("case.status", equalTo("UNDER_ASSESSMENT"));
        step("ar", id, "accept", Map.of("measureIds", List.of("m1"), "impossibleProcedures", List.of()))
                .body("case.status", equalTo("ACCEPTED"))
                .body("case.measures[0].status", equalTo("ACCEPTED"));
        step("ar", id, "report-progress", Map.of("updates", List.of(Map.of("measureId", "m1", "status", "IN_EXECUTION",
                "note", "Hearing scheduled")), "summary", "Hearing on 3 December"))
                .body("case.status", equalTo("IN_EXECUTION"));
        step("ar", id, "report-progress", Map.of("updates", List.of(Map.of("measureId", "m1", "status", "EXECUTED",
                "note", "Hearing held, record sent")), "summary", "Witness heard"))
                .body("case.measures[0].status", equalTo("EXECUTED"));
        step("ar", id, "complete", Map.of("summary", "Measure m1 executed, m2 refused"))
                .body("case.status", equalTo("EXECUTED"));
        var closed = step("nl", id, "close", Map.of("note", "Results received"))
                .body("case.status", equalTo("CLOSED"))
                .header("ETag", "\"14\"");
        long lastLogseq = ((Number) closed.extract().path("receipts[0].logseq")).longValue();

        // the history holds every change, in order
        as("ar").get("/api/requests/" + id + "/history").then().statusCode(200)
                .body("", hasSize(14))
                .body("caseseq", equalTo(java.util.stream.IntStream.rangeClosed(1, 14).boxed().toList()));

        // the state rebuilt from the events equals the live state
        // closed, it takes one more action: the requesting State may erase the personal data it supplied
        Map<String, Object> live = as("nl").get("/api/requests/" + id).then().body("allowedActions", equalTo(List.of("erase-personal-data")))
                .extract().as(Map.class);
        live.remove("allowedActions");
        Object rebuilt = given().auth().oauth2(Tokens.auditor("nl")).get("/api/audit/cases/" + id).then().statusCode(200)
                .body("caseseq", equalTo(14)).extract().path("state");
        assertEquals(live, rebuilt);

        // an outside reader of the Kafka topic sees the 14 events in order, each hash recomputable,
        // and the whole log forms one unbroken chain
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(topic,
                read -> read.size() >= lastLogseq, Duration.ofSeconds(30));
        List<JsonNode> ofRequest = records.stream().filter(r -> id.equals(r.key()))
                .map(r -> EventJson.tree(r.value())).toList();
        assertEquals(14, ofRequest.size(), "all events of the request reached Kafka");
        for (int i = 0; i < ofRequest.size(); i++) {
            JsonNode event = ofRequest.get(i);
            assertEquals(i + 1, event.get("caseseq").asInt(), "per-case order is kept on the partition");
            assertEquals("1.0", event.get("specversion").asText());
            assertEquals("/mla-exchange/request-service", event.get("source").asText());
            assertEquals(id, event.get("subject").asText());
            assertTrue(RequestEventTypes.all().contains(event.get("type").asText()), event.get("type").asText());
            assertEquals(HashChain.hashOf(event), event.get("hash").asText(), "hash recomputes from the record alone");
        }
        assertEquals("NL", ofRequest.get(0).get("actorstate").asText());
        assertEquals("AR", ofRequest.get(1).get("actorstate").asText());
        assertEquals(HashChain.GENESIS.length(), ofRequest.get(0).get("prevhash").asText().length());

        ChainVerifier verifier = new ChainVerifier();
        records.stream().map(ConsumerRecord::value)
                .sorted(Comparator.comparingLong(v -> EventJson.tree(v).get("logseq").asLong()))
                .distinct()
                .forEach(verifier::accept);
        assertTrue(verifier.result().intact(), () -> "chain broken: " + verifier.result().firstBreak());
        assertTrue(verifier.result().headLogseq() >= lastLogseq);
    }
}
