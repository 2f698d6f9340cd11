package org.mlaexchange.contracts.statistics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;

/**
 * A service's statistics folded from its event log alone, in log order. The audit CLI folds the log it
 * replayed and verified in one go; a service folds its own log as it grows, keeping each case's figures
 * between folds ({@link #drain()}, {@link #restore}) and adding up the kept cases ({@link #tally}), so
 * every published figure can be recomputed from the signed history, and no figure needs the whole log
 * in memory.
 *
 * <p>Overdue now: a deadline reminder ({@code deadline-overdue}) stays open until the State that owes
 * it next acts on the case, or the case ends; an evidence item is overdue once its return due date has
 * passed and it has not come back.
 */
public abstract class LogStatistics {

    public static final String ACKNOWLEDGE = "acknowledge";
    public static final String DECIDE = "decide";
    public static final String EXECUTE = "execute";
    static final String OPENED = "opened";

    private final String service;
    private final String fold;
    private final Map<String, String[]> timings = new java.util.LinkedHashMap<>();
    private final Map<String, CaseFigures> cases = new HashMap<>();

    /**
     * One case's figures as a service keeps them between folds ({@link #drain()}, {@link #restore}, {@link Tally#add}).
     *
     * @param fold     which kind of case of the service's log it is ({@code request}, {@code spontaneous-information},
     *                 {@code transfer}, {@code extradition})
     * @param key      the case (request, transfer or extradition case id)
     * @param first    the requesting State (or its like in the service), once the case is opened; else {@code null}
     * @param second   the requested State (or its like), likewise
     * @param openedAt when the case was opened, likewise
     * @param figures  the figures, JSON
     */
    public record KeptCase(String fold, String key, String first, String second, Instant openedAt, String figures) {
    }

    /**
     * @param acknowledge the milestones between which the time to acknowledge runs, start and end (likewise decide and execute)
     */
    LogStatistics(String service, String fold, String[] acknowledge, String[] decide, String[] execute) {
        this(service, fold, Map.of(ACKNOWLEDGE, acknowledge, DECIDE, decide, EXECUTE, execute));
    }

    /** @param timings each timing's start and end milestone, by name */
    LogStatistics(String service, String fold, Map<String, String[]> timings) {
        this.service = service;
        this.fold = fold;
        this.timings.putAll(new TreeMap<>(timings));
    }

    /** The statistics of one of the three services, by its name ({@code request-service}, ...). */
    public static LogStatistics forService(String service) {
        return switch (service) {
            case "request-service" -> new RequestStatistics();
            case "evidence-service" -> new EvidenceStatistics();
            case "extradition-service" -> new ExtraditionStatistics();
            default -> throw new IllegalArgumentException("no statistics for service " + service);
        };
    }

    /** Folds one stored or replayed event (canonical JSON). */
    public void accept(String eventJson) {
        accept(EventJson.parse(eventJson));
    }

    public void accept(CloudEvent event) {
        if (!counts(event)) {
            return;
        }
        String caseKey = caseOf(event);
        CaseFigures figures = cases.computeIfAbsent(caseKey, k -> new CaseFigures());
        StateCode actor = event.actorstate() == null ? null : StateCode.of(event.actorstate());
        if (actor != null) {
            figures.actedBy(actor);
        }
        apply(figures, event, Instant.parse(event.time()));
        if (figures.terminal) {
            figures.ended();
        }
    }

    /** The cases these events count for, of every fold: those to {@link #restore} before they are folded on. */
    public Set<String> caseKeys(List<CloudEvent> events) {
        Set<String> keys = new LinkedHashSet<>();
        for (CloudEvent event : events) {
            for (LogStatistics f : folds()) {
                if (f.counts(event)) {
                    keys.add(f.caseOf(event));
                }
            }
        }
        return keys;
    }

    /** Takes up a case's figures kept from an earlier fold ({@link KeptCase}), so its next events are folded onto them. */
    public void restore(String fold, String key, String figures) {
        fold(fold).cases.put(key, CaseFigures.fromJson(figures));
    }

    /** Hands over the figures of every case folded or restored so far, and forgets them. */
    public List<KeptCase> drain() {
        List<KeptCase> kept = new ArrayList<>();
        for (LogStatistics f : folds()) {
            f.cases.forEach((key, c) -> kept.add(new KeptCase(f.fold, key, c.requesting == null ? null : c.requesting.value(),
                    c.requested == null ? null : c.requested.value(), c.openedAt, c.toJson())));
            f.cases.clear();
        }
        return kept;
    }

    /** This fold and those that share its log (spontaneous information in request-service's). */
    List<LogStatistics> folds() {
        return List.of(this);
    }

