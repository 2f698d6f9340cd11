package org.mlaexchange.request.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mlaexchange.request.domain.RequestFixtures.AR;
import static org.mlaexchange.request.domain.RequestFixtures.DECIDER;
import static org.mlaexchange.request.domain.RequestFixtures.ID;
import static org.mlaexchange.request.domain.RequestFixtures.M123;
import static org.mlaexchange.request.domain.RequestFixtures.NL;
import static org.mlaexchange.request.domain.RequestFixtures.SN;
import static org.mlaexchange.request.domain.RequestFixtures.T0;
import static org.mlaexchange.request.domain.RequestFixtures.accepted;
import static org.mlaexchange.request.domain.RequestFixtures.acknowledged;
import static org.mlaexchange.request.domain.RequestFixtures.completableHistory;
import static org.mlaexchange.request.domain.RequestFixtures.consultationOpened;
import static org.mlaexchange.request.domain.RequestFixtures.content;
import static org.mlaexchange.request.domain.RequestFixtures.date;
import static org.mlaexchange.request.domain.RequestFixtures.day;
import static org.mlaexchange.request.domain.RequestFixtures.given;
import static org.mlaexchange.request.domain.RequestFixtures.postponed;
import static org.mlaexchange.request.domain.RequestFixtures.submitted;
import static org.mlaexchange.request.domain.RequestFixtures.then;
import static org.mlaexchange.request.domain.RequestFixtures.translation;
import static org.mlaexchange.request.domain.RequestFixtures.withLanguage;
import static org.mlaexchange.request.domain.RequestFixtures.withUrgency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.request.DeadlineKind;
import org.mlaexchange.contracts.request.GroundForRefusal;
import org.mlaexchange.contracts.request.RequestContent;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.request.RequestEvent.DeadlineOverdue;
import org.mlaexchange.contracts.request.RequestStatus;

/** Deadlines come from the policy of the pair of States (or the urgent date); overdue is evented once. */
class DeadlinesTest {

    private static final RequestCommand CHECK = new RequestCommand.RecordOverdueDeadlines();

    @Test
    void due_dates_come_from_the_policy_of_the_pair_of_states() {
        RequestEvent.Submitted toNl = submit(NL, false, content(), T0);
        assertEquals(date(7), toNl.acknowledgementDueDate());
        assertEquals(date(30), toNl.decisionDueDate());

        RequestContent inFrench = withLanguage(content(), "en", List.of(translation("fr")));
        RequestEvent.Submitted toSn = submit(SN, false, inFrench, T0);
        assertEquals(date(5), toSn.acknowledgementDueDate());
        assertEquals(date(20), toSn.decisionDueDate());

        MlaRequest snAcknowledged = then(given(toSn), List.of(new RequestEvent.Acknowledged(ID, "SN-1", RequestFixtures.NL_CONTACT, day(1))));
        RequestEvent.Accepted accepted = (RequestEvent.Accepted) DECIDER.decide(snAcknowledged,
                new RequestCommand.Accept(List.of(), List.of()), SN, day(4)).get(0);
        assertEquals(date(64), accepted.executionDueDate(), "60 days from the decision");
    }

    @Test
    void deadlines_are_calendar_days_in_utc() {
        RequestEvent.Submitted lateEvening = submit(NL, false, content(), Instant.parse("2025-03-03T23:30:00Z"));
        assertEquals(date(7), lateEvening.acknowledgementDueDate());

        RequestEvent.Submitted nextDay = submit(NL, false, content(), Instant.parse("2025-03-04T00:30:00Z"));
        assertEquals(date(8), nextDay.acknowledgementDueDate());
    }

    @Test
    void an_urgent_request_is_decided_and_executed_by_its_desired_date() {
        RequestContent urgent = withUrgency(content(), "Witness W1 is terminally ill", date(10));

        RequestEvent.Submitted s = submit(NL, true, urgent, T0);
        assertEquals(date(7), s.acknowledgementDueDate());
        assertEquals(date(10), s.decisionDueDate(), "not later than the desired date");

        RequestEvent.Submitted veryUrgent = submit(NL, true, withUrgency(content(), "Witness leaves the country", date(3)), T0);
        assertEquals(date(3), veryUrgent.acknowledgementDueDate());
        assertEquals(date(3), veryUrgent.decisionDueDate());

        MlaRequest acknowledged = then(given(s), List.of(acknowledged()));
        RequestEvent.Accepted accepted = (RequestEvent.Accepted) DECIDER.decide(acknowledged,
                new RequestCommand.Accept(List.of(), List.of()), NL, day(2)).get(0);
        assertEquals(date(10), accepted.executionDueDate(), "the desired date, not 90 days");
        assertEquals(date(10), then(acknowledged, List.of(accepted)).executionDueDate());
    }

    @Test
    void a_desired_date_without_urgency_does_not_change_the_deadlines() {
        RequestEvent.Submitted s = submit(NL, false, withUrgency(content(), null, date(10)), T0);

        assertEquals(date(7), s.acknowledgementDueDate());
        assertEquals(date(30), s.decisionDueDate());
    }

