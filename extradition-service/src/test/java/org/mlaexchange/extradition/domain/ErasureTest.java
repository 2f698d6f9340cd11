package org.mlaexchange.extradition.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.AR;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.DECIDER;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.DE;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.ID;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.NL;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.act;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.day;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.givenStatus;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.extradition.ExtraditionEvent;
import org.mlaexchange.contracts.extradition.ExtraditionStatus;
import org.mlaexchange.contracts.rules.DomainException;
import org.mlaexchange.contracts.seal.ErasureReason;

/**
 * Erasure of a case's personal data: by the requesting State, which supplied it, once the case has ended
 * (withdrawn or closed), once; the event names nobody, and an erased case takes no party's action.
 */
class ErasureTest {

    private static final ExtraditionCommand ERASE = new ExtraditionCommand.ErasePersonalData(ErasureReason.RETENTION_PERIOD_ENDED);

    @Test
    void the_requesting_state_erases_an_ended_case_and_the_event_names_nobody() {
        for (ExtraditionStatus ended : List.of(ExtraditionStatus.WITHDRAWN, ExtraditionStatus.CLOSED)) {
            ExtraditionCase state = givenStatus(ended);
            List<ExtraditionEvent> events = DECIDER.decide(state, ERASE, AR, day(400));
            assertEquals(List.of(new ExtraditionEvent.PersonalDataErased(ID, AR, ErasureReason.RETENTION_PERIOD_ENDED, day(400))), events);
            ExtraditionCase after = act(state, ERASE, AR, day(400));
            assertEquals(ended, after.status(), "an erasure leaves the status as it is");
            assertEquals(state.version() + 1, after.version());
            assertEquals(new ExtraditionCase.Erasure(AR, ErasureReason.RETENTION_PERIOD_ENDED, day(400)), after.erasure());
        }
        assertNull(givenStatus(ExtraditionStatus.CLOSED).erasure());
    }

    @Test
    void the_exchanges_retention_rule_erases_an_ended_case_without_an_acting_state() {
        for (ExtraditionStatus ended : List.of(ExtraditionStatus.WITHDRAWN, ExtraditionStatus.CLOSED)) {
            ExtraditionCase after = act(givenStatus(ended), ERASE, null, day(400));
            assertEquals(new ExtraditionCase.Erasure(null, ErasureReason.RETENTION_PERIOD_ENDED, day(400)), after.erasure());
        }
        assertThrows(DomainException.TransitionForbidden.class, () -> DECIDER.decide(givenStatus(ExtraditionStatus.GRANTED), ERASE, null, day(400)));
    }

    @Test
    void a_case_in_progress_is_withdrawn_first() {
        for (ExtraditionStatus open : List.of(ExtraditionStatus.PROVISIONALLY_ARRESTED, ExtraditionStatus.GRANTED,
                ExtraditionStatus.SURRENDERED, ExtraditionStatus.REFUSED)) {
            ExtraditionCase state = givenStatus(open);
            assertThrows(DomainException.TransitionForbidden.class, () -> DECIDER.decide(state, ERASE, AR, day(400)), open.name());
        }
    }

    @Test
    void only_the_requesting_state_erases_and_a_third_state_learns_nothing() {
        ExtraditionCase state = givenStatus(ExtraditionStatus.CLOSED);
        assertThrows(DomainException.WrongParty.class, () -> DECIDER.decide(state, ERASE, NL, day(400)));
        assertThrows(DomainException.NotAParty.class, () -> DECIDER.decide(state, ERASE, DE, day(400)));
    }

    @Test
    void the_ground_is_required() {
        ExtraditionCase state = givenStatus(ExtraditionStatus.WITHDRAWN);
        DomainException.InvalidCommand e = assertThrows(DomainException.InvalidCommand.class,
                () -> DECIDER.decide(state, new ExtraditionCommand.ErasePersonalData(null), AR, day(400)));
        assertTrue(e.getMessage().contains("reason"), e.getMessage());
    }

    @Test
    void an_erased_case_is_erased_once_and_offers_no_action() {
        ExtraditionCase erased = act(givenStatus(ExtraditionStatus.WITHDRAWN), ERASE, AR, day(400));
        DomainException.TransitionForbidden twice = assertThrows(DomainException.TransitionForbidden.class,
                () -> DECIDER.decide(erased, ERASE, AR, day(401)));
        assertTrue(twice.getMessage().contains("erased"), twice.getMessage());
        assertEquals(List.of(), ExtraditionAction.availableTo(erased, AR));
        assertEquals(List.of(), ExtraditionAction.availableTo(erased, NL));
        assertEquals(List.of(ExtraditionAction.ERASE_PERSONAL_DATA),
                ExtraditionAction.availableTo(givenStatus(ExtraditionStatus.WITHDRAWN), AR));
        // the system's reminders name nobody: the overdue check still runs (and finds nothing on an ended case)
        assertEquals(List.of(), DECIDER.decide(erased, new ExtraditionCommand.RecordOverdueDeadlines(), null, day(401)));
    }
}
