package org.mlaexchange.request.domain;

import org.mlaexchange.contracts.rules.DomainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.request.domain.RequestFixtures.DECIDER;
import static org.mlaexchange.request.domain.RequestFixtures.ID;
import static org.mlaexchange.request.domain.RequestFixtures.M123;
import static org.mlaexchange.request.domain.RequestFixtures.NL;
import static org.mlaexchange.request.domain.RequestFixtures.acknowledged;
import static org.mlaexchange.request.domain.RequestFixtures.accepted;
import static org.mlaexchange.request.domain.RequestFixtures.consultationOpened;
import static org.mlaexchange.request.domain.RequestFixtures.date;
import static org.mlaexchange.request.domain.RequestFixtures.day;
import static org.mlaexchange.request.domain.RequestFixtures.given;
import static org.mlaexchange.request.domain.RequestFixtures.givenStatus;
import static org.mlaexchange.request.domain.RequestFixtures.progress;
import static org.mlaexchange.request.domain.RequestFixtures.submitted;
import static org.mlaexchange.request.domain.RequestFixtures.then;
import static org.mlaexchange.request.domain.RequestFixtures.update;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.request.GroundForRefusal;
import org.mlaexchange.contracts.request.MeasureProgress;
import org.mlaexchange.contracts.request.MeasureStatus;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.request.RequestStatus;
import org.mlaexchange.contracts.rules.DomainException.InvalidCommand;
import org.mlaexchange.contracts.rules.DomainException.TransitionForbidden;
import org.mlaexchange.contracts.rules.DomainException.Violation;

/** Each measure is decided and executed on its own: a request can be partly refused, partly executed. */
class MeasureDecisionsTest {

    private static final String REASONS = "Dutch law allows no search for this offence";

    @Test
    void accept_only_the_named_measures() {
        MlaRequest state = given(submitted(), acknowledged());

        List<RequestEvent> events = DECIDER.decide(state, new RequestCommand.Accept(List.of("m1", "m2"), null), NL, day(2));

        assertEquals(List.of(new RequestEvent.Accepted(ID, List.of("m1", "m2"), List.of(), date(92), RequestStatus.ACCEPTED, day(2))), events);
        MlaRequest after = then(state, events);
        assertStatuses(after, MeasureStatus.ACCEPTED, MeasureStatus.ACCEPTED, MeasureStatus.PENDING);
        assertEquals(RequestStatus.ACCEPTED, after.status());
    }

    @Test
    void refusing_some_measures_while_others_are_undecided_keeps_the_request_under_assessment() {
        MlaRequest state = given(submitted(), acknowledged(), consultationOpened());

        List<RequestEvent> events = DECIDER.decide(state,
                new RequestCommand.Refuse(List.of("m3"), List.of(GroundForRefusal.DOMESTIC_LAW_PROHIBITS), REASONS), NL, day(3));

        assertEquals(List.of(new RequestEvent.Refused(ID, List.of("m3"), List.of(GroundForRefusal.DOMESTIC_LAW_PROHIBITS), REASONS,
                RequestStatus.UNDER_ASSESSMENT, day(3))), events);
        MlaRequest after = then(state, events);
        assertEquals(RequestStatus.UNDER_ASSESSMENT, after.status());
        assertStatuses(after, MeasureStatus.PENDING, MeasureStatus.PENDING, MeasureStatus.REFUSED);
        MlaRequest.Measure m3 = after.measure("m3").orElseThrow();
        assertEquals(List.of(GroundForRefusal.DOMESTIC_LAW_PROHIBITS), m3.refusalGrounds());
        assertEquals(REASONS, m3.refusalReasons());
        assertTrue(after.isOpen());

        // then accepting "all" accepts only the measures still undecided
        List<RequestEvent> accepting = DECIDER.decide(after, new RequestCommand.Accept(List.of(), List.of()), NL, day(4));
        assertEquals(List.of("m1", "m2"), ((RequestEvent.Accepted) accepting.get(0)).measureIds());
        assertStatuses(then(after, accepting), MeasureStatus.ACCEPTED, MeasureStatus.ACCEPTED, MeasureStatus.REFUSED);
    }

    @Test
    void refusing_the_remaining_measure_during_execution_leaves_the_status_to_the_executed_ones() {
        MlaRequest inExecution = givenStatus(RequestStatus.IN_EXECUTION);
        MlaRequest consulting = then(inExecution, DECIDER.decide(inExecution,
                new RequestCommand.OpenConsultation(List.of("The search interferes with a Dutch case")), NL, day(4)));
        assertEquals(RequestStatus.CONSULTATION, consulting.status());

        List<RequestEvent> events = DECIDER.decide(consulting,
                new RequestCommand.Refuse(List.of(), List.of(GroundForRefusal.DOMESTIC_LAW_PROHIBITS), REASONS), NL, day(5));

        RequestEvent.Refused refused = (RequestEvent.Refused) events.get(0);
        assertEquals(List.of("m3"), refused.measureIds());
        assertEquals(RequestStatus.IN_EXECUTION, refused.status());
        assertStatuses(then(consulting, events), MeasureStatus.IN_EXECUTION, MeasureStatus.ACCEPTED, MeasureStatus.REFUSED);
    }

