package org.mlaexchange.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One trace from the HTTP request to the other service's projection (docs/decisions.md, "Traces"). Nothing
 * carries the OpenTelemetry context across the write queue, the event log and the relay's own producer, so it
 * is carried here by hand: a write unit runs in a span whose parent is its caller's, each event keeps the W3C
 * trace context of that span beside it (never inside its hashed text), the relay publishes it in a PRODUCER
 * span that continues it and puts {@code traceparent} on the Kafka record, and a consumer applies the record
 * in a CONSUMER span that continues the record's.
 */
@ApplicationScoped
public class EventTraces {

    /** Always W3C Trace Context, whatever propagators the service configures: the column and the header are that format. */
    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> MESSAGE_KEY = AttributeKey.stringKey("messaging.kafka.message.key");
    private static final AttributeKey<Long> PARTITION = AttributeKey.longKey("messaging.destination.partition.id");
    private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");

    private final Tracer tracer;

    public EventTraces(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The W3C trace context an event is stored with: both null when no span is current. */
    public record Stored(String traceparent, String tracestate) {

        static final Stored NONE = new Stored(null, null);

        /** The current span's context, as stored beside the events a write unit appends. */
        public static Stored current() {
            Map<String, String> carrier = new HashMap<>(2);
            W3C.inject(Context.current(), carrier, Map::put);
            String traceparent = carrier.get("traceparent");
            return traceparent == null ? NONE : new Stored(traceparent, carrier.get("tracestate"));
        }

        Context context() {
            if (traceparent == null) {
                return Context.root();
            }
            Map<String, String> carrier = new HashMap<>(2);
            carrier.put("traceparent", traceparent);
            if (tracestate != null) {
                carrier.put("tracestate", tracestate);
            }
            return W3C.extract(Context.root(), carrier, MapGetter.INSTANCE);
        }
    }

    /** A write unit's span, child of the caller's context (captured when it was queued), though it runs on a writer thread. */
    public Span startWrite(Context caller, int groupSize) {
        return tracer.spanBuilder("mla.write").setParent(caller)
                .setAttribute("mla.write.group-size", groupSize)
                .startSpan();
    }

    /** Ends a span: {@code failure} null when its work succeeded. */
    public static void end(Span span, Throwable failure) {
        if (span == null) {
            return;
        }
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        }
        span.end();
    }

    /** Ends the span of a write the rules refused: the caller's answer, not a fault of the service. */
    public static void endRefused(Span span) {
        if (span != null) {
            span.setAttribute("mla.write.refused", true);
            span.end();
        }
    }

    /** The relay's PRODUCER span for one event, continuing the trace stored with it (a new trace when none was). */
    public Span startPublish(String topic, String caseId, long logseq, Stored stored) {
        return tracer.spanBuilder("publish " + topic).setSpanKind(SpanKind.PRODUCER).setParent(stored.context())
                .setAttribute(MESSAGING_SYSTEM, "kafka")
                .setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION, "send")
                .setAttribute(MESSAGE_KEY, caseId)
                .setAttribute("mla.logseq", logseq)
                .startSpan();
    }

    /** Puts the span's {@code traceparent} (and {@code tracestate}, if any) in the record's headers. */
    public static void inject(Span span, Headers headers) {
        W3C.inject(Context.root().with(span), headers,
                (carrier, name, value) -> carrier.remove(name).add(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** A consumer's CONSUMER span for one record, child of the producer's span named in its headers (a new trace without). */
    public Span startProcess(ConsumerRecord<?, ?> record) {
        Context parent = W3C.extract(Context.root(), record.headers(), HeadersGetter.INSTANCE);
        return tracer.spanBuilder("process " + record.topic()).setSpanKind(SpanKind.CONSUMER).setParent(parent)
                .setAttribute(MESSAGING_SYSTEM, "kafka")
                .setAttribute(DESTINATION, record.topic())
                .setAttribute(OPERATION, "process")
                .setAttribute(PARTITION, (long) record.partition())
                .setAttribute(OFFSET, record.offset())
                .startSpan();
    }

    private enum MapGetter implements TextMapGetter<Map<String, String>> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }

    private enum HeadersGetter implements TextMapGetter<Headers> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Headers carrier) {
            return StreamSupport.stream(carrier.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }
}
