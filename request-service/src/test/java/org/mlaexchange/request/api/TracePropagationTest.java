package org.mlaexchange.request.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.events.HashChain;
import org.mlaexchange.platform.testing.RecentSpans;
import org.mlaexchange.platform.testing.TopicReader;

/**
 * One trace from the HTTP request to the Kafka record (docs/decisions.md, "Traces"): the request's server span,
 * the write unit's span (on a writer thread, in a group commit), the event's stored trace context, the relay's
 * PRODUCER span (another thread, after the commit) and the {@code traceparent} header of the record as a plain
 * consumer reads it from the real broker. evidence-service's {@code TraceConsumerTest} takes it from there.
 */
@QuarkusTest
class TracePropagationTest {

    @Inject
    TestSpans spans;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "mla.events.topic")
    String topic;

    @Test
    void oneTraceRunsFromTheHttpRequestThroughTheWriteAndTheRelayToTheKafkaRecord() throws Exception {
        // when NL's central authority submits a request (a real token from its realm)
        ExtractableResponse<Response> submitted = Api.submit("nl", Api.submission("AR")).statusCode(201).extract();
        String eventId = submitted.path("receipts[0].eventId");
        long logseq = ((Number) submitted.path("receipts[0].logseq")).longValue();

        // then the relay published the event in a PRODUCER span ...
        SpanData publish = spans.await(s -> s.getKind() == SpanKind.PRODUCER
                        && Long.valueOf(logseq).equals(s.getAttributes().get(AttributeKey.longKey("mla.logseq"))),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no producer span for logseq " + logseq));
        String traceId = publish.getTraceId();
        assertEquals("publish " + topic, publish.getName());

        // ... child of the write unit's span, child of the HTTP request's server span: one trace
        SpanData write = spans.await(s -> s.getSpanId().equals(publish.getParentSpanId()), Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("the producer span's parent was not exported"));
        SpanData server = spans.await(s -> s.getSpanId().equals(write.getParentSpanId()), Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("the write span's parent was not exported"));
        List<SpanData> trace = spans.trace(traceId);
        System.out.println("Trace of one submission (POST /api/requests → write → relay → " + topic + "):\n"
                + RecentSpans.print(trace));
        assertEquals("mla.write", write.getName());
        assertEquals(SpanKind.INTERNAL, write.getKind());
        assertEquals(traceId, write.getTraceId());
        assertNotNull(write.getAttributes().get(AttributeKey.longKey("mla.write.group-size")), "the write names its group's size");
        assertEquals(SpanKind.SERVER, server.getKind());
        assertEquals(traceId, server.getTraceId());
        assertTrue(server.getName().startsWith("POST") && server.getName().contains("/api/requests"), server.getName());
        assertTrue(server.getStartEpochNanos() <= write.getStartEpochNanos() && write.getEndEpochNanos() <= server.getEndEpochNanos(),
                "the request waits for its write's commit");
        assertTrue(write.getStartEpochNanos() <= publish.getStartEpochNanos(), "the relay publishes what the write appended");

        // the event keeps the write span's context beside it, outside its hashed text
        String stored = storedTraceparent(eventId);
        assertEquals("00-" + traceId + "-" + write.getSpanId() + "-01", stored);

        // the record on the real broker, read by a plain consumer, names the producer span as its parent
        ConsumerRecord<String, String> record = TopicReader.readUntil(topic,
                        read -> read.stream().anyMatch(r -> r.value().contains(eventId)), Duration.ofSeconds(30))
                .stream().filter(r -> r.value().contains(eventId)).findFirst()
                .orElseThrow(() -> new AssertionError("event " + eventId + " not on " + topic));
        Header traceparent = record.headers().lastHeader("traceparent");
        assertNotNull(traceparent, "the record carries a traceparent header");
        assertEquals("00-" + traceId + "-" + publish.getSpanId() + "-01", new String(traceparent.value(), StandardCharsets.UTF_8));
        CloudEvent published = EventJson.parse(record.value());
        assertEquals(HashChain.hashOf(published), published.hash(), "the published event's hash is unchanged by tracing");
        assertFalse(record.value().contains(traceId), "the trace is in the headers, never in the hashed event");

        // the append-only table still refuses any change, the stored trace context included
        SQLException refused = assertThrows(SQLException.class, () -> update("UPDATE event_log SET traceparent = NULL WHERE event_id = ?", eventId));
        assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
    }

    private String storedTraceparent(String eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT traceparent FROM event_log WHERE event_id = ?")) {
            query.setObject(1, UUID.fromString(eventId));
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next(), "event " + eventId + " in the log");
                return rs.getString(1);
            }
        }
    }

    private void update(String sql, String eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, UUID.fromString(eventId));
            update.executeUpdate();
        }
    }
}
