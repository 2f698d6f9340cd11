package org.mlaexchange.platform.testing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The spans a service under test finished, kept in memory (the newest few thousand, so a long test run stays
 * small). A test module declares a bean of it; Quarkus exports every span to each SpanExporter bean.
 */
public class RecentSpans implements SpanExporter {

    private static final int KEEP = 10_000;

    private final Deque<SpanData> spans = new ArrayDeque<>();

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> finished) {
        spans.addAll(finished);
        while (spans.size() > KEEP) {
            spans.removeFirst();
        }
        notifyAll();
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }

    /** The first span finished that matches, waiting for it up to {@code timeout}; empty if none came. */
    public synchronized Optional<SpanData> await(Predicate<SpanData> match, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<SpanData> found = spans.stream().filter(match).findFirst();
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (found.isPresent() || left <= 0) {
                return found;
            }
            wait(left);
        }
    }

    /** The spans of one trace, in the order they started. */
    public synchronized List<SpanData> trace(String traceId) {
        return spans.stream().filter(s -> s.getTraceId().equals(traceId))
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
    }

    /** A trace as a table: name, kind, trace id, span id, parent span id, start offset and duration. */
    public static String print(List<SpanData> trace) {
        StringBuilder out = new StringBuilder(String.format("%-36s %-8s %-32s %-16s %-16s %9s %9s%n",
                "span", "kind", "trace id", "span id", "parent", "start ms", "took ms"));
        long start = trace.isEmpty() ? 0 : trace.get(0).getStartEpochNanos();
        for (SpanData span : trace) {
            out.append(String.format("%-36s %-8s %-32s %-16s %-16s %9.2f %9.2f%n", span.getName(), span.getKind(),
                    span.getTraceId(), span.getSpanId(), span.getParentSpanContext().isValid() ? span.getParentSpanId() : "-",
                    (span.getStartEpochNanos() - start) / 1e6, (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e6));
        }
        return out.toString();
    }
}
