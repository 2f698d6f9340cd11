package org.mlaexchange.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.events.HashChain;
import org.mlaexchange.platform.eventlog.OutboxRelay;
import org.mlaexchange.contracts.request.RequestContent;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.request.RequestEventTypes;
import org.mlaexchange.contracts.request.RequestStatus;

/**
 * Puts MLA request events on the request topic of the real broker, exactly as request-service's relay
 * publishes them (sealed CloudEvents keyed by request id), for services that project requests.
 */
public final class PublishedRequests {

    private PublishedRequests() {
    }

    /** A request from {@code requesting} to {@code requested} with measures m1 and m2, accepted for execution. */
    public static UUID inExecution(String topic, String requesting, String requested, boolean confidential) {
        return inExecution(topic, requesting, requested, confidential, null);
    }

    /** As {@link #inExecution(String, String, String, boolean)}, the records carrying this W3C {@code traceparent} (null: none). */
    public static UUID inExecution(String topic, String requesting, String requested, boolean confidential, String traceparent) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        RequestContent content = new RequestContent(null, null, null, "Summary of facts", null, List.of(), "Purpose", null, "en",
                List.of(), List.of(), confidential ? "Ongoing investigation" : null, null, null, false, null, List.of());
        publish(topic, StateCode.of(requesting), List.of(
                new RequestEvent.Submitted(id, StateCode.of(requesting), StateCode.of(requested), false, confidential, content,
                        List.of("m1", "m2"), now, LocalDate.now().plusDays(7), LocalDate.now().plusDays(30)),
                new RequestEvent.Accepted(id, List.of("m1", "m2"), List.of(), LocalDate.now().plusDays(90), RequestStatus.ACCEPTED, now)),
                StateCode.of(requested), traceparent);
        return id;
    }

    /** Publishes the events in order; the first is the requesting State's, the rest the requested State's. */
    public static void publish(String topic, StateCode requesting, List<RequestEvent> events, StateCode requested) {
        publish(topic, requesting, events, requested, null);
    }

    /** As {@link #publish(String, StateCode, List, StateCode)}, each record with this W3C {@code traceparent} header. */
    public static void publish(String topic, StateCode requesting, List<RequestEvent> events, StateCode requested,
                               String traceparent) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicReader.BOOTSTRAP,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            int caseseq = 0;
            for (RequestEvent event : events) {
                caseseq++;
                CloudEvent unsealed = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(),
                        "/mla-exchange/request-service", RequestEventTypes.typeOf(event), event.requestId().toString(),
                        Instant.now().toString(), CloudEvent.DATA_CONTENT_TYPE, (caseseq == 1 ? requesting : requested).value(),
                        caseseq, caseseq, HashChain.GENESIS, null, EventJson.toData(event));
                ProducerRecord<String, String> record = OutboxRelay.recordOf(topic, event.requestId().toString(),
                        HashChain.seal(unsealed).json());
                if (traceparent != null) {
                    record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
                }
                producer.send(record).get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish request events to " + topic, e);
        }
    }
}
