package org.mlaexchange.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's statistics (the contracts' {@code Statistics}) as bar charts: every group of figures the answer holds,
 * known or not, so that a group a service adds later shows without a change here. Counts by key ("casesByStatus")
 * are one chart each; a group of records ("timings": count, median, p90 per timing) one chart per measure; the
 * top-level numbers one chart. Durations in milliseconds read as days, hours, minutes.
 */
final class Figures {

    /** The texts that name a known group's keys (statuses, grounds, ...); others show the key itself. */
    private static final Map<String, String> KEY_TEXTS = Map.of("casesByStatus", "status", "itemsByStatus", "status",
            "refusalsByGround", "ground", "consents", "option", "useConsents", "option", "outcomes", "outcome", "sentTo", "state",
            "receivedFrom", "state", "timings", "timing");

    private Figures() {
    }

    /** One bar: its key, its value as text, and its length in percent of the chart's largest value. */
    @io.quarkus.qute.TemplateData
    public record Bar(String key, String value, long percent) {
    }

    /** One chart: its group's path ("casesByStatus", "timings.medianMillis"), the texts of its keys, its bars. */
    @io.quarkus.qute.TemplateData
    public record Chart(String path, String keyTexts, List<Bar> bars) {
        /** An id for the page ("timings-medianMillis"). */
        public String id() {
            return path.replace('.', '-');
        }
    }

    static List<Chart> charts(JsonNode statistics) {
        List<Chart> out = new ArrayList<>();
        group(out, "figures", statistics);
        return out;
    }

    private static void group(List<Chart> out, String path, JsonNode node) {
        Map<String, JsonNode> numbers = new LinkedHashMap<>();
        Map<String, Map<String, JsonNode>> byMeasure = new LinkedHashMap<>();
        boolean records = node.size() > 0;
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isObject() || !flat(e.getValue())) {
                records = false;
            }
        }
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode value = e.getValue();
            if (value.isNumber()) {
                numbers.put(e.getKey(), value);
            } else if (value.isObject() && records) {
                // a record per key (a timing's count, median, p90): one chart per measure, a bar per key; a measure a
                // record leaves out (no median without a case timed) is a bar without a value
                for (String measure : measures(node)) {
                    byMeasure.computeIfAbsent(path + "." + measure, k -> new LinkedHashMap<>()).put(e.getKey(), value.path(measure));
                }
            } else if (value.isObject()) {
                group(out, path.equals("figures") ? e.getKey() : path + "." + e.getKey(), value);
            }
        }
        if (!numbers.isEmpty()) {
            out.add(chart(path, numbers));
        }
        byMeasure.forEach((measure, values) -> out.add(chart(measure, values)));
    }

    /** The numeric fields the records of a group have, any of them. */
    private static java.util.Set<String> measures(JsonNode records) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (JsonNode record : records) {
            record.fields().forEachRemaining(m -> {
                if (m.getValue().isNumber()) {
                    out.add(m.getKey());
                }
            });
        }
        return out;
    }

    /** Whether an object holds values only (a record), no further groups. */
    private static boolean flat(JsonNode node) {
        for (JsonNode v : node) {
            if (v.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static Chart chart(String path, Map<String, JsonNode> values) {
        // durations and counts side by side (a timing's count, median, p90) are each sized on their own kind's largest
        java.util.function.Predicate<String> millis = key -> path.endsWith("Millis") || key.endsWith("Millis");
        List<Bar> bars = new ArrayList<>();
        values.forEach((key, value) -> {
            double max = values.entrySet().stream().filter(e -> e.getValue().isNumber() && millis.test(e.getKey()) == millis.test(key))
                    .mapToDouble(e -> e.getValue().asDouble()).max().orElse(0);
            long percent = value.isNumber() && max > 0 ? Math.round(value.asDouble() * 100 / max) : 0;
            String text = !value.isNumber() ? "—" : millis.test(key) ? duration(value.asLong()) : value.asText();
            bars.add(new Bar(key, text, percent));
        });
        String last = path.substring(path.lastIndexOf('.') + 1);
        String group = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
        return new Chart(path, KEY_TEXTS.getOrDefault(last, group.equals("timings") ? "timing" : "figure"), bars);
    }

    /** Milliseconds as "2 d 3 h", "5 h 10 min", "4 min", "12 s". */
    static String duration(long millis) {
        long s = millis / 1000;
        long d = s / 86_400;
        long h = s % 86_400 / 3600;
        long min = s % 3600 / 60;
        if (d > 0) {
            return d + " d " + h + " h";
        }
        if (h > 0) {
            return h + " h " + min + " min";
        }
        return min > 0 ? min + " min" : s + " s";
    }
}
