package org.mlaexchange.contracts.statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.EventJson;

/**
 * What the statistics keep of one case while its events are folded: milestones and counts, no content. A service
 * keeps them between folds as JSON ({@link LogStatistics.KeptCase}), so its figures never need the whole log at once.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
final class CaseFigures {

    StateCode requesting;
    StateCode requested;
    Instant openedAt;
    String status;
    boolean terminal;
    final Map<String, Instant> milestones = new LinkedHashMap<>();
    final List<String> refusalGrounds = new ArrayList<>();
    int postponements;
    /** Spontaneous information: how often the receiving State declined the conditions. */
    int conditionsDeclined;
    final List<String> consentDecisions = new ArrayList<>();
    String outcome;
    /** Deadline reminders not yet answered: kind to the State that owes it. */
    final Map<String, StateCode> reminders = new LinkedHashMap<>();
    /** Evidence items of a transfer: status and, while the item must come back, its return due date. */
    final Map<String, String> itemStatus = new LinkedHashMap<>();
    final Map<String, LocalDate> returnDue = new LinkedHashMap<>();

    /** The case was opened between its two parties (requesting and requested State, or their like in the service). */
    void opened(StateCode first, StateCode second, Instant at, String milestone) {
        requesting = first;
        requested = second;
        openedAt = at;
        reached(milestone, at);
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

    boolean overdue(LocalDate today) {
        return !terminal && (!reminders.isEmpty() || returnDue.values().stream().anyMatch(today::isAfter));
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
