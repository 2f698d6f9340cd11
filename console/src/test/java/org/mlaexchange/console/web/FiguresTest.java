package org.mlaexchange.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.statistics.Statistics;

/** A service's statistics as charts: every group of figures, known or added later, each bar sized on its chart's largest value. */
class FiguresTest {

    static JsonNode statistics() {
        Statistics s = new Statistics("request-service", "NL", "AR", Instant.parse("2026-01-01T00:00:00Z"), null, 4,
                new TreeMap<>(Map.of("ACKNOWLEDGED", 1L, "SUBMITTED", 3L)), new TreeMap<>(),
                new TreeMap<>(Map.of("acknowledge", new Statistics.Timing(2, 90_000_000L, 180_000_000L),
                        "decide", new Statistics.Timing(0, null, null))),
                new TreeMap<>(Map.of("NE_BIS_IN_IDEM", 1L)), 1, 0, new TreeMap<>(), new TreeMap<>(),
                new Statistics.SpontaneousFigures(2, new TreeMap<>(Map.of("SENT", 2L)), new TreeMap<>(Map.of("AR", 2L)), new TreeMap<>(),
                        new Statistics.Timing(1, 7_200_000L, 7_200_000L), 0, new TreeMap<>(), 1));
        ObjectNode node = EventJson.mapper().valueToTree(s);
        // a group a service adds later: shown without a change to the console
        node.putObject("somethingNew").put("total", 5).putObject("byKind").put("X", 5);
        return node;
    }

    @Test
    void everyGroupIsAChart() {
        List<Figures.Chart> charts = Figures.charts(statistics());
        Map<String, Figures.Chart> byPath = new java.util.HashMap<>();
        charts.forEach(c -> byPath.put(c.path(), c));
        assertEquals(List.of(new Figures.Bar("cases", "4", 100), new Figures.Bar("overdueNow", "1", 25), new Figures.Bar("postponements", "0", 0)),
                byPath.get("figures").bars());
        assertEquals(List.of(new Figures.Bar("ACKNOWLEDGED", "1", 33), new Figures.Bar("SUBMITTED", "3", 100)), byPath.get("casesByStatus").bars());
        assertEquals("status", byPath.get("casesByStatus").keyTexts());
        // timings: one chart per measure, durations readable, a case not timed shows a dash
        assertEquals(List.of(new Figures.Bar("acknowledge", "1 d 1 h", 100), new Figures.Bar("decide", "—", 0)),
                byPath.get("timings.medianMillis").bars());
        assertEquals("timing", byPath.get("timings.count").keyTexts());
        assertEquals(List.of(new Figures.Bar("cases", "2", 100), new Figures.Bar("conditionsDeclined", "0", 0),
                new Figures.Bar("overdueNow", "1", 50)), byPath.get("spontaneousInformation").bars());
        assertEquals(List.of(new Figures.Bar("SENT", "2", 100)), byPath.get("spontaneousInformation.casesByStatus").bars());
        assertEquals("status", byPath.get("spontaneousInformation.casesByStatus").keyTexts());
        assertEquals("state", byPath.get("spontaneousInformation.sentTo").keyTexts());
        // one timing: its count and its durations each sized on their own kind
        assertEquals(List.of(new Figures.Bar("count", "1", 100), new Figures.Bar("medianMillis", "2 h 0 min", 100),
                new Figures.Bar("p90Millis", "2 h 0 min", 100)), byPath.get("spontaneousInformation.acknowledge").bars());
        assertEquals(List.of(new Figures.Bar("X", "5", 100)), byPath.get("somethingNew.byKind").bars());
        assertTrue(!byPath.containsKey("itemsByStatus"), "an empty group draws no chart");
    }

    @Test
    void durationsRead() {
        assertEquals("12 s", Figures.duration(12_400));
        assertEquals("4 min", Figures.duration(4 * 60_000 + 5_000));
        assertEquals("5 h 10 min", Figures.duration((5 * 60 + 10) * 60_000L));
        assertEquals("2 d 3 h", Figures.duration((2 * 24 + 3) * 3_600_000L));
    }
}
