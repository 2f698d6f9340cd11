package org.mlaexchange.contracts.statistics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;

/**
 * A service's statistics folded from its event log alone, in log order. The service computes its
 * {@code /api/statistics} with it over its own log, and the audit CLI over the log it replayed and
 * verified, so every published figure can be recomputed from the signed history.
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
    private final Map<String, String[]> timings = new java.util.LinkedHashMap<>();
    private final Map<String, CaseFigures> cases = new HashMap<>();

    /**
     * @param acknowledge the milestones between which the time to acknowledge runs, start and end (likewise decide and execute)
     */
    LogStatistics(String service, String[] acknowledge, String[] decide, String[] execute) {
        this(service, Map.of(ACKNOWLEDGE, acknowledge, DECIDE, decide, EXECUTE, execute));
    }

    /** @param timings each timing's start and end milestone, by name */
    LogStatistics(String service, Map<String, String[]> timings) {
        this.service = service;
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
            figures.reminders.values().removeIf(actor::equals);
        }
        apply(figures, event, Instant.parse(event.time()));
        if (figures.terminal) {
            figures.reminders.clear();
        }
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
        figures.reminders.put(kind, owedBy);
    }

    public Statistics result(StatisticsQuery query) {
        Objects.requireNonNull(query, "query");
        TreeMap<String, Long> byStatus = new TreeMap<>();
        TreeMap<String, Long> items = new TreeMap<>();
        TreeMap<String, Long> grounds = new TreeMap<>();
        TreeMap<String, Long> consents = new TreeMap<>();
        TreeMap<String, Long> outcomes = new TreeMap<>();
        Map<String, List<Long>> durations = new TreeMap<>();
        timings.keySet().forEach(t -> durations.put(t, new ArrayList<>()));
        long count = 0;
        long overdue = 0;
        long postponements = 0;
        for (CaseFigures c : covered(query)) {
            count++;
            byStatus.merge(c.status, 1L, Long::sum);
            c.itemStatus.values().forEach(s -> items.merge(s, 1L, Long::sum));
            timings.forEach((name, span) -> {
                Long millis = c.between(span[0], span[1]);
                if (millis != null) {
                    durations.get(name).add(millis);
                }
            });
            c.refusalGrounds.forEach(g -> grounds.merge(g, 1L, Long::sum));
            c.consentDecisions.forEach(d -> consents.merge(d, 1L, Long::sum));
            if (c.outcome != null) {
                outcomes.merge(c.outcome, 1L, Long::sum);
            }
            if (c.overdue(query.today())) {
                overdue++;
            }
            postponements += c.postponements;
        }
        TreeMap<String, Statistics.Timing> timed = new TreeMap<>();
        durations.forEach((name, millis) -> timed.put(name, Statistics.Timing.of(millis)));
        return new Statistics(service, query.state() == null ? Statistics.ALL : query.state().value(),
                query.counterpart() == null ? null : query.counterpart().value(), query.from(), query.to(), count,
                byStatus, items, timed, grounds, overdue, postponements, consents, outcomes, spontaneousInformation(query));
    }

    /** The cases the query covers. */
    final List<CaseFigures> covered(StatisticsQuery query) {
        return cases.values().stream().filter(query::covers).toList();
    }

    /** Figures of spontaneous information, for the service whose log holds it; {@code null} elsewhere. */
    Statistics.SpontaneousFigures spontaneousInformation(StatisticsQuery query) {
        return null;
    }
}
