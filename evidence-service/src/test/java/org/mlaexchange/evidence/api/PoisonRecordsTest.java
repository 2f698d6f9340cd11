package org.mlaexchange.evidence.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.events.HashChain;
import org.mlaexchange.platform.projection.KnownRequests;
import org.mlaexchange.platform.testing.TopicReader;

/**
 * Records on the request topic that are not valid request events (garbage, a forged hash, another
 * service's source, a gap in a case) are set aside on the quarantine topic with their reason; the
 * projection goes on with the next record and the service stays ready.
 */
@QuarkusTest
class PoisonRecordsTest {

    @Inject
    KnownRequests known;

    @Test
    void invalidRecordsAreQuarantinedAndTheProjectionGoesOn() throws Exception {
        String topic = Evidence.REQUEST_TOPIC;
        String quarantine = topic + ".quarantine";
        String gapCase = UUID.randomUUID().toString();
        CloudEvent forged = EventJson.parse(HashChain.seal(envelope("/mla-exchange/request-service", gapCase, 1)).json())
                .withHash("0".repeat(64));
        String gap = HashChain.seal(envelope("/mla-exchange/request-service", gapCase, 5)).json();
        String foreign = HashChain.seal(envelope("/mla-exchange/somewhere-else", gapCase, 1)).json();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicReader.BOOTSTRAP, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (String value : List.of("this is not a CloudEvent", EventJson.mapper().writeValueAsString(forged), foreign, gap)) {
                producer.send(new ProducerRecord<>(topic, gapCase, value)).get(10, TimeUnit.SECONDS);
            }
        }

        // a valid request published after the four poisoned records still reaches the projection
        UUID request = Evidence.requestInExecution(known);
        assertTrue(known.find(request).isPresent());

        List<ConsumerRecord<String, String>> setAside = TopicReader.readUntil(quarantine,
                read -> read.stream().filter(r -> gapCase.equals(r.key())).count() >= 4, Duration.ofSeconds(30))
                .stream().filter(r -> gapCase.equals(r.key())).toList();
        assertEquals(4, setAside.size());
        List<String> reasons = setAside.stream().map(r -> header(r, "mla-quarantine-reason")).toList();
        assertTrue(reasons.get(0).startsWith("invalid: not a CloudEvent"), reasons.get(0));
        assertTrue(reasons.get(1).contains("does not match its content"), reasons.get(1));
        assertTrue(reasons.get(2).contains("is not /mla-exchange/request-service"), reasons.get(2));
        assertTrue(reasons.get(3).startsWith("not applicable: "), reasons.get(3));
        setAside.forEach(r -> assertEquals(topic, header(r, "mla-original-topic")));
        assertEquals("this is not a CloudEvent", setAside.get(0).value(), "the record is kept as it came");

        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'consumer quarantine' }.data.quarantined", greaterThanOrEqualTo(4));
    }

    private static CloudEvent envelope(String source, String caseId, long caseseq) {
        Map<String, Object> submitted = Map.of("requestId", caseId, "requestingState", "NL", "requestedState", "AR");
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source,
                "org.mlaexchange.request.submitted.v1", caseId, Instant.now().toString(), CloudEvent.DATA_CONTENT_TYPE, "NL",
                caseseq, caseseq, HashChain.GENESIS, null, EventJson.toData(submitted));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
