package org.mlaexchange.extradition.domain;

import org.mlaexchange.contracts.rules.DomainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.AR;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.DECIDER;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.ID;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.NL;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.SN;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.T0;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.act;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.arrested;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.date;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.day;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.formalRequest;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.given;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.givenStatus;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.person;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.provisionalArrestRequest;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.provisionalArrestRequested;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.simplifiedConsent;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.then;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.validCommand;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.extradition.ArrivalChannel;
import org.mlaexchange.contracts.extradition.DeadlineKind;
import org.mlaexchange.contracts.extradition.ExtraditionEvent;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.DeadlineOverdue;
import org.mlaexchange.contracts.extradition.ExtraditionStatus;
import org.mlaexchange.contracts.extradition.ReleaseReason;
import org.mlaexchange.contracts.rules.DomainException.InvalidCommand;
import org.mlaexchange.contracts.rules.DomainException.TransitionForbidden;
import org.mlaexchange.contracts.rules.DomainException.Violation;

/**
 * The provisional-arrest clock (due dates from the policy, carried by the arrest event; release; re-arrest
 * once the formal request arrived) and the other deadlines; overdue is evented once per deadline.
 */
class DeadlinesTest {

    private static final ExtraditionCommand CHECK = new ExtraditionCommand.RecordOverdueDeadlines();

    @Test
    void the_arrest_starts_the_clock_with_the_periods_of_the_policy() {
        ExtraditionCase requested = given(provisionalArrestRequested());

        List<ExtraditionEvent> events = DECIDER.decide(requested, new ExtraditionCommand.RecordArrest(day(1), "Amsterdam"), NL, day(1));

        assertEquals(List.of(arrested()), events, "18, 40 and 10 days from the day of the arrest");
        ExtraditionCase after = then(requested, events);
        assertEquals(ExtraditionStatus.PROVISIONALLY_ARRESTED, after.status());
        assertTrue(after.inCustody());
        assertEquals(date(19), after.releasePossibleDueDate());
        assertEquals(date(41), after.releaseCompulsoryDueDate());
        assertEquals(date(11), after.simplifiedConsentNoticeDueDate());
    }

    @Test
    void the_periods_are_configured_per_pair_of_states() {
        ExtraditionCase toSn = given(new ExtraditionEvent.ProvisionalArrestRequested(ID, AR, SN, ArrivalChannel.DIRECT,
                provisionalArrestRequest(person()), T0));

        ExtraditionEvent.ArrestRecorded e = (ExtraditionEvent.ArrestRecorded) DECIDER.decide(toSn,
                new ExtraditionCommand.RecordArrest(day(1), null), SN, day(2)).get(0);

        assertEquals(date(21), e.releasePossibleDueDate());
        assertEquals(date(46), e.releaseCompulsoryDueDate());
        assertEquals(date(13), e.simplifiedConsentNoticeDueDate());
        assertEquals(day(1), e.arrestedAt());
        assertEquals(day(2), e.recordedAt(), "recorded a day after the arrest; the clock counts from the arrest");
    }

    @Test
    void the_clock_counts_calendar_days_in_utc() {
        ExtraditionCase requested = given(provisionalArrestRequested());

        ExtraditionEvent.ArrestRecorded lateEvening = arrest(requested, Instant.parse("2025-03-04T23:30:00Z"));
        ExtraditionEvent.ArrestRecorded nextDay = arrest(requested, Instant.parse("2025-03-05T00:30:00Z"));

        assertEquals(date(19), lateEvening.releasePossibleDueDate());
        assertEquals(date(20), nextDay.releasePossibleDueDate());
    }

    @Test
    void an_arrest_cannot_be_recorded_before_it_happens() {
        ExtraditionCase requested = given(provisionalArrestRequested());

        InvalidCommand e = assertThrows(InvalidCommand.class,
                () -> DECIDER.decide(requested, new ExtraditionCommand.RecordArrest(day(2), null), NL, day(1)));

        assertEquals(List.of(new Violation("arrestedAt", "must not be in the future")), e.violations());
    }

