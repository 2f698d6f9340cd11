package org.mlaexchange.request.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mlaexchange.request.domain.RequestFixtures.AR;
import static org.mlaexchange.request.domain.RequestFixtures.NL;
import static org.mlaexchange.request.domain.RequestFixtures.REFERENCE;
import static org.mlaexchange.request.domain.RequestFixtures.date;
import static org.mlaexchange.request.domain.RequestFixtures.day;

import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.evidence.UseConsentDecision;
import org.mlaexchange.contracts.evidence.UsePurpose;
import org.mlaexchange.contracts.request.ContactPerson;
import org.mlaexchange.contracts.request.DeadlineKind;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent.DeadlineOverdue;
import org.mlaexchange.contracts.request.UseConditions;
import org.mlaexchange.contracts.rules.DomainException.WrongParty;

/**
 * The deadlines of spontaneous information: the receiving State owes its answer (acknowledge, or decline the
 * conditions) by a due date, the providing State a use-consent decision; each is reminded once per due date,
 * to the State that owes it, while owed.
 */
class SpontaneousDeadlinesTest {

    /** Five days to answer, ten to decide: not the defaults, so the configured periods are seen to apply. */
    private static final SpontaneousDecider DECIDER = new SpontaneousDecider(REFERENCE,
            new SpontaneousDecider.Deadlines(Period.ofDays(5), Period.ofDays(10)));
    private static final UUID ID = UUID.fromString("0b7f5a8e-3c1d-4e2f-9a6b-5d4c3b2a1f01");
    private static final ContactPerson AR_CONTACT = new ContactPerson("M. García", "cooperacion@jus.example.ar", null);
    private static final UseConditions CONDITIONS = new UseConditions("Investigation of the northern province detentions",
            List.of(), false, null);

    private static SpontaneousInformationCase act(SpontaneousInformationCase state, SpontaneousCommand command, StateCode actor, int day) {
        SpontaneousInformationCase next = state;
        for (SpontaneousInformationEvent e : DECIDER.decide(state, command, actor, day(day))) {
            next = SpontaneousDecider.evolve(next, e);
        }
        return next;
    }

    private static List<SpontaneousInformationEvent> check(SpontaneousInformationCase state, int day) {
        return DECIDER.decide(state, new SpontaneousCommand.RecordOverdueDeadlines(), null, day(day));
    }

    private static SpontaneousInformationCase sent() {
        return act(null, new SpontaneousCommand.Send(ID, AR, SpontaneousInformationTest.information(), CONDITIONS, List.of()), NL, 0);
    }

    @Test
    void theReceivingStateOwesItsAnswerByTheConfiguredDueDateAndIsRemindedOnce() {
        SpontaneousInformationCase sent = sent();
        assertEquals(date(5), sent.acknowledgementDueDate());
        assertEquals(day(6).truncatedTo(java.time.temporal.ChronoUnit.DAYS), sent.nextReminderAt(), "the day after the due date");
        assertEquals(List.of(), check(sent, 5), "not before the due date has passed");
        List<SpontaneousInformationEvent> reminder = check(sent, 6);
        assertEquals(List.of(new DeadlineOverdue(ID, DeadlineKind.ACKNOWLEDGEMENT, date(5), AR, day(6))), reminder);
        SpontaneousInformationCase reminded = SpontaneousDecider.evolve(sent, reminder.get(0));
        assertEquals(Set.of(DeadlineKind.ACKNOWLEDGEMENT), reminded.remindedDeadlines());
        assertEquals(List.of(), check(reminded, 30), "once per due date");
        assertNull(reminded.nextReminderAt(), "nothing left to remind: it leaves the job's queue");
        assertEquals(Set.of(DeadlineKind.ACKNOWLEDGEMENT), reminded.overdueAt(day(30)), "still overdue until answered");

        SpontaneousInformationCase acknowledged = act(reminded, new SpontaneousCommand.AcknowledgeReceipt("AR-1", AR_CONTACT), AR, 7);
        assertEquals(Set.of(), acknowledged.overdueAt(day(30)));
        assertEquals(List.of(), check(acknowledged, 30));
    }