    @Test
    void nothing_is_overdue_on_the_due_date_itself() {
        MlaRequest state = given(submitted());

        assertEquals(List.of(), DECIDER.decide(state, CHECK, null, Instant.parse("2025-03-10T23:59:59Z")));
        assertEquals(Set.of(), state.overdueAt(Instant.parse("2025-03-10T23:59:59Z")));
    }

    @Test
    void an_overdue_acknowledgement_is_reminded_once() {
        MlaRequest state = given(submitted());

        List<RequestEvent> first = DECIDER.decide(state, CHECK, null, day(8));

        assertEquals(List.of(new DeadlineOverdue(ID, DeadlineKind.ACKNOWLEDGEMENT, date(7), NL, day(8))), first);
        MlaRequest reminded = then(state, first);
        assertEquals(EnumSet.of(DeadlineKind.ACKNOWLEDGEMENT), reminded.remindedDeadlines());
        assertEquals(RequestStatus.SUBMITTED, reminded.status(), "a reminder changes no status");
        assertEquals(2, reminded.version());
        assertEquals(EnumSet.of(DeadlineKind.ACKNOWLEDGEMENT), reminded.overdueAt(day(9)), "still overdue");
        assertEquals(List.of(), DECIDER.decide(reminded, CHECK, null, day(9)), "but reminded only once");
    }

    @Test
    void each_deadline_is_reminded_once_and_separately() {
        MlaRequest state = then(given(submitted()), DECIDER.decide(given(submitted()), CHECK, null, day(8)));

        List<RequestEvent> later = DECIDER.decide(state, CHECK, null, day(31));

        assertEquals(List.of(new DeadlineOverdue(ID, DeadlineKind.DECISION, date(30), NL, day(31))), later);
        MlaRequest after = then(state, later);
        assertEquals(EnumSet.of(DeadlineKind.ACKNOWLEDGEMENT, DeadlineKind.DECISION), after.remindedDeadlines());
        assertEquals(List.of(), DECIDER.decide(after, CHECK, null, day(60)));
    }

    @Test
    void both_deadlines_overdue_at_once_give_two_reminders() {
        List<RequestEvent> events = DECIDER.decide(given(submitted()), CHECK, null, day(31));

        assertEquals(List.of(
                new DeadlineOverdue(ID, DeadlineKind.ACKNOWLEDGEMENT, date(7), NL, day(31)),
                new DeadlineOverdue(ID, DeadlineKind.DECISION, date(30), NL, day(31))), events);
    }

    @Test
    void a_met_deadline_is_never_reminded() {
        MlaRequest acknowledgedInTime = given(submitted(), acknowledged());
        assertEquals(List.of(), DECIDER.decide(acknowledgedInTime, CHECK, null, day(8)));

        MlaRequest decidedInTime = given(submitted(), acknowledged(), accepted(M123, RequestStatus.ACCEPTED, 2));
        assertEquals(List.of(), DECIDER.decide(decidedInTime, CHECK, null, day(31)));

        MlaRequest partlyRefusedInTime = given(submitted(), acknowledged(), consultationOpened(),
                new RequestEvent.Refused(ID, List.of("m3"), List.of(GroundForRefusal.DOMESTIC_LAW_PROHIBITS), "No search",
                        RequestStatus.UNDER_ASSESSMENT, day(3)));
        assertEquals(List.of(), DECIDER.decide(partlyRefusedInTime, CHECK, null, day(31)), "a decision on one measure is a decision");
    }

    @Test
    void the_decision_is_still_due_while_the_request_is_postponed() {
        MlaRequest state = given(submitted(), acknowledged(), consultationOpened(), postponed());

        assertEquals(List.of(new DeadlineOverdue(ID, DeadlineKind.DECISION, date(30), NL, day(31))),
                DECIDER.decide(state, CHECK, null, day(31)));
    }

    @Test
    void execution_is_overdue_until_declared_complete() {
        MlaRequest accepted = given(submitted(), acknowledged(), accepted(M123, RequestStatus.ACCEPTED, 2));
        assertEquals(List.of(), DECIDER.decide(accepted, CHECK, null, day(92)));
        assertEquals(List.of(new DeadlineOverdue(ID, DeadlineKind.EXECUTION, date(92), NL, day(93))),
                DECIDER.decide(accepted, CHECK, null, day(93)));

        List<RequestEvent> completed = new ArrayList<>(completableHistory());
        completed.add(new RequestEvent.Completed(ID, null, day(50)));
        MlaRequest executed = given(completed);
        assertEquals(Set.of(), executed.overdueAt(day(93)));
        assertEquals(List.of(), DECIDER.decide(executed, CHECK, null, day(93)));
    }

    @Test
    void a_terminal_request_has_no_overdue_deadline() {
        MlaRequest withdrawn = given(submitted(), new RequestEvent.Withdrawn(ID, "Not needed", day(1)));

        assertEquals(Set.of(), withdrawn.overdueAt(day(100)));
        assertEquals(List.of(), DECIDER.decide(withdrawn, CHECK, null, day(100)));
    }

    private static RequestEvent.Submitted submit(StateCode requested, boolean urgent, RequestContent c, Instant now) {
        return (RequestEvent.Submitted) DECIDER.decide(null, new RequestCommand.Submit(ID, requested, urgent, false, c), AR, now).get(0);
    }
}