    @Test
    void nothing_is_overdue_on_the_due_date_itself() {
        ExtraditionCase state = givenStatus(ExtraditionStatus.PROVISIONALLY_ARRESTED, simplifiedConsent(false));

        assertEquals(Set.of(), state.overdueAt(Instant.parse("2025-03-22T23:59:59Z")));
        assertEquals(List.of(), DECIDER.decide(state, CHECK, null, Instant.parse("2025-03-22T23:59:59Z")));
    }

    @Test
    void release_possible_then_release_compulsory_each_reminded_once() {
        ExtraditionCase state = givenStatus(ExtraditionStatus.PROVISIONALLY_ARRESTED, simplifiedConsent(false));

        List<ExtraditionEvent> first = DECIDER.decide(state, CHECK, null, day(20));
        assertEquals(List.of(new DeadlineOverdue(ID, DeadlineKind.FORMAL_REQUEST_RELEASE_POSSIBLE, date(19), AR, day(20))), first,
                "the formal request is late: owed by the requesting State");
        ExtraditionCase reminded = then(state, first);
        assertEquals(ExtraditionStatus.PROVISIONALLY_ARRESTED, reminded.status(), "a reminder changes no status");
        assertEquals(List.of(), DECIDER.decide(reminded, CHECK, null, day(30)), "reminded only once");

        List<ExtraditionEvent> later = DECIDER.decide(reminded, CHECK, null, day(42));
        assertEquals(List.of(new DeadlineOverdue(ID, DeadlineKind.FORMAL_REQUEST_RELEASE_COMPULSORY, date(41), NL, day(42))), later,
                "the requested State must now release the person");
        ExtraditionCase both = then(reminded, later);
        assertEquals(EnumSet.of(DeadlineKind.FORMAL_REQUEST_RELEASE_POSSIBLE, DeadlineKind.FORMAL_REQUEST_RELEASE_COMPULSORY),
                both.remindedDeadlines());
        assertEquals(List.of(), DECIDER.decide(both, CHECK, null, day(60)));
    }

    @Test
    void deadlines_passed_together_give_one_reminder_each() {
        ExtraditionCase state = givenStatus(ExtraditionStatus.PROVISIONALLY_ARRESTED);

        assertEquals(List.of(
                new DeadlineOverdue(ID, DeadlineKind.FORMAL_REQUEST_RELEASE_POSSIBLE, date(19), AR, day(42)),
                new DeadlineOverdue(ID, DeadlineKind.FORMAL_REQUEST_RELEASE_COMPULSORY, date(41), NL, day(42)),
                new DeadlineOverdue(ID, DeadlineKind.SIMPLIFIED_CONSENT_NOTICE, date(11), NL, day(42))),
                DECIDER.decide(state, CHECK, null, day(42)));
    }

    @Test
    void a_formal_request_in_time_stops_the_clock() {
        ExtraditionCase state = givenStatus(ExtraditionStatus.REQUEST_SUBMITTED, simplifiedConsent(false));

        assertEquals(Set.of(), state.overdueAt(day(60)));
        assertEquals(List.of(), DECIDER.decide(state, CHECK, null, day(60)));
    }

    @Test
    void the_consent_notice_is_due_while_the_person_is_held_and_nothing_is_decided() {
        ExtraditionCase held = givenStatus(ExtraditionStatus.REQUEST_ACKNOWLEDGED);
        assertEquals(List.of(new DeadlineOverdue(ID, DeadlineKind.SIMPLIFIED_CONSENT_NOTICE, date(11), NL, day(12))),
                DECIDER.decide(held, CHECK, null, day(12)));

        ExtraditionCase noticeGiven = givenStatus(ExtraditionStatus.REQUEST_ACKNOWLEDGED, simplifiedConsent(false));
        assertEquals(List.of(), DECIDER.decide(noticeGiven, CHECK, null, day(12)), "a refusal to consent is a notice too");
        assertEquals(ExtraditionStatus.REQUEST_ACKNOWLEDGED, noticeGiven.status());

        ExtraditionCase releasedEarly = givenStatus(ExtraditionStatus.RELEASED_PENDING_REQUEST);
        assertEquals(Set.of(), releasedEarly.overdueAt(day(12)), "nothing to notify about a person at liberty");
    }