    private LogStatistics fold(String name) {
        return folds().stream().filter(f -> f.fold.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fold " + name + " in " + service));
    }

    /** Whether the event belongs to the cases these figures count (a service's log may hold other kinds of case). */
    protected boolean counts(CloudEvent event) {
        return true;
    }

    /** The case an event counts for (a request, a transfer, an extradition case). */
    protected String caseOf(CloudEvent event) {
        return event.subject();
    }

    /** Applies one event of the service to its case's figures. */
    abstract void apply(CaseFigures figures, CloudEvent event, Instant at);

    static <T> T data(CloudEvent event, Function<String, Class<? extends T>> classOf) {
        return EventJson.fromData(event.data(), classOf.apply(event.type()));
    }

    static void reminder(CaseFigures figures, String kind, StateCode owedBy) {
        figures.reminded(kind, owedBy);
    }

    /** The figures of the cases folded here (the whole log, for the audit CLI) that the query covers. */
    public Statistics result(StatisticsQuery query) {
        Tally tally = tally(query);
        for (LogStatistics f : folds()) {
            f.cases.values().forEach(c -> tally.totals.get(f.fold).add(c));
        }
        return tally.result();
    }

    /** Totals to which kept cases are added one by one (a service's statistics, over the cases it keeps). */
    public Tally tally(StatisticsQuery query) {
        return new Tally(query);
    }

    /** Adds up the cases a query covers one at a time: only the durations grow with their number. */
    public final class Tally {

        private final Map<String, Totals> totals = new HashMap<>();

        private Tally(StatisticsQuery query) {
            Objects.requireNonNull(query, "query");
            folds().forEach(f -> totals.put(f.fold, f.new Totals(query)));
        }

        /** Adds a kept case ({@link KeptCase#fold()}, {@link KeptCase#figures()}) if the query covers it. */
        public void add(String fold, String figures) {
            Totals t = totals.get(fold);
            if (t == null) {
                throw new IllegalArgumentException("no fold " + fold + " in " + service);
            }
            t.add(CaseFigures.fromJson(figures));
        }

        public Statistics result() {
            return statistics(totals.get(fold), spontaneousInformation(totals));
        }
    }

    /** The figures every service has, from the totals of its cases. */
    final Statistics statistics(Totals t, Statistics.SpontaneousFigures spontaneous) {
        TreeMap<String, Statistics.Timing> timed = new TreeMap<>();
        t.durations.forEach((name, millis) -> timed.put(name, Statistics.Timing.of(millis.toArray())));
        StatisticsQuery query = t.query;
        return new Statistics(service, query.state() == null ? Statistics.ALL : query.state().value(),
                query.counterpart() == null ? null : query.counterpart().value(), query.from(), query.to(), t.count,
                t.byStatus, t.items, timed, t.grounds, t.overdue, t.postponements, t.consents, t.outcomes, spontaneous);
    }

    /** Figures of spontaneous information, for the service whose log holds it; {@code null} elsewhere. */
    Statistics.SpontaneousFigures spontaneousInformation(Map<String, Totals> totals) {
        return null;
    }

    /** The totals of one fold's cases that a query covers. */
    final class Totals {

        final StatisticsQuery query;
        long count;
        long overdue;
        long postponements;
        long conditionsDeclined;
        final TreeMap<String, Long> byStatus = new TreeMap<>();
        final TreeMap<String, Long> items = new TreeMap<>();
        final TreeMap<String, Long> grounds = new TreeMap<>();
        final TreeMap<String, Long> consents = new TreeMap<>();
        final TreeMap<String, Long> outcomes = new TreeMap<>();
        /** By the query's State (all, for the oversight body): cases opened with each other State as the second party, and as the first. */
        final TreeMap<String, Long> secondParties = new TreeMap<>();
        final TreeMap<String, Long> firstParties = new TreeMap<>();
        final Map<String, Durations> durations = new TreeMap<>();

        private Totals(StatisticsQuery query) {
            this.query = query;
            timings.keySet().forEach(t -> durations.put(t, new Durations()));
        }

        void add(CaseFigures c) {
            if (!query.covers(c)) {
                return;
            }
            count++;
            byStatus.merge(c.status, 1L, Long::sum);
            c.itemStatuses().forEach(s -> items.merge(s, 1L, Long::sum));
            timings.forEach((name, span) -> {
                Long millis = c.between(span[0], span[1]);
                if (millis != null) {
                    durations.get(name).add(millis);
                }
            });
            c.refusalGrounds().forEach(g -> grounds.merge(g, 1L, Long::sum));
            c.consentDecisions().forEach(d -> consents.merge(d, 1L, Long::sum));
            if (c.outcome != null) {
                outcomes.merge(c.outcome, 1L, Long::sum);
            }
            if (c.overdue(query.today())) {
                overdue++;
            }
            postponements += c.postponements;
            conditionsDeclined += c.conditionsDeclined;
            if (query.state() == null || query.state().equals(c.requesting)) {
                secondParties.merge(c.requested.value(), 1L, Long::sum);
            }
            if (query.state() == null || query.state().equals(c.requested)) {
                firstParties.merge(c.requesting.value(), 1L, Long::sum);
            }
        }
    }

    /** Durations in milliseconds, unboxed: a million cases take 8 MB, not the 20 MB or more of a list of {@code Long}. */
    static final class Durations {

        private long[] millis = new long[16];
        private int size;

        void add(long value) {
            if (size == millis.length) {
                millis = Arrays.copyOf(millis, size * 2);
            }
            millis[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(millis, size);
        }
    }
}
