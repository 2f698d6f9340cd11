package org.mlaexchange.evidence.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.mlaexchange.platform.projection.KnownRequests;
import org.mlaexchange.platform.testing.PublishedRequests;
import org.mlaexchange.platform.testing.RecentSpans;

/**
 * The consumer's half of a trace (docs/decisions.md, "Traces"; request-service's {@code TracePropagationTest} has
 * the first half): request events published on the real broker with the {@code traceparent} request-service's relay
 * puts on them are applied to the projection in CONSUMER spans that continue that trace, and a write of this
 * service over HTTP reaches its own topic in the trace of its HTTP request.
 */
@QuarkusTest
class TraceConsumerTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    TestSpans spans;

    @Inject
    KnownRequests known;

    @ConfigProperty(name = "mla.events.topic")
    String evidenceTopic;

    @Test
    void theProjectionOfARequestRunsInTheTraceOfTheRecordItCameIn() throws Exception {
        // given a producer span of request-service's relay, as its traceparent header names it
        String traceId = hex(16);
        String producerSpanId = hex(8);

        // when a request's events (submitted, accepted) arrive with it
        UUID request = PublishedRequests.inExecution(Evidence.REQUEST_TOPIC, "NL", "AR", false,
                "00-" + traceId + "-" + producerSpanId + "-01");
        await().atMost(Duration.ofSeconds(30)).until(() -> known.find(request).isPresent());

        // then each was applied in a CONSUMER span, child of that producer span, in the same trace
        await().atMost(Duration.ofSeconds(10)).until(() -> spans.trace(traceId).size() == 2);
        List<SpanData> trace = spans.trace(traceId);
        System.out.println("Consumer side of a request's trace (" + Evidence.REQUEST_TOPIC + " → projection):\n" + RecentSpans.print(trace));
        for (SpanData process : trace) {
            assertEquals(SpanKind.CONSUMER, process.getKind());
            assertEquals("process " + Evidence.REQUEST_TOPIC, process.getName());
            assertEquals(producerSpanId, process.getParentSpanId());
            assertTrue(process.getParentSpanContext().isRemote(), "the parent came over Kafka");
            assertEquals(Evidence.REQUEST_TOPIC, process.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")));
        }
        assertEquals(2, trace.stream().map(s -> s.getAttributes().get(AttributeKey.longKey("messaging.kafka.offset"))).distinct().count(),
                "one span per record");

        // and this service's own write over HTTP reaches its topic in the trace of its HTTP request
        String transfer = Evidence.openTransfer("ar", request);
        SpanData publish = spans.await(s -> s.getKind() == SpanKind.PRODUCER && transfer.equals(
                s.getAttributes().get(AttributeKey.stringKey("messaging.kafka.message.key"))), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no producer span for transfer " + transfer));
        // the server span ends after the answer is sent, so it may finish after the relay published: wait for each parent
        SpanData write = spans.await(s -> s.getSpanId().equals(publish.getParentSpanId()), Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("no parent span of the publication of transfer " + transfer));
        SpanData server = spans.await(s -> s.getSpanId().equals(write.getParentSpanId()), Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("no server span in the trace of transfer " + transfer));
        System.out.println("Trace of opening a transfer (POST /api/transfers → write → relay → " + evidenceTopic + "):\n"
                + RecentSpans.print(spans.trace(publish.getTraceId())));
        assertEquals("publish " + evidenceTopic, publish.getName());
        assertEquals("mla.write", write.getName());
        assertEquals(publish.getTraceId(), write.getTraceId());
        assertEquals(SpanKind.SERVER, server.getKind(), "server → write → publish");
        assertEquals(publish.getTraceId(), server.getTraceId());
        assertTrue(server.getName().contains("/api/transfers"), server.getName());
    }

    private static String hex(int bytes) {
        byte[] id = new byte[bytes];
        do {
            RANDOM.nextBytes(id);
        } while (id[0] == 0); // an all-zero id is invalid; a leading non-zero byte rules it out
        return HexFormat.of().formatHex(id);
    }
}