    @Test
    void release_before_the_formal_request_then_re_arrest_once_it_arrives() {
        ExtraditionCase arrested = givenStatus(ExtraditionStatus.PROVISIONALLY_ARRESTED, simplifiedConsent(false));

        ExtraditionCase released = act(arrested, new ExtraditionCommand.RecordRelease(day(19),
                ReleaseReason.FORMAL_REQUEST_NOT_RECEIVED, null), NL, day(19));
        assertEquals(ExtraditionStatus.RELEASED_PENDING_REQUEST, released.status());
        assertFalse(released.inCustody());
        assertEquals(List.of(), DECIDER.decide(released, CHECK, null, day(50)), "the clock no longer runs for a person at liberty");

        TransitionForbidden tooEarly = assertThrows(TransitionForbidden.class, () -> DECIDER.decide(released,
                new ExtraditionCommand.RecordArrest(day(20), null), NL, day(20)));
        assertEquals(ExtraditionStatus.RELEASED_PENDING_REQUEST, tooEarly.status(), "re-arrest only once the formal request arrives");

        ExtraditionCase submitted = act(released, new ExtraditionCommand.SubmitFormalRequest(ArrivalChannel.DIPLOMATIC, formalRequest()),
                AR, day(25));
        assertEquals(ExtraditionStatus.REQUEST_SUBMITTED, submitted.status());

        List<ExtraditionEvent> rearrest = DECIDER.decide(submitted, new ExtraditionCommand.RecordArrest(day(26), "Rotterdam"), NL, day(26));
        assertEquals(List.of(new ExtraditionEvent.ArrestRecorded(ID, day(26), "Rotterdam", null, null, null, day(26))), rearrest,
                "a re-arrest starts no clock");
        ExtraditionCase rearrested = then(submitted, rearrest);
        assertEquals(ExtraditionStatus.REQUEST_SUBMITTED, rearrested.status());
        assertTrue(rearrested.inCustody());
        assertEquals(2, rearrested.arrests().size());
        assertEquals(1, rearrested.releases().size());
        assertEquals(date(19), rearrested.releasePossibleDueDate(), "the first clock is kept for the record");
    }

    @Test
    void a_person_in_custody_cannot_be_arrested_and_one_at_liberty_cannot_be_released() {
        ExtraditionCase held = givenStatus(ExtraditionStatus.REQUEST_ACKNOWLEDGED);
        TransitionForbidden arrest = assertThrows(TransitionForbidden.class,
                () -> DECIDER.decide(held, validCommand(ExtraditionAction.RECORD_ARREST), NL, day(20)));
        assertTrue(arrest.getMessage().endsWith("the person is already in custody"), arrest.getMessage());

        ExtraditionCase free = given(ExtraditionFixtures.historyIn(ExtraditionStatus.REQUEST_ACKNOWLEDGED, false));
        TransitionForbidden release = assertThrows(TransitionForbidden.class,
                () -> DECIDER.decide(free, validCommand(ExtraditionAction.RECORD_RELEASE), NL, day(20)));
        assertTrue(release.getMessage().endsWith("the person is not in custody"), release.getMessage());
    }

    @Test
    void a_release_is_recorded_with_its_reason() {
        ExtraditionCase held = givenStatus(ExtraditionStatus.PROVISIONALLY_ARRESTED);

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(held,
                new ExtraditionCommand.RecordRelease(T0, ReleaseReason.OTHER, " "), NL, day(5)));

