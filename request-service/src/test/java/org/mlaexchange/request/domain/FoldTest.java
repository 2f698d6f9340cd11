package org.mlaexchange.request.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mlaexchange.request.domain.RequestFixtures.AR;
import static org.mlaexchange.request.domain.RequestFixtures.DECIDER;
import static org.mlaexchange.request.domain.RequestFixtures.ID;
import static org.mlaexchange.request.domain.RequestFixtures.NL;
import static org.mlaexchange.request.domain.RequestFixtures.NL_CONTACT;
import static org.mlaexchange.request.domain.RequestFixtures.T0;
import static org.mlaexchange.request.domain.RequestFixtures.acknowledged;
import static org.mlaexchange.request.domain.RequestFixtures.content;
import static org.mlaexchange.request.domain.RequestFixtures.date;
import static org.mlaexchange.request.domain.RequestFixtures.day;
import static org.mlaexchange.request.domain.RequestFixtures.submitted;
import static org.mlaexchange.request.domain.RequestFixtures.withSummary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.request.DeadlineKind;
import org.mlaexchange.contracts.request.GroundForRefusal;
import org.mlaexchange.contracts.request.MeasureProgress;
import org.mlaexchange.contracts.request.MeasureStatus;
import org.mlaexchange.contracts.request.PostponementReason;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.request.RequestStatus;

/** Folding the history gives the same state as evolving step by step, every time. */
class FoldTest {

    /** Runs commands through the decider, evolving after each, and keeps every event and state. */
    private static final class Story {
        final List<RequestEvent> history = new ArrayList<>();
        final List<MlaRequest> states = new ArrayList<>();
        MlaRequest state;

        Story act(RequestCommand command, StateCode actor, Instant now) {
            for (RequestEvent event : DECIDER.decide(state, command, actor, now)) {
                history.add(event);
                state = RequestDecider.evolve(state, event);
                states.add(state);
            }
            return this;
        }
    }

    private static Story longStory() {
        return new Story()
                .act(new RequestCommand.Submit(ID, NL, false, false, content()), AR, T0)
                .act(new RequestCommand.RecordOverdueDeadlines(), null, day(8))
                .act(new RequestCommand.Acknowledge("NL-OM-2025-0042", NL_CONTACT), NL, day(9))
                .act(new RequestCommand.RequestInformation(List.of("Date of birth of W1"), date(20)), NL, day(10))
                .act(new RequestCommand.ProvideInformation(withSummary(content(), "W1 born 12 May 1950"), "Added"), AR, day(12))
                .act(new RequestCommand.OpenConsultation(List.of("Search interferes with a Dutch case")), NL, day(14))
                .act(new RequestCommand.Postpone(PostponementReason.ONGOING_DOMESTIC_INVESTIGATION, null, date(40)), NL, day(15))
                .act(new RequestCommand.OpenConsultation(List.of("Conditions on the bank records")), NL, day(40))
                .act(new RequestCommand.ProposeConditions(List.of("Records used only in CFP 1234/2020")), NL, day(41))
                .act(new RequestCommand.RejectConditions("Too narrow"), AR, day(42))
                .act(new RequestCommand.ProposeConditions(List.of("Records used only in Argentine proceedings on centre X")), NL, day(43))
                .act(new RequestCommand.AcceptConditions("Agreed"), AR, day(44))
                .act(new RequestCommand.Accept(List.of("m1", "m2"), List.of("No defence counsel at the hearing")), NL, day(45))
                .act(new RequestCommand.ReportProgress(List.of(new MeasureProgress("m1", MeasureStatus.IN_EXECUTION, "Summoned")), null), NL, day(50))
                .act(new RequestCommand.OpenConsultation(List.of("The search")), NL, day(51))
                .act(new RequestCommand.Refuse(List.of("m3"), List.of(GroundForRefusal.DOMESTIC_LAW_PROHIBITS), "No search for this offence"), NL, day(52))
                .act(new RequestCommand.ReportProgress(List.of(new MeasureProgress("m1", MeasureStatus.EXECUTED, "Heard"),
                        new MeasureProgress("m2", MeasureStatus.EXECUTED, "Records sent")), "Done"), NL, day(60))
                .act(new RequestCommand.Complete("Evidence transferred"), NL, day(61))
                .act(new RequestCommand.Close("Results received"), AR, day(70));
    }

