package org.mlaexchange.extradition.domain;

import org.mlaexchange.contracts.rules.DomainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.DECIDER;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.ID;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.NL;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.act;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.date;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.day;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.givenStatus;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.then;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.extradition.ExtraditionEvent;
import org.mlaexchange.contracts.extradition.ExtraditionStatus;
import org.mlaexchange.contracts.extradition.SurrenderArrangements;
import org.mlaexchange.contracts.extradition.SurrenderPostponementReason;
import org.mlaexchange.contracts.rules.DomainException.InvalidCommand;
import org.mlaexchange.contracts.rules.DomainException.TransitionForbidden;
import org.mlaexchange.contracts.rules.DomainException.Violation;

/** Surrender (model ECE 18–19): agreed place and date, postponed, temporary with a return date, or not taken over. */
class SurrenderTest {

    private static final SurrenderArrangements SCHIPHOL = new SurrenderArrangements("Schiphol airport, gate of the Royal Marechaussee",
            date(30), "Escort of four officers");

    @Test
    void a_surrender_is_scheduled_then_recorded_at_the_agreed_place() {
        ExtraditionCase granted = givenStatus(ExtraditionStatus.GRANTED);

        List<ExtraditionEvent> scheduling = DECIDER.decide(granted, new ExtraditionCommand.ScheduleSurrender(SCHIPHOL), NL, day(20));
        assertEquals(List.of(new ExtraditionEvent.SurrenderScheduled(ID, SCHIPHOL, day(20))), scheduling);
        ExtraditionCase scheduled = then(granted, scheduling);
        assertEquals(SCHIPHOL, scheduled.surrenderArrangements());

        List<ExtraditionEvent> handover = DECIDER.decide(scheduled, new ExtraditionCommand.RecordSurrender(null), NL, day(30));
        assertEquals(List.of(new ExtraditionEvent.Surrendered(ID, SCHIPHOL.place(), null, day(30))), handover);
        ExtraditionCase surrendered = then(scheduled, handover);
        assertEquals(ExtraditionStatus.SURRENDERED, surrendered.status());
        assertEquals(day(30), surrendered.surrender().surrenderedAt());
        assertFalse(surrendered.inCustody());
    }

    @Test
    void a_surrender_date_may_be_agreed_again() {
        ExtraditionCase scheduled = givenStatus(ExtraditionStatus.SURRENDER_SCHEDULED);

        ExtraditionCase rescheduled = act(scheduled, new ExtraditionCommand.ScheduleSurrender(SCHIPHOL), NL, day(17));

        assertEquals(ExtraditionStatus.SURRENDER_SCHEDULED, rescheduled.status());
        assertEquals(date(30), rescheduled.surrenderArrangements().date());
    }

    @Test
    void the_arrangements_name_a_place_and_a_date_not_in_the_past() {
        ExtraditionCase granted = givenStatus(ExtraditionStatus.GRANTED);

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(granted,
                new ExtraditionCommand.ScheduleSurrender(new SurrenderArrangements(" ", date(19), null)), NL, day(20)));
        assertEquals(List.of(new Violation("arrangements.place", "is required"), new Violation("arrangements.date", "must not be in the past")),
                e.violations());

        InvalidCommand none = assertThrows(InvalidCommand.class,
                () -> DECIDER.decide(granted, new ExtraditionCommand.ScheduleSurrender(null), NL, day(20)));
        assertEquals(List.of(new Violation("arrangements", "is required")), none.violations());

