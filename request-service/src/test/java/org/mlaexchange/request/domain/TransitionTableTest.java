package org.mlaexchange.request.domain;

import org.mlaexchange.contracts.rules.DomainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.request.domain.RequestFixtures.DECIDER;
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
            Map.entry(RequestAction.WITHDRAW, RequestEvent.Withdrawn.class));

    @TestFactory
    Stream<DynamicTest> every_allowed_transition_emits_its_event_and_reaches_its_status() {
        List<DynamicTest> tests = new ArrayList<>();
        for (RequestAction action : EVENT_OF.keySet()) {
            for (RequestStatus from : action.allowedFrom()) {
                tests.add(DynamicTest.dynamicTest(action.pathSegment() + " from " + from, () -> {
                    // given
                    MlaRequest state = action == RequestAction.COMPLETE ? given(completableHistory()) : givenStatus(from);
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
    void terminal_statuses_allow_nothing_but_the_overdue_check() {
        for (RequestStatus terminal : List.of(RequestStatus.REFUSED, RequestStatus.CLOSED, RequestStatus.WITHDRAWN)) {
            for (RequestAction action : RequestAction.values()) {
                assertEquals(action == RequestAction.RECORD_OVERDUE_DEADLINES, action.isAllowedFrom(terminal), action + " from " + terminal);
            }
        }
    }

    @Test
    void refusal_postponement_and_conditions_only_after_consultation() {
        for (RequestAction action : List.of(RequestAction.REFUSE, RequestAction.POSTPONE, RequestAction.PROPOSE_CONDITIONS)) {
            assertEquals(EnumSet.of(RequestStatus.CONSULTATION), action.allowedFrom(), action.name());
        }
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
            case RECORD_OVERDUE_DEADLINES -> new RequestCommand.RecordOverdueDeadlines();
        };
    }
}