        assertEquals(List.of(new Violation("releasedAt", "must not be before the arrest (" + day(1) + ")"),
                new Violation("details", "is required")), e.violations());
    }

    @Test
    void supplementary_information_is_due_by_its_time_limit_and_a_new_request_is_reminded_again() {
        ExtraditionCase requested = givenStatus(ExtraditionStatus.SUPPLEMENTARY_INFORMATION_REQUESTED, simplifiedConsent(false));
        assertEquals(date(40), requested.dueDate(DeadlineKind.SUPPLEMENTARY_INFORMATION));

        List<ExtraditionEvent> overdue = DECIDER.decide(requested, CHECK, null, day(41));
        assertEquals(List.of(new DeadlineOverdue(ID, DeadlineKind.SUPPLEMENTARY_INFORMATION, date(40), AR, day(41))), overdue);
        ExtraditionCase reminded = then(requested, overdue);

        ExtraditionCase answered = act(reminded, validCommand(ExtraditionAction.PROVIDE_SUPPLEMENTARY_INFORMATION), AR, day(42));
        assertEquals(List.of(), DECIDER.decide(answered, CHECK, null, day(43)));
        ExtraditionCase askedAgain = act(answered, new ExtraditionCommand.RequestSupplementaryInformation(List.of("Translation"),
                date(50)), NL, day(43));
        assertFalse(askedAgain.remindedDeadlines().contains(DeadlineKind.SUPPLEMENTARY_INFORMATION), "a new time limit");
        assertEquals(List.of(new DeadlineOverdue(ID, DeadlineKind.SUPPLEMENTARY_INFORMATION, date(50), AR, day(51))),
                DECIDER.decide(askedAgain, CHECK, null, day(51)));
    }

    @Test
    void supplementary_information_needs_a_time_limit_in_the_future() {
        ExtraditionCase state = givenStatus(ExtraditionStatus.REQUEST_ACKNOWLEDGED);

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(state,
                new ExtraditionCommand.RequestSupplementaryInformation(List.of(), null), NL, day(20)));
        assertEquals(List.of(new Violation("missing", "at least one is required"), new Violation("dueDate", "is required")),
                e.violations());

        InvalidCommand past = assertThrows(InvalidCommand.class, () -> DECIDER.decide(state,
                new ExtraditionCommand.RequestSupplementaryInformation(List.of("Translation"), date(20)), NL, day(20)));
        assertEquals(List.of(new Violation("dueDate", "must be in the future")), past.violations());
    }

    @Test
    void the_takeover_is_due_on_the_agreed_date_and_the_return_on_the_return_date() {
        ExtraditionCase scheduled = givenStatus(ExtraditionStatus.SURRENDER_SCHEDULED);
        assertEquals(List.of(new DeadlineOverdue(ID, DeadlineKind.SURRENDER_TAKEOVER, date(16), AR, day(17))),
                DECIDER.decide(scheduled, CHECK, null, day(17)));

        ExtraditionCase temporary = givenStatus(ExtraditionStatus.TEMPORARILY_SURRENDERED);
        assertEquals(List.of(), DECIDER.decide(temporary, CHECK, null, day(90)));
        assertEquals(List.of(new DeadlineOverdue(ID, DeadlineKind.TEMPORARY_SURRENDER_RETURN, date(90), AR, day(91))),
                DECIDER.decide(temporary, CHECK, null, day(91)));
    }

    @Test
    void a_case_that_ended_has_no_overdue_deadline() {
        for (ExtraditionStatus ended : List.of(ExtraditionStatus.WITHDRAWN, ExtraditionStatus.CLOSED)) {
            ExtraditionCase state = givenStatus(ended);
            assertEquals(Set.of(), state.overdueAt(day(400)), ended.name());
            assertEquals(List.of(), DECIDER.decide(state, CHECK, null, day(400)), ended.name());
        }
    }

    @Test
    void every_deadline_has_a_due_date_reader_and_a_debtor() {
        ExtraditionCase state = givenStatus(ExtraditionStatus.PROVISIONAL_ARREST_REQUESTED);
        for (DeadlineKind kind : DeadlineKind.values()) {
            assertNull(state.dueDate(kind), kind + " is not set before the arrest");
            assertTrue(List.of(AR, NL).contains(state.owedBy(kind)), kind.name());
        }
    }

    private static ExtraditionEvent.ArrestRecorded arrest(ExtraditionCase state, Instant at) {
        return (ExtraditionEvent.ArrestRecorded) DECIDER.decide(state, new ExtraditionCommand.RecordArrest(at, null), NL, at).get(0);
    }
}