        assertEquals(ExtraditionStatus.SURRENDER_SCHEDULED, act(granted, new ExtraditionCommand.ScheduleSurrender(
                new SurrenderArrangements("Schiphol", date(20), null)), NL, day(20)).status(), "today is fine");
    }

    @Test
    void postponed_temporarily_surrendered_returned_then_finally_surrendered() {
        ExtraditionCase granted = givenStatus(ExtraditionStatus.GRANTED);

        ExtraditionCase postponed = act(granted, new ExtraditionCommand.PostponeSurrender(SurrenderPostponementReason.SERVING_SENTENCE,
                "Serving four years for fraud"), NL, day(15));
        assertEquals(ExtraditionStatus.SURRENDER_POSTPONED, postponed.status());
        assertEquals(SurrenderPostponementReason.SERVING_SENTENCE, postponed.postponements().get(0).reason());

        ExtraditionCase temporary = act(postponed, new ExtraditionCommand.TemporarySurrender("Schiphol airport", date(120),
                List.of("Kept in custody in Argentina")), NL, day(20));
        assertEquals(ExtraditionStatus.TEMPORARILY_SURRENDERED, temporary.status());
        assertEquals(date(120), temporary.currentTemporarySurrender().orElseThrow().returnDate());
        assertFalse(temporary.inCustody());

        ExtraditionCase returned = act(temporary, new ExtraditionCommand.RecordReturn("Returned after the trial"), NL, day(110));
        assertEquals(ExtraditionStatus.SURRENDER_POSTPONED, returned.status(), "the final surrender stays postponed");
        assertTrue(returned.currentTemporarySurrender().isEmpty());
        assertEquals(day(110), returned.temporarySurrenders().get(0).returnedAt());
        assertTrue(returned.inCustody(), "back in the requested State's custody");

        ExtraditionCase scheduled = act(returned, new ExtraditionCommand.ScheduleSurrender(
                new SurrenderArrangements("Schiphol airport", date(800), null)), NL, day(700));
        ExtraditionCase surrendered = act(scheduled, new ExtraditionCommand.RecordSurrender("After the sentence"), NL, day(800));
        assertEquals(ExtraditionStatus.SURRENDERED, surrendered.status());
    }

    @Test
    void a_temporary_surrender_may_become_final() {
        ExtraditionCase temporary = givenStatus(ExtraditionStatus.TEMPORARILY_SURRENDERED);

        List<ExtraditionEvent> events = DECIDER.decide(temporary, new ExtraditionCommand.RecordSurrender("Domestic sentence served"),
                NL, day(60));

        assertEquals(List.of(new ExtraditionEvent.Surrendered(ID, "Schiphol airport", "Domestic sentence served", day(60))), events);
        assertEquals(ExtraditionStatus.SURRENDERED, then(temporary, events).status());
    }

    @Test
    void a_temporary_surrender_needs_a_place_and_a_future_return_date_and_a_postponement_its_reason() {
        ExtraditionCase granted = givenStatus(ExtraditionStatus.GRANTED);

        InvalidCommand temporary = assertThrows(InvalidCommand.class, () -> DECIDER.decide(granted,
                new ExtraditionCommand.TemporarySurrender(null, date(20), null), NL, day(20)));
        assertEquals(List.of(new Violation("place", "is required"), new Violation("returnDate", "must be in the future")),
                temporary.violations());

        InvalidCommand postponement = assertThrows(InvalidCommand.class, () -> DECIDER.decide(granted,
                new ExtraditionCommand.PostponeSurrender(null, " "), NL, day(20)));
        assertEquals(List.of(new Violation("reason", "is required"), new Violation("details", "is required")), postponement.violations());
    }

    @Test
    void a_person_not_taken_over_after_the_agreed_date_is_released_and_the_case_closed() {
        ExtraditionCase scheduled = givenStatus(ExtraditionStatus.SURRENDER_SCHEDULED);

        TransitionForbidden onTheDay = assertThrows(TransitionForbidden.class, () -> DECIDER.decide(scheduled,
                new ExtraditionCommand.RecordNotTakenOver(null), NL, day(16)));
        assertTrue(onTheDay.getMessage().endsWith("only after the agreed date " + date(16)), onTheDay.getMessage());

        List<ExtraditionEvent> events = DECIDER.decide(scheduled, new ExtraditionCommand.RecordNotTakenOver("No escort came"), NL, day(20));
        assertEquals(List.of(new ExtraditionEvent.NotTakenOver(ID, date(16), "No escort came", day(20))), events);
        ExtraditionCase closed = then(scheduled, events);
        assertEquals(ExtraditionStatus.CLOSED, closed.status());
        assertFalse(closed.inCustody());
        assertEquals(date(16), closed.notTakenOver().agreedDate());
        assertEquals(day(20), closed.closedAt());
        assertNull(closed.surrender());
        assertFalse(closed.isOpen());
    }

    @Test
    void a_postponement_cancels_the_agreed_date() {
        ExtraditionCase scheduled = givenStatus(ExtraditionStatus.SURRENDER_SCHEDULED);

        ExtraditionCase postponed = act(scheduled, new ExtraditionCommand.PostponeSurrender(SurrenderPostponementReason.DOMESTIC_PROCEEDINGS,
                "Trial for fraud in The Hague"), NL, day(16));

        assertNull(postponed.surrenderArrangements());
        assertEquals(List.of(), DECIDER.decide(postponed, new ExtraditionCommand.RecordOverdueDeadlines(), null, day(40)));
    }
}
