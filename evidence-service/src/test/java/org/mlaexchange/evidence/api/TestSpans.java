package org.mlaexchange.evidence.api;

import jakarta.inject.Singleton;
import org.mlaexchange.platform.testing.RecentSpans;

/** The service's spans in memory during the tests (Quarkus exports to every SpanExporter bean; no OTLP in tests). */
@Singleton
public class TestSpans extends RecentSpans {
}
