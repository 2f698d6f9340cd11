package org.mlaexchange.request.domain;

import org.mlaexchange.contracts.rules.DomainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.request.domain.RequestFixtures.AR;
import static org.mlaexchange.request.domain.RequestFixtures.DECIDER;
import static org.mlaexchange.request.domain.RequestFixtures.NL;
import static org.mlaexchange.request.domain.RequestFixtures.historyIn;
import static org.mlaexchange.request.domain.RequestFixtures.actorOf;
import static org.mlaexchange.request.domain.RequestFixtures.completableHistory;
import static org.mlaexchange.request.domain.RequestFixtures.date;
import static org.mlaexchange.request.domain.RequestFixtures.day;
import static org.mlaexchange.request.domain.RequestFixtures.given;
import static org.mlaexchange.request.domain.RequestFixtures.givenStatus;
import static org.mlaexchange.request.domain.RequestFixtures.then;
import static org.mlaexchange.request.domain.RequestFixtures.withSummary;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.mlaexchange.contracts.seal.ErasureReason;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mlaexchange.contracts.request.GroundForRefusal;
import org.mlaexchange.contracts.request.MeasureProgress;
import org.mlaexchange.contracts.request.MeasureStatus;
import org.mlaexchange.contracts.request.PostponementReason;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.request.RequestStatus;
import org.mlaexchange.contracts.rules.DomainException.TransitionForbidden;
import org.mlaexchange.request.domain.MlaRequest.Measure;

/**
 * The table of {@link RequestAction}, checked cell by cell: every (action, status) it allows produces
 * the action's event and the expected status; every other cell is a {@link TransitionForbidden}.
 */
class TransitionTableTest {

    private static final Map<RequestAction, Class<? extends RequestEvent>> EVENT_OF = Map.ofEntries(
            Map.entry(RequestAction.ACKNOWLEDGE, RequestEvent.Acknowledged.class),
            Map.entry(RequestAction.REQUEST_INFORMATION, RequestEvent.InformationRequested.class),
            Map.entry(RequestAction.PROVIDE_INFORMATION, RequestEvent.InformationProvided.class),
            Map.entry(RequestAction.OPEN_CONSULTATION, RequestEvent.ConsultationOpened.class),
            Map.entry(RequestAction.POSTPONE, RequestEvent.Postponed.class),
            Map.entry(RequestAction.PROPOSE_CONDITIONS, RequestEvent.ConditionsProposed.class),
            Map.entry(RequestAction.ACCEPT_CONDITIONS, RequestEvent.ConditionsAccepted.class),
            Map.entry(RequestAction.REJECT_CONDITIONS, RequestEvent.ConditionsRejected.class),
            Map.entry(RequestAction.REFUSE, RequestEvent.Refused.class),
            Map.entry(RequestAction.ACCEPT, RequestEvent.Accepted.class),
            Map.entry(RequestAction.REPORT_PROGRESS, RequestEvent.ProgressReported.class),
            Map.entry(RequestAction.COMPLETE, RequestEvent.Completed.class),
            Map.entry(RequestAction.CLOSE, RequestEvent.Closed.class),
            Map.entry(RequestAction.WITHDRAW, RequestEvent.Withdrawn.class),
            Map.entry(RequestAction.ANSWER_CONSULTATION, RequestEvent.ConsultationAnswered.class),
            Map.entry(RequestAction.DECLARE_IMPOSSIBLE, RequestEvent.MeasuresImpossible.class),
            Map.entry(RequestAction.ASK_STATUS, RequestEvent.StatusRequested.class),
            Map.entry(RequestAction.ANSWER_STATUS, RequestEvent.StatusAnswered.class),
            Map.entry(RequestAction.SUPPLEMENT, RequestEvent.Supplemented.class),
            Map.entry(RequestAction.DECLINE_CONFIDENTIALITY, RequestEvent.ConfidentialityNotAssured.class),
            Map.entry(RequestAction.CONTINUE_WITHOUT_CONFIDENTIALITY, RequestEvent.ContinuedWithoutConfidentiality.class),
            Map.entry(RequestAction.EXTEND_DECISION_DEADLINE, RequestEvent.DecisionDeadlineExtended.class),
            Map.entry(RequestAction.ERASE_PERSONAL_DATA, RequestEvent.PersonalDataErased.class));

