package org.mlaexchange.contracts.statistics;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.EventJson;

/**
 * What the statistics keep of one case while its events are folded: milestones and counts, no content. A service
 * keeps them between folds as JSON ({@link LogStatistics.KeptCase}), so its figures never need the whole log at once;
 * the audit CLI keeps every case of the log it replays, so a case takes as little as it can: what most cases never
 * have (grounds, consents, reminders, items) is allocated when first needed, and the States are shared.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
final class CaseFigures {

    /** One instance per State for all cases. */
    private static final Map<String, StateCode> STATES = new ConcurrentHashMap<>();

    StateCode requesting;
    StateCode requested;
    Instant openedAt;
    String status;
    boolean terminal;
    private Map<String, Instant> milestones = new LinkedHashMap<>(4);
    private List<String> refusalGrounds;
    int postponements;
    /** Spontaneous information: how often the receiving State declined the conditions. */
    int conditionsDeclined;
    private List<String> consentDecisions;
    String outcome;
    /** Deadline reminders not yet answered: kind to the State that owes it. */
    private Map<String, StateCode> reminders;
    /** Evidence items of a transfer: status and, while the item must come back, its return due date. */
    private Map<String, String> itemStatus;
    private Map<String, LocalDate> returnDue;

    /** The case was opened between its two parties (requesting and requested State, or their like in the service). */
    void opened(StateCode first, StateCode second, Instant at, String milestone) {
        requesting = shared(first);
        requested = shared(second);
        openedAt = at;
        reached(milestone, at);
    }

    static StateCode shared(StateCode state) {
        return state == null ? null : STATES.computeIfAbsent(state.value(), v -> state);
    }

    /** Records a milestone the first time it is reached. */
    void reached(String milestone, Instant at) {
        milestones.putIfAbsent(milestone, at);
    }

    /** Milliseconds between two milestones, or {@code null} when the case has not reached both. */
    Long between(String start, String end) {
        Instant a = milestones.get(start);
        Instant b = milestones.get(end);
        return a == null || b == null ? null : Duration.between(a, b).toMillis();
    }

    void refusedOn(String ground) {
        refusalGrounds = added(refusalGrounds, ground);
    }

    List<String> refusalGrounds() {
        return refusalGrounds == null ? List.of() : refusalGrounds;
    }

    void consentDecided(String decision) {
        consentDecisions = added(consentDecisions, decision);
    }

    private static List<String> added(List<String> list, String value) {
        List<String> to = list == null ? new ArrayList<>(2) : list;
        to.add(value);
        return to;
    }

    List<String> consentDecisions() {
        return consentDecisions == null ? List.of() : consentDecisions;
    }

    /** A deadline reminder the State {@code owedBy} has to answer. */
    void reminded(String kind, StateCode owedBy) {
        if (reminders == null) {
            reminders = new LinkedHashMap<>(4);
        }
        reminders.put(kind, shared(owedBy));
    }

    /** The State acted on the case: the reminders it owed are answered. */
    void actedBy(StateCode actor) {
        if (reminders != null) {
            reminders.values().removeIf(actor::equals);
        }
    }

    /** The case ended: nothing is owed any more. */
    void ended() {
        reminders = null;
    }

    /** An evidence item's status now. */
    void item(String itemId, String itemStatusNow) {
        if (itemStatus == null) {
            itemStatus = new LinkedHashMap<>(4);
        }
        itemStatus.put(itemId, itemStatusNow);
    }

    Iterable<String> itemStatuses() {
        return itemStatus == null ? List.of() : itemStatus.values();
    }

    /** The item must come back by that day ({@code null}: it need not, or came back). */
    void returnDue(String itemId, LocalDate due) {
        if (due != null) {
            if (returnDue == null) {
                returnDue = new LinkedHashMap<>(4);
            }
            returnDue.put(itemId, due);
        } else if (returnDue != null) {
            returnDue.remove(itemId);
        }
    }

    boolean overdue(LocalDate today) {
        return !terminal && ((reminders != null && !reminders.isEmpty())
                || (returnDue != null && returnDue.values().stream().anyMatch(today::isAfter)));
    }

    String toJson() {
        try {
            return EventJson.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case figures not written", e);
        }
    }

    static CaseFigures fromJson(String json) {
        try {
            return EventJson.mapper().readValue(json, CaseFigures.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("case figures not read", e);
        }
    }
}
