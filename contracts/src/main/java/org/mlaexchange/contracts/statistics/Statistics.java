package org.mlaexchange.contracts.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The figures of one service for central authorities and oversight: aggregates only, never a case
 * id or a person. The same shape comes from {@code GET /api/statistics} and from {@code mla-audit
 * stats}, which folds the replayed and verified log with the same {@link LogStatistics}.
 *
 * @param scope          the State whose cases are counted (requesting or requested State), or {@code ALL} for the oversight body
 * @param counterpart    only cases with this other State, or {@code null}
 * @param from           only cases opened at or after this moment, or {@code null}
 * @param to             only cases opened before this moment, or {@code null}
 * @param cases          the cases counted (requests, transfers or extradition cases)
 * @param casesByStatus  each case by its status now
 * @param itemsByStatus  evidence items of the cases by status (evidence-service; empty elsewhere)
 * @param timings        {@code acknowledge}, {@code decide}, {@code execute}: what each measures is in the service's docs
 * @param overdueNow     open cases with a deadline reminder (or due date) not met yet
 * @param consents       consents decided, by decision
 * @param outcomes       extradition cases by outcome (extradition-service; empty elsewhere)
 * @param spontaneousInformation spontaneous information sent or received, counted apart from the cases (request-service;
 *                       absent elsewhere)
 */
@JsonPropertyOrder({"service", "scope", "counterpart", "from", "to", "cases", "casesByStatus", "itemsByStatus", "timings",
        "refusalsByGround", "overdueNow", "postponements", "consents", "outcomes", "spontaneousInformation"})
public record Statistics(
        String service,
        String scope,
        String counterpart,
        Instant from,
        Instant to,
        long cases,
        SortedMap<String, Long> casesByStatus,
        SortedMap<String, Long> itemsByStatus,
        SortedMap<String, Timing> timings,
        SortedMap<String, Long> refusalsByGround,
        long overdueNow,
        long postponements,
        SortedMap<String, Long> consents,
        SortedMap<String, Long> outcomes,
        @JsonInclude(JsonInclude.Include.NON_NULL) SpontaneousFigures spontaneousInformation) {

    public static final String ALL = "ALL";
    public static final String CSV_MEDIA_TYPE = "text/csv";

    public Statistics {
        casesByStatus = new TreeMap<>(casesByStatus);
        itemsByStatus = new TreeMap<>(itemsByStatus);
        timings = new TreeMap<>(timings);
        refusalsByGround = new TreeMap<>(refusalsByGround);
        consents = new TreeMap<>(consents);
        outcomes = new TreeMap<>(outcomes);
    }

    /**
     * Spontaneous information (request-service): the State's own, as providing or receiving State, or all of it for the oversight
     * body, sent in the query's period and with its counterpart.
     *
     * @param cases              the cases of spontaneous information counted
     * @param casesByStatus      each by its status now
     * @param sentTo             by receiving State: the information the scope's State sent (the oversight body: all)
     * @param receivedFrom       by providing State: the information the scope's State received (the oversight body: all)
     * @param acknowledge        sending to the receiving State's acknowledgement
     * @param conditionsDeclined how often a receiving State declined the conditions
     * @param useConsents        consents to another use or an onward transfer, by decision
     * @param overdueNow         open cases with an acknowledgement or a use-consent decision overdue and still owed
     */
    @JsonPropertyOrder({"cases", "casesByStatus", "sentTo", "receivedFrom", "acknowledge", "conditionsDeclined", "useConsents", "overdueNow"})
    public record SpontaneousFigures(
            long cases,
            SortedMap<String, Long> casesByStatus,
            SortedMap<String, Long> sentTo,
            SortedMap<String, Long> receivedFrom,
            Timing acknowledge,
            long conditionsDeclined,
            SortedMap<String, Long> useConsents,
            long overdueNow) {

        public SpontaneousFigures {
            casesByStatus = new TreeMap<>(casesByStatus);
            sentTo = new TreeMap<>(sentTo);
            receivedFrom = new TreeMap<>(receivedFrom);
            useConsents = new TreeMap<>(useConsents);
        }

        private void csv(List<String> rows) {
            rows.add(row("spontaneous-information", "", cases));
            counts(rows, "spontaneous-information-by-status", casesByStatus);
            counts(rows, "spontaneous-information-sent-to", sentTo);
            counts(rows, "spontaneous-information-received-from", receivedFrom);
            timing(rows, "spontaneous-information-time-to-acknowledge", acknowledge);
            rows.add(row("spontaneous-information-conditions-declined", "", conditionsDeclined));
            counts(rows, "spontaneous-information-use-consents", useConsents);
            rows.add(row("spontaneous-information-overdue-now", "", overdueNow));
        }
    }

    /**
     * A duration between two milestones of a case, over the cases that reached both: nearest-rank
     * median and 90th percentile (an actual case's value, so a figure can be traced to the log).
     */
    public record Timing(long count, Long medianMillis, Long p90Millis) {

        /** @param sorted the durations, sorted here in place */
        static Timing of(long[] sorted) {
            if (sorted.length == 0) {
                return new Timing(0, null, null);
            }
            Arrays.sort(sorted);
            return new Timing(sorted.length, nearestRank(sorted, 50), nearestRank(sorted, 90));
        }

        private static long nearestRank(long[] sorted, int percent) {
            int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
            return sorted[Math.max(rank, 1) - 1];
        }
    }

    /** The figures as CSV (RFC 4180): one row per figure, {@code figure,key,value}. */
    public String toCsv() {
        List<String> rows = new ArrayList<>();
        rows.add("figure,key,value");
        rows.add(row("service", "", service));
        rows.add(row("scope", "", scope));
        rows.add(row("counterpart", "", counterpart));
        rows.add(row("from", "", from));
        rows.add(row("to", "", to));
        rows.add(row("cases", "", cases));
        counts(rows, "cases-by-status", casesByStatus);
        counts(rows, "items-by-status", itemsByStatus);
        timings.forEach((name, t) -> timing(rows, "time-to-" + name, t));
        counts(rows, "refusals-by-ground", refusalsByGround);
        rows.add(row("overdue-now", "", overdueNow));
        rows.add(row("postponements", "", postponements));
        counts(rows, "consents", consents);
        counts(rows, "outcomes", outcomes);
        if (spontaneousInformation != null) {
            spontaneousInformation.csv(rows);
        }
        return String.join("\r\n", rows) + "\r\n";
    }

    private static void timing(List<String> rows, String figure, Timing t) {
        rows.add(row(figure, "count", t.count()));
        rows.add(row(figure, "median-ms", t.medianMillis()));
        rows.add(row(figure, "p90-ms", t.p90Millis()));
    }

    private static void counts(List<String> rows, String figure, Map<String, Long> counts) {
        counts.forEach((key, value) -> rows.add(row(figure, key, value)));
    }

    private static String row(String figure, String key, Object value) {
        return figure + "," + key + "," + (value == null ? "" : field(value.toString()));
    }

    private static String field(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