    @Test
    void every_action_but_submit_and_the_system_has_its_event_here() {
        for (RequestAction action : RequestAction.values()) {
            assertEquals(action != RequestAction.SUBMIT && action.by() != Party.SYSTEM, EVENT_OF.containsKey(action), action.name());
        }
    }

    @TestFactory
    Stream<DynamicTest> every_allowed_transition_emits_its_event_and_reaches_its_status() {
        List<DynamicTest> tests = new ArrayList<>();
        for (RequestAction action : EVENT_OF.keySet()) {
            for (RequestStatus from : action.allowedFrom()) {
                tests.add(DynamicTest.dynamicTest(action.pathSegment() + " from " + from, () -> {
                    // given
                    MlaRequest state = givenFor(action, from);
                    assertEquals(from, state.status());
                    // when
                    List<RequestEvent> events = DECIDER.decide(state, validCommand(action, state), actorOf(action, state), day(10));
                    // then
                    assertEquals(1, events.size());
                    assertInstanceOf(EVENT_OF.get(action), events.get(0));
                    MlaRequest after = then(state, events);
                    assertEquals(expectedStatus(action, from), after.status());
                    assertEquals(state.version() + 1, after.version());
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> every_other_status_forbids_the_action() {
        List<DynamicTest> tests = new ArrayList<>();
        for (RequestAction action : RequestAction.values()) {
            if (action == RequestAction.SUBMIT) {
                continue;
            }
            for (RequestStatus from : EnumSet.complementOf(EnumSet.copyOf(action.allowedFrom()))) {
                tests.add(DynamicTest.dynamicTest(action.pathSegment() + " from " + from, () -> {
                    MlaRequest state = givenStatus(from);
                    TransitionForbidden e = assertThrows(TransitionForbidden.class,
                            () -> DECIDER.decide(state, validCommand(action, state), actorOf(action, state), day(10)));
                    assertEquals(from, e.status());
                    assertEquals(action, e.action());
                    assertTrue(e.getMessage().contains(action.pathSegment()) && e.getMessage().contains(from.name()), e.getMessage());
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> a_guard_that_does_not_hold_forbids_the_action_and_hides_it() {
        List<DynamicTest> tests = new ArrayList<>();
        for (RequestAction action : RequestAction.values()) {
            if (action.guard().isEmpty()) {
                continue;
            }
            for (RequestStatus from : action.allowedFrom()) {
                MlaRequest state = givenGuardFails(action, from);
                if (state == null) {
                    continue; // in this status the guard always holds (e.g. an accepted measure awaits execution)
                }
                tests.add(DynamicTest.dynamicTest(action.pathSegment() + " from " + from + " without its guard", () -> {
                    assertEquals(from, state.status());
                    TransitionForbidden e = assertThrows(TransitionForbidden.class,
                            () -> DECIDER.decide(state, validCommand(action, state), actorOf(action, state), day(10)));
                    assertTrue(e.getMessage().contains(action.guard().orElseThrow().otherwise()), e.getMessage());
                    assertTrue(!RequestAction.availableTo(state, actorOf(action, state)).contains(action));
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void the_requesting_state_continues_from_the_status_it_left() {
        for (RequestStatus from : RequestAction.DECLINE_CONFIDENTIALITY.allowedFrom()) {
            MlaRequest declined = then(givenFor(RequestAction.DECLINE_CONFIDENTIALITY, from),
                    DECIDER.decide(givenFor(RequestAction.DECLINE_CONFIDENTIALITY, from),
                            validCommand(RequestAction.DECLINE_CONFIDENTIALITY, null), NL, day(10)));
            assertEquals(RequestStatus.CONFIDENTIALITY_NOT_ASSURED, declined.status());
            MlaRequest continued = then(declined, DECIDER.decide(declined,
                    new RequestCommand.ContinueWithoutConfidentiality(null), AR, day(11)));
            assertEquals(from, continued.status());
        }
    }

    @Test
    void the_system_may_look_for_overdue_deadlines_in_every_status() {
        assertEquals(EnumSet.allOf(RequestStatus.class), RequestAction.RECORD_OVERDUE_DEADLINES.allowedFrom());
        for (RequestStatus status : RequestStatus.values()) {
            MlaRequest state = givenStatus(status);
            List<RequestEvent> events = DECIDER.decide(state, new RequestCommand.RecordOverdueDeadlines(), null, day(6));
            assertEquals(List.of(), events, "nothing is overdue six days after submission, in " + status);
        }
    }

    @Test
    void terminal_statuses_allow_nothing_but_the_overdue_check_and_erasure() {
        for (RequestStatus terminal : List.of(RequestStatus.REFUSED, RequestStatus.CLOSED, RequestStatus.WITHDRAWN)) {
            for (RequestAction action : RequestAction.values()) {
                assertEquals(action == RequestAction.RECORD_OVERDUE_DEADLINES || action == RequestAction.ERASE_PERSONAL_DATA,
                        action.isAllowedFrom(terminal), action + " from " + terminal);
            }
        }
    }

    @Test
    void refusal_postponement_and_conditions_only_after_consultation() {
        for (RequestAction action : List.of(RequestAction.REFUSE, RequestAction.POSTPONE, RequestAction.PROPOSE_CONDITIONS)) {
            assertEquals(EnumSet.of(RequestStatus.CONSULTATION), action.allowedFrom(), action.name());
        }
    }

    /** The history each action is tried on: the status's history, with what the action's guard needs. */
    static MlaRequest givenFor(RequestAction action, RequestStatus from) {
        List<RequestEvent> history = new ArrayList<>(action == RequestAction.COMPLETE ? completableHistory() : historyIn(from));
        if (action == RequestAction.ANSWER_STATUS) {
            history.add(RequestFixtures.statusRequested(9));
        }
        if (action == RequestAction.DECLINE_CONFIDENTIALITY) {
            history.set(0, RequestFixtures.submittedConfidential());
        }
        return given(history);
    }

    /** A history in the status where the action's guard does not hold; {@code null} if there is none. */
    private static MlaRequest givenGuardFails(RequestAction action, RequestStatus from) {
        List<RequestEvent> history = new ArrayList<>(historyIn(from));
        switch (action.guard().orElseThrow()) {
            case MEASURE_AWAITING_EXECUTION -> {
                if (from != RequestStatus.PARTIALLY_EXECUTED) {
                    return null;
                }
                history.add(RequestFixtures.progress(RequestStatus.PARTIALLY_EXECUTED, 4, RequestFixtures.update("m2", MeasureStatus.EXECUTED)));
            }
            case NO_OPEN_STATUS_QUESTION -> history.add(RequestFixtures.statusRequested(9));
            case OPEN_STATUS_QUESTION -> { }
            case CONFIDENTIALITY_MAY_BE_DECLINED -> { } // the request is not confidential
            case DECISION_DEADLINE_EXTENSIBLE -> history.add(new RequestEvent.DecisionDeadlineExtended(RequestFixtures.ID,
                    date(30), date(60), "Court file under review", day(9)));
        }
        return given(history);
    }

    /** The status each allowed transition leads to, with the histories of {@link RequestFixtures#historyIn}. */
    private static RequestStatus expectedStatus(RequestAction action, RequestStatus from) {
        return switch (action) {
            case ACKNOWLEDGE -> RequestStatus.ACKNOWLEDGED;
            case REQUEST_INFORMATION -> RequestStatus.INFORMATION_REQUESTED;
            case PROVIDE_INFORMATION, ACCEPT_CONDITIONS -> RequestStatus.UNDER_ASSESSMENT;
            case OPEN_CONSULTATION, REJECT_CONDITIONS -> RequestStatus.CONSULTATION;
            case POSTPONE -> RequestStatus.POSTPONED;
            case PROPOSE_CONDITIONS -> RequestStatus.CONDITIONS_PROPOSED;
            case REFUSE -> RequestStatus.REFUSED; // every undecided measure, and none was accepted
            case ACCEPT -> from == RequestStatus.IN_EXECUTION || from == RequestStatus.PARTIALLY_EXECUTED ? from : RequestStatus.ACCEPTED;
            case REPORT_PROGRESS -> RequestStatus.PARTIALLY_EXECUTED; // one more measure executed
            case COMPLETE -> RequestStatus.EXECUTED;
            case CLOSE -> RequestStatus.CLOSED;
            case WITHDRAW -> RequestStatus.WITHDRAWN;
            case ANSWER_CONSULTATION, ASK_STATUS, ANSWER_STATUS, SUPPLEMENT, EXTEND_DECISION_DEADLINE, ERASE_PERSONAL_DATA -> from;
            // m1 is found impossible: the request's status follows from the measures left
            case DECLARE_IMPOSSIBLE -> from == RequestStatus.PARTIALLY_EXECUTED ? from : RequestStatus.ACCEPTED;
            case DECLINE_CONFIDENTIALITY -> RequestStatus.CONFIDENTIALITY_NOT_ASSURED;
            case CONTINUE_WITHOUT_CONFIDENTIALITY -> RequestStatus.ACKNOWLEDGED; // where the given history left it
            case SUBMIT, RECORD_OVERDUE_DEADLINES -> throw new IllegalArgumentException(action.name());
        };
    }

    /** A command for the action that passes every content rule on the given state. */
    static RequestCommand validCommand(RequestAction action, MlaRequest state) {
        return switch (action) {
            case SUBMIT -> new RequestCommand.Submit(state.id(), state.requestedState(), false, false, state.content());
            case ACKNOWLEDGE -> new RequestCommand.Acknowledge("NL-OM-2025-0042", RequestFixtures.NL_CONTACT);
            case REQUEST_INFORMATION -> new RequestCommand.RequestInformation(List.of("Date of birth of witness W1"), date(25));
            case PROVIDE_INFORMATION -> new RequestCommand.ProvideInformation(withSummary(state.content(), "Amended facts"), "Amended");
            case OPEN_CONSULTATION -> new RequestCommand.OpenConsultation(List.of("Possible interference with a domestic case"));
            case POSTPONE -> new RequestCommand.Postpone(PostponementReason.ONGOING_DOMESTIC_PROSECUTION, "Trial pending", date(90));
            case PROPOSE_CONDITIONS -> new RequestCommand.ProposeConditions(List.of("Use only in case CFP 1234/2020"));
            case ACCEPT_CONDITIONS -> new RequestCommand.AcceptConditions(null);
            case REJECT_CONDITIONS -> new RequestCommand.RejectConditions("The condition would bar use at trial");
            case REFUSE -> new RequestCommand.Refuse(List.of(), List.of(GroundForRefusal.ESSENTIAL_INTERESTS), "National security");
            case ACCEPT -> new RequestCommand.Accept(List.of(), List.of());
            case REPORT_PROGRESS -> new RequestCommand.ReportProgress(state.measures().stream()
                    .filter(m -> m.status() == MeasureStatus.ACCEPTED || m.status() == MeasureStatus.IN_EXECUTION)
                    .findFirst().map(Measure::id)
                    .map(id -> List.of(new MeasureProgress(id, MeasureStatus.EXECUTED, "Done")))
                    .orElse(List.of()), "Status update");
            case COMPLETE -> new RequestCommand.Complete("All done");
            case CLOSE -> new RequestCommand.Close("Results received");
            case WITHDRAW -> new RequestCommand.Withdraw("Assistance no longer needed");
            case ERASE_PERSONAL_DATA -> new RequestCommand.ErasePersonalData(ErasureReason.PURPOSE_FULFILLED);
            case ANSWER_CONSULTATION -> new RequestCommand.AnswerConsultation("We can do without the search of m3",
                    List.of("Drop measure m3"));
            case DECLARE_IMPOSSIBLE -> new RequestCommand.DeclareImpossible(state == null ? List.of("m1") : state.measures().stream()
                    .filter(m -> m.status() == MeasureStatus.ACCEPTED || m.status() == MeasureStatus.IN_EXECUTION)
                    .findFirst().map(Measure::id).map(List::of).orElse(List.of("m1")), "The witness died before the hearing");
            case ASK_STATUS -> new RequestCommand.AskStatus("Has witness W1 been heard?", null);
            case ANSWER_STATUS -> new RequestCommand.AnswerStatus("The hearing is set for next month");
            case SUPPLEMENT -> new RequestCommand.Supplement(withSummary(state == null ? RequestFixtures.content() : state.content(),
                    "W1 has moved to Utrecht"), "New address");
            case DECLINE_CONFIDENTIALITY -> new RequestCommand.DeclineConfidentiality("A search warrant is read out in public court");
            case CONTINUE_WITHOUT_CONFIDENTIALITY -> new RequestCommand.ContinueWithoutConfidentiality("Proceed all the same");
            case EXTEND_DECISION_DEADLINE -> new RequestCommand.ExtendDecisionDeadline("The court file is under review");
            case RECORD_OVERDUE_DEADLINES -> new RequestCommand.RecordOverdueDeadlines();
        };
    }
}