    @Test
    void other_services_projection_follows_the_same_status_and_parties() {
        Story story = longStory();
        org.mlaexchange.contracts.request.RequestFacts facts = null;
        for (int i = 0; i < story.history.size(); i++) {
            facts = org.mlaexchange.contracts.request.RequestFacts.apply(facts, story.history.get(i));
            MlaRequest state = story.states.get(i);
            assertEquals(state.status(), facts.status(), "status after event " + (i + 1));
            assertEquals(state.version(), facts.version());
            assertEquals(state.requestingState(), facts.requestingState());
            assertEquals(state.requestedState(), facts.requestedState());
        }
    }

    @Test
    void folding_the_history_gives_the_state_reached_step_by_step() {
        Story story = longStory();

        for (int i = 1; i <= story.history.size(); i++) {
            assertEquals(story.states.get(i - 1), RequestDecider.fold(story.history.subList(0, i)), "after event " + i);
        }
        MlaRequest end = RequestDecider.fold(story.history);
        assertEquals(RequestStatus.CLOSED, end.status());
        assertEquals(story.history.size(), end.version());
    }

    @Test
    void replaying_the_same_history_twice_gives_equal_states() {
        assertEquals(RequestDecider.fold(longStory().history), RequestDecider.fold(longStory().history));
    }

    @Test
    void the_folded_state_keeps_the_whole_story() {
        MlaRequest end = RequestDecider.fold(longStory().history);

        assertEquals(19, end.version());
        assertEquals(2, end.contentVersions().size());
        assertEquals(content(), end.contentVersions().get(0));
        assertEquals(List.of("Records used only in Argentine proceedings on centre X"), end.bindingConditions());
        assertEquals(2, end.conditions().size());
        assertEquals(1, end.acceptances().size());
        assertEquals(1, end.refusals().size());
        assertEquals(2, end.progressReports().size());
        assertEquals(EnumSet.of(DeadlineKind.ACKNOWLEDGEMENT), end.remindedDeadlines());
        assertEquals(day(9), end.acknowledgedAt());
        assertEquals(day(45), end.decidedAt());
        assertEquals(day(61), end.executedAt());
        assertEquals(day(70), end.closedAt());
        assertEquals(date(135), end.executionDueDate());
        assertEquals("No search for this offence", end.measure("m3").orElseThrow().refusalReasons());
    }

    @Test
    void an_empty_history_is_no_request() {
        assertNull(RequestDecider.fold(List.of()));
    }

    @Test
    void evolve_rejects_histories_that_cannot_be() {
        assertThrows(IllegalArgumentException.class, () -> RequestDecider.evolve(null, acknowledged()), "must start with Submitted");
        MlaRequest submitted = RequestDecider.fold(List.of(submitted()));
        assertThrows(IllegalArgumentException.class, () -> RequestDecider.evolve(submitted, submitted()), "submitted twice");
        RequestEvent other = new RequestEvent.Acknowledged(UUID.randomUUID(), "X", NL_CONTACT, day(1));
        assertThrows(IllegalArgumentException.class, () -> RequestDecider.evolve(submitted, other), "another request's event");
    }

    @Test
    void states_are_immutable() {
        MlaRequest state = RequestDecider.fold(List.of(submitted(), acknowledged()));

        assertThrows(UnsupportedOperationException.class, () -> state.measures().clear());
        assertThrows(UnsupportedOperationException.class, () -> state.remindedDeadlines().clear());
        assertThrows(UnsupportedOperationException.class, () -> state.contentVersions().add(content()));
    }
}