    @Test
    void a_request_partly_refused_and_partly_executed_can_be_completed() {
        MlaRequest state = given(submitted(), acknowledged(), accepted(List.of("m1", "m2"), RequestStatus.ACCEPTED, 2),
                progress(RequestStatus.PARTIALLY_EXECUTED, 10, update("m1", MeasureStatus.EXECUTED), update("m2", MeasureStatus.EXECUTED)),
                new RequestEvent.ConsultationOpened(ID, List.of("Search of the premises"), day(11)));

        MlaRequest refused = then(state, DECIDER.decide(state,
                new RequestCommand.Refuse(List.of("m3"), List.of(GroundForRefusal.DOMESTIC_LAW_PROHIBITS), REASONS), NL, day(12)));
        assertEquals(RequestStatus.PARTIALLY_EXECUTED, refused.status());

        MlaRequest executed = then(refused, DECIDER.decide(refused, new RequestCommand.Complete(null), NL, day(13)));
        assertEquals(RequestStatus.EXECUTED, executed.status());
        assertStatuses(executed, MeasureStatus.EXECUTED, MeasureStatus.EXECUTED, MeasureStatus.REFUSED);
    }

    @Test
    void accepting_the_remaining_measure_keeps_an_execution_already_under_way() {
        MlaRequest partly = givenStatus(RequestStatus.PARTIALLY_EXECUTED);

        List<RequestEvent> events = DECIDER.decide(partly, new RequestCommand.Accept(List.of("m3"), List.of()), NL, day(20));

        assertEquals(RequestStatus.PARTIALLY_EXECUTED, ((RequestEvent.Accepted) events.get(0)).status());
        MlaRequest after = then(partly, events);
        assertStatuses(after, MeasureStatus.EXECUTED, MeasureStatus.ACCEPTED, MeasureStatus.ACCEPTED);
        assertEquals(date(110), after.executionDueDate(), "the later acceptance extends the execution deadline");
        assertEquals(day(2), after.decidedAt(), "the first decision stays the decision time");
    }

    @Test
    void progress_moves_accepted_measures_through_execution_and_derives_the_request_status() {
        MlaRequest accepted = given(submitted(), acknowledged(), accepted(M123, RequestStatus.ACCEPTED, 2));

        List<RequestEvent> first = DECIDER.decide(accepted, new RequestCommand.ReportProgress(
                List.of(new MeasureProgress("m1", MeasureStatus.IN_EXECUTION, "Witness summoned")), "Hearing scheduled"), NL, day(10));
        assertEquals(List.of(new RequestEvent.ProgressReported(ID, List.of(new MeasureProgress("m1", MeasureStatus.IN_EXECUTION, "Witness summoned")),
                "Hearing scheduled", RequestStatus.IN_EXECUTION, day(10))), first);
        MlaRequest inExecution = then(accepted, first);
        assertEquals(RequestStatus.IN_EXECUTION, inExecution.status());

        MlaRequest partly = then(inExecution, DECIDER.decide(inExecution, new RequestCommand.ReportProgress(
                List.of(new MeasureProgress("m1", MeasureStatus.EXECUTED, "Witness heard")), null), NL, day(20)));
        assertEquals(RequestStatus.PARTIALLY_EXECUTED, partly.status());
        assertStatuses(partly, MeasureStatus.EXECUTED, MeasureStatus.ACCEPTED, MeasureStatus.ACCEPTED);
        assertEquals(List.of("Witness summoned", "Witness heard"), partly.measure("m1").orElseThrow().notes());
        assertEquals(2, partly.progressReports().size());
    }

    @Test
    void a_progress_report_may_only_answer_a_status_question() {
        MlaRequest state = givenStatus(RequestStatus.IN_EXECUTION);

        List<RequestEvent> events = DECIDER.decide(state, new RequestCommand.ReportProgress(List.of(), "Hearing set for 2 May"), NL, day(10));

        MlaRequest after = then(state, events);
        assertEquals(RequestStatus.IN_EXECUTION, after.status());
        assertEquals(state.measures(), after.measures());

        InvalidCommand e = assertThrows(InvalidCommand.class,
                () -> DECIDER.decide(state, new RequestCommand.ReportProgress(null, " "), NL, day(10)));
        assertEquals(List.of(new Violation("updates", "report at least one measure update or a summary")), e.violations());
    }

    @Test
    void progress_only_on_accepted_measures_not_yet_executed() {
        MlaRequest state = given(submitted(), acknowledged(), consultationOpened(),
                new RequestEvent.Refused(ID, List.of("m2"), List.of(GroundForRefusal.NE_BIS_IN_IDEM), "Already judged", RequestStatus.UNDER_ASSESSMENT, day(3)),
                accepted(List.of("m1"), RequestStatus.ACCEPTED, 4),
                progress(RequestStatus.PARTIALLY_EXECUTED, 5, update("m1", MeasureStatus.EXECUTED)));

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(state, new RequestCommand.ReportProgress(List.of(
                update("m1", MeasureStatus.EXECUTED),
                update("m2", MeasureStatus.IN_EXECUTION),
                update("m3", MeasureStatus.IN_EXECUTION),
                update("m9", MeasureStatus.EXECUTED),
                update("m3", MeasureStatus.EXECUTED),
                new MeasureProgress(null, MeasureStatus.EXECUTED, null)), "x"), NL, day(6)));

