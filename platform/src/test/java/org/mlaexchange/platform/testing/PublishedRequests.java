package org.mlaexchange.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
import org.mlaexchange.contracts.request.Authority;
import org.mlaexchange.contracts.request.ContactPerson;
import org.mlaexchange.contracts.request.SpontaneousInformation;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent;
import org.mlaexchange.contracts.request.SpontaneousInformationEventTypes;
import org.mlaexchange.contracts.request.UseConditions;

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
        publish(topic, events.stream().map(e -> new Published(e.requestId(), RequestEventTypes.typeOf(e), EventJson.toData(e))).toList(),
                requesting, requested, traceparent);
    }

    /**
     * Spontaneous information from {@code providing} to {@code receiving}, sent and then answered by {@code answers}
     * (the receiving State's events after {@code Sent}, given the information's id), published as request-service
     * publishes it.
     */
    public static UUID spontaneousInformation(String topic, String providing, String receiving,
                                              Function<UUID, List<SpontaneousInformationEvent>> answers) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        SpontaneousInformation information = new SpontaneousInformation(new Authority("Central authority of " + providing, null),
                "A mass grave", "Information on a mass grave near the border", null, List.of(),
                new ContactPerson("Officer", "officer@" + providing.toLowerCase() + ".demo", null), "en");
        List<SpontaneousInformationEvent> events = new ArrayList<>(List.of(new SpontaneousInformationEvent.Sent(id, StateCode.of(providing),
                StateCode.of(receiving), information, new UseConditions("Investigation of the case", List.of(), false, null), List.of(), now)));
        events.addAll(answers.apply(id));
        publish(topic, events.stream().map(e -> new Published(e.informationId(), SpontaneousInformationEventTypes.typeOf(e),
                EventJson.toData(e))).toList(), StateCode.of(providing), StateCode.of(receiving), null);
        return id;
    }

    private record Published(UUID caseId, String type, JsonNode data) {
    }

    /** The sealed CloudEvent of a new request from {@code requesting} to {@code requested}, as the relay publishes it. */
    public static String submitted(UUID id, String requesting, String requested) {
        Instant now = Instant.now();
        RequestContent content = new RequestContent(null, null, null, "Summary of facts", null, List.of(), "Purpose", null, "en",
                List.of(), List.of(), null, null, null, false, null, List.of());
        RequestEvent submitted = new RequestEvent.Submitted(id, StateCode.of(requesting), StateCode.of(requested), false, false,
                content, List.of("m1"), now, LocalDate.now().plusDays(7), LocalDate.now().plusDays(30));
        return sealed(new Published(id, RequestEventTypes.typeOf(submitted), EventJson.toData(submitted)), 1, StateCode.of(requesting));
    }

    /**
     * The sealed CloudEvent of the requested State accepting request {@code id} at {@code caseseq}: 2 follows
     * {@link #submitted}, a higher one arrives before its predecessor (a gap).
     */
    public static String accepted(UUID id, String requested, int caseseq) {
        RequestEvent accepted = new RequestEvent.Accepted(id, List.of("m1"), List.of(), LocalDate.now().plusDays(90),
                RequestStatus.ACCEPTED, Instant.now());
        return sealed(new Published(id, RequestEventTypes.typeOf(accepted), EventJson.toData(accepted)), caseseq,
                StateCode.of(requested));
    }

    private static String sealed(Published event, int caseseq, StateCode actor) {
        CloudEvent unsealed = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(),
                "/mla-exchange/request-service", event.type(), event.caseId().toString(),
                Instant.now().toString(), CloudEvent.DATA_CONTENT_TYPE, actor.value(),
                caseseq, caseseq, HashChain.GENESIS, null, event.data());
        return HashChain.seal(unsealed).json();
    }

    /** Publishes the events of one case in order, as its own chain; the first is {@code first}'s, the rest {@code other}'s. */
    private static void publish(String topic, List<Published> events, StateCode first, StateCode other, String traceparent) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicReader.BOOTSTRAP,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            int caseseq = 0;
            for (Published event : events) {
                caseseq++;
                ProducerRecord<String, String> record = OutboxRelay.recordOf(topic, event.caseId().toString(),
                        sealed(event, caseseq, caseseq == 1 ? first : other));
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