    @Test
    void revisedConditionsAreAnsweredByANewDueDateRemindedAgain() {
        SpontaneousInformationCase declined = act(sent(), new SpontaneousCommand.DeclineConditions("Our hearings are public"), AR, 2);
        assertEquals(Set.of(), declined.overdueAt(day(30)), "declining answers the information");
        SpontaneousInformationCase reminded = SpontaneousDecider.evolve(declined,
                new DeadlineOverdue(ID, DeadlineKind.ACKNOWLEDGEMENT, date(5), AR, day(6)));
        SpontaneousInformationCase revised = act(reminded, new SpontaneousCommand.ReviseConditions(UseConditions.none(), null), NL, 10);
        assertEquals(date(15), revised.acknowledgementDueDate());
        assertEquals(List.of(new DeadlineOverdue(ID, DeadlineKind.ACKNOWLEDGEMENT, date(15), AR, day(16))), check(revised, 16));
    }

    @Test
    void aPendingUseConsentDecisionIsOwedByTheProvidingState() {
        SpontaneousInformationCase acknowledged = act(sent(), new SpontaneousCommand.AcknowledgeReceipt("AR-1", AR_CONTACT), AR, 1);
        assertNull(acknowledged.nextReminderAt());
        SpontaneousInformationCase asked = act(acknowledged,
                new SpontaneousCommand.RequestUseConsent(UsePurpose.OTHER_PROCEEDINGS, null, "Trial of the commander"), AR, 2);
        assertEquals(date(12), asked.openUseConsent().orElseThrow().decisionDueDate());
        assertEquals(NL, asked.owedBy(DeadlineKind.USE_CONSENT_DECISION));
        List<SpontaneousInformationEvent> reminder = check(asked, 13);
        assertEquals(List.of(new DeadlineOverdue(ID, DeadlineKind.USE_CONSENT_DECISION, date(12), NL, day(13))), reminder);
        SpontaneousInformationCase decided = act(SpontaneousDecider.evolve(asked, reminder.get(0)),
                new SpontaneousCommand.DecideUseConsent(UseConsentDecision.GRANTED, null, null), NL, 14);
        assertEquals(Set.of(), decided.overdueAt(day(40)));

        // a second request has its own due date, reminded again
        SpontaneousInformationCase askedAgain = act(decided,
                new SpontaneousCommand.RequestUseConsent(UsePurpose.ONWARD_TRANSFER, RequestFixtures.SN, "To SN's prosecutor"), AR, 20);
        assertEquals(List.of(new DeadlineOverdue(ID, DeadlineKind.USE_CONSENT_DECISION, date(30), NL, day(31))), check(askedAgain, 31));
    }

    @Test
    void closedOrReturnedInformationOwesNothingAndOnlyTheSystemReminds() {
        SpontaneousInformationCase declined = act(sent(), new SpontaneousCommand.DeclineConditions("No"), AR, 1);
        SpontaneousInformationCase closed = act(declined, new SpontaneousCommand.CloseCase(null), NL, 2);
        assertEquals(List.of(), check(closed, 60));
        assertNull(closed.nextReminderAt());
        assertThrows(WrongParty.class, () -> DECIDER.decide(sent(), new SpontaneousCommand.RecordOverdueDeadlines(), NL, day(30)));
        assertEquals(List.of(), SpontaneousAction.availableTo(sent(), AR).stream()
                .filter(a -> a == SpontaneousAction.RECORD_OVERDUE_DEADLINES).toList(), "no State is offered the reminder");
    }

    @Test
    void informationSentBeforeDueDatesOwesNoReminder() {
        SpontaneousInformationCase old = SpontaneousDecider.evolve(null, new SpontaneousInformationEvent.Sent(ID, NL, AR,
                SpontaneousInformationTest.information(), CONDITIONS, List.of(), day(0)));
        assertNull(old.acknowledgementDueDate());
        assertNull(old.nextReminderAt());
        assertEquals(List.of(), check(old, 400));
    }
}
