package org.mlaexchange.extradition.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.mlaexchange.extradition.api.Extraditions.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.events.HashChain;
import org.mlaexchange.platform.eventlog.OutboxRelay;
import org.mlaexchange.contracts.evidence.EvidenceEventTypes;
import org.mlaexchange.contracts.evidence.ItemEvent;
import org.mlaexchange.extradition.events.KnownEvidenceItems;
import org.mlaexchange.platform.projection.KnownRequests;
import org.mlaexchange.platform.testing.PublishedRequests;
import org.mlaexchange.platform.testing.TopicReader;

/**
 * Supporting documents may refer to an MLA request or an evidence item: each is checked against this
 * service's projections of the request and evidence topics, and the requesting State must be party to it.
 */
@QuarkusTest
class SupportingDocumentsTest {

    @Inject
    KnownRequests knownRequests;

    @Inject
    KnownEvidenceItems knownItems;

    @Test
    void aDocumentFromAnMlaRequestTheRequestingStateIsPartyTo() {
        UUID unknown = UUID.randomUUID();
        Extraditions.submit("nl", withDocument(Map.of("title", "Witness statement W-17", "mlaRequestId", unknown))).statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("request.documents[0].mlaRequestId")));

        UUID nlToAr = PublishedRequests.inExecution(Extraditions.REQUEST_TOPIC, "NL", "AR", false);
        UUID snToAr = PublishedRequests.inExecution(Extraditions.REQUEST_TOPIC, "SN", "AR", false);
        await().atMost(Duration.ofSeconds(30)).until(() -> knownRequests.find(nlToAr).isPresent() && knownRequests.find(snToAr).isPresent());

        Extraditions.submit("nl", withDocument(Map.of("title", "Witness statement W-17", "mlaRequestId", nlToAr))).statusCode(201)
                .body("case.formalRequest.request.documents[0].mlaRequestId", equalTo(nlToAr.toString()));
        // known here, but NL is not party to SN's request
        Extraditions.submit("nl", withDocument(Map.of("title", "Bank records", "mlaRequestId", snToAr))).statusCode(422)
                .body("errors.field", equalTo(List.of("request.documents[0].mlaRequestId")));
        Extraditions.submit("sn", withDocument(Map.of("title", "Bank records", "mlaRequestId", snToAr))).statusCode(201);
    }

    @Test
    void aDocumentHeldAsAnEvidenceItem() {
        UUID item = registeredItem("AR", "NL");
        await().atMost(Duration.ofSeconds(30)).until(() -> knownItems.find(item).isPresent());

        String id = Extraditions.submit("nl", withDocument(Map.of("title", "Seized ledger", "evidenceItemId", item))).statusCode(201)
                .extract().path("case.id");
        Extraditions.submit("sn", withDocument(Map.of("title", "Seized ledger", "evidenceItemId", item))).statusCode(422)
                .body("errors.field", equalTo(List.of("request.documents[0].evidenceItemId")));

        // supplementary information is checked the same way, together with the decider's own rules
        Extraditions.step("ar", id, "acknowledge", Extraditions.acknowledgement());
        Extraditions.step("ar", id, "request-supplementary-information", Map.of("missing", List.of("The seizure order"),
                "dueDate", java.time.LocalDate.now().plusDays(20).toString()));
        Extraditions.act("nl", id, "provide-supplementary-information", 3, Map.of("information", " ",
                        "documents", List.of(Map.of("title", "Seizure order", "evidenceItemId", UUID.randomUUID()))))
                .statusCode(422).body("errors.field", equalTo(List.of("information", "documents[0].evidenceItemId")));
        Extraditions.act("nl", id, "provide-supplementary-information", 3, Map.of("information", "The seizure order is item 2",
                        "documents", List.of(Map.of("title", "Seizure order", "evidenceItemId", item))))
                .statusCode(200).body("case.status", equalTo("REQUEST_ACKNOWLEDGED"));
        as("ar").get("/api/extraditions/" + id).then().body("supplementaryInformation[0].documents[0].evidenceItemId",
                equalTo(item.toString()));
    }

    private static Map<String, Object> withDocument(Map<String, Object> document) {
        return Extraditions.submission("AR", Extraditions.formalRequest(Extraditions.person(), List.of(document)));
    }

    /** Publishes an item registration on the evidence topic, sealed as evidence-service's relay would publish it. */
    private static UUID registeredItem(String providing, String receiving) {
        UUID item = UUID.randomUUID();
        ItemEvent.Registered registered = new ItemEvent.Registered(item, UUID.randomUUID(), UUID.randomUUID(), StateCode.of(providing),
                StateCode.of(receiving), null, Instant.now());
        CloudEvent unsealed = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/mla-exchange/evidence-service",
                EvidenceEventTypes.ITEM_REGISTERED, item.toString(), Instant.now().toString(), CloudEvent.DATA_CONTENT_TYPE, providing,
                1, 1, HashChain.GENESIS, null, EventJson.toData(registered));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicReader.BOOTSTRAP,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(OutboxRelay.recordOf(Extraditions.EVIDENCE_TOPIC, item.toString(), HashChain.seal(unsealed).json()))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + Extraditions.EVIDENCE_TOPIC, e);
        }
        return item;
    }
}