        assertEquals(List.of(
                new Violation("updates[0].measureId", "measure m1 is EXECUTED: only accepted measures not yet executed can progress"),
                new Violation("updates[1].measureId", "measure m2 is REFUSED: only accepted measures not yet executed can progress"),
                new Violation("updates[2].measureId", "measure m3 is PENDING: only accepted measures not yet executed can progress"),
                new Violation("updates[3].measureId", "no measure m9 in this request"),
                new Violation("updates[4].measureId", "measure m3 is listed twice"),
                new Violation("updates[5].measureId", "is required")), e.violations());
    }

    @Test
    void progress_reports_execution_states_only() {
        MlaRequest state = givenStatus(RequestStatus.ACCEPTED);

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(state,
                new RequestCommand.ReportProgress(List.of(update("m1", MeasureStatus.REFUSED)), null), NL, day(6)));

        assertEquals(List.of(new Violation("updates[0].status", "must be IN_EXECUTION or EXECUTED")), e.violations());
    }

    @Test
    void a_measure_is_decided_once() {
        MlaRequest state = givenStatus(RequestStatus.ACCEPTED);

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(state,
                new RequestCommand.Accept(Arrays.asList("m1", "m3", "m3", "m7", null), List.of()), NL, day(5)));

        assertEquals(List.of(
                new Violation("measureIds[0]", "measure m1 is already decided (ACCEPTED)"),
                new Violation("measureIds[2]", "measure m3 is listed twice"),
                new Violation("measureIds[3]", "no measure m7 in this request"),
                new Violation("measureIds[4]", "is required")), e.violations());
    }

    @Test
    void nothing_left_to_decide_forbids_accepting_or_consulting() {
        MlaRequest state = given(submitted(), acknowledged(), accepted(M123, RequestStatus.ACCEPTED, 2));

        TransitionForbidden accept = assertThrows(TransitionForbidden.class,
                () -> DECIDER.decide(state, new RequestCommand.Accept(List.of(), List.of()), NL, day(5)));
        assertTrue(accept.getMessage().endsWith("no measure is awaiting a decision"), accept.getMessage());

        TransitionForbidden consult = assertThrows(TransitionForbidden.class,
                () -> DECIDER.decide(state, new RequestCommand.OpenConsultation(List.of("x")), NL, day(5)));
        assertEquals(RequestStatus.ACCEPTED, consult.status());
    }

    @Test
    void refusal_needs_a_ground_and_written_reasons() {
        MlaRequest state = givenStatus(RequestStatus.CONSULTATION);

        InvalidCommand none = assertThrows(InvalidCommand.class,
                () -> DECIDER.decide(state, new RequestCommand.Refuse(List.of(), List.of(), "Reasons"), NL, day(3)));
        assertEquals(List.of(new Violation("grounds", "at least one ground for refusal is required")), none.violations());

        InvalidCommand noReasons = assertThrows(InvalidCommand.class, () -> DECIDER.decide(state,
                new RequestCommand.Refuse(List.of("m1"), List.of(GroundForRefusal.ESSENTIAL_INTERESTS), "  "), NL, day(3)));
        assertEquals(List.of(new Violation("reasons", "is required")), noReasons.violations());

        InvalidCommand other = assertThrows(InvalidCommand.class, () -> DECIDER.decide(state,
                new RequestCommand.Refuse(null, List.of(GroundForRefusal.OTHER), null), NL, day(3)));
        assertEquals(List.of(new Violation("reasons", "is required")), other.violations());

        InvalidCommand nullGround = assertThrows(InvalidCommand.class, () -> DECIDER.decide(state,
                new RequestCommand.Refuse(null, Arrays.asList(GroundForRefusal.OTHER, null), "Reasons"), NL, day(3)));
        assertEquals(List.of(new Violation("grounds[1]", "is required")), nullGround.violations());
    }

    @Test
    void complete_only_when_every_measure_is_executed_refused_or_impossible() {
        MlaRequest partly = givenStatus(RequestStatus.PARTIALLY_EXECUTED);

        TransitionForbidden e = assertThrows(TransitionForbidden.class,
                () -> DECIDER.decide(partly, new RequestCommand.Complete(null), NL, day(30)));

        assertEquals(RequestStatus.PARTIALLY_EXECUTED, e.status());
        assertEquals(RequestAction.COMPLETE, e.action());
        assertTrue(e.getMessage().contains("every measure must be executed, refused or found impossible"), e.getMessage());
    }

    private static void assertStatuses(MlaRequest state, MeasureStatus... expected) {
        assertEquals(List.of(expected), state.measures().stream().map(MlaRequest.Measure::status).toList());
    }
}
