package org.mlaexchange.platform.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;

/** From when the Convention binds a State, and which of its declarations and reservations stand on a day. */
class StatePartyDatesTest {

    private static StateParty state(LocalDate signed, LocalDate ratified, LocalDate inForce, List<StateParty.ProvisionalApplication> provisional,
                                    List<StateParty.Reservation> reservations) {
        return new StateParty(StateCode.of("ZZ"), "Test State", null, List.of("en"), List.of("DIRECT"), signed, ratified, inForce,
                List.of(), reservations, provisional);
    }

    @Test
    void boundFromEntryIntoForceNotFromRatification() {
        StateParty s = state(LocalDate.of(2024, 2, 14), LocalDate.of(2024, 6, 3), LocalDate.of(2024, 9, 1), List.of(), List.of());
        assertFalse(s.boundOn(LocalDate.of(2024, 6, 3)), "ratified but not yet in force");
        assertFalse(s.boundOn(LocalDate.of(2024, 8, 31)));
        assertTrue(s.boundOn(LocalDate.of(2024, 9, 1)));
        assertEquals(Optional.of("the Convention enters into force for ZZ on 2024-09-01"), s.notBoundReason(LocalDate.of(2024, 8, 31)));
    }

    @Test
    void provisionalApplicationBindsBeforeRatification() {
        StateParty s = state(LocalDate.of(2024, 2, 14), null, null,
                List.of(new StateParty.ProvisionalApplication("III", LocalDate.of(2024, 2, 15))), List.of());
        assertFalse(s.boundOn(LocalDate.of(2024, 2, 14)));
        assertTrue(s.boundOn(LocalDate.of(2024, 2, 15)));
        assertEquals(Optional.of("ZZ signed the Convention on 2024-02-14 but has not ratified it, and applies it provisionally only from 2024-02-15"),
                s.notBoundReason(LocalDate.of(2024, 2, 14)));
    }

    @Test
    void signedOnlyIsNeverBound() {
        StateParty s = state(LocalDate.of(2024, 2, 14), null, null, List.of(), List.of());
        assertFalse(s.boundOn(LocalDate.of(2030, 1, 1)));
        assertEquals(Optional.of("ZZ signed the Convention on 2024-02-14 but has not ratified it"), s.notBoundReason(LocalDate.of(2030, 1, 1)));
        assertEquals(Optional.of("ZZ has neither signed nor ratified the Convention"),
                state(null, null, null, List.of(), List.of()).notBoundReason(LocalDate.of(2030, 1, 1)));
    }

    @Test
    void entryIntoForceNeedsAnEarlierRatification() {
        assertThrows(IllegalArgumentException.class, () -> state(null, null, LocalDate.of(2024, 9, 1), List.of(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> state(null, LocalDate.of(2024, 10, 1), LocalDate.of(2024, 9, 1), List.of(), List.of()));
    }

    @Test
    void reservationsStandBetweenTheirDates() {
        StateParty.Reservation r = new StateParty.Reservation("Part III", "text", LocalDate.of(2024, 6, 3), LocalDate.of(2024, 9, 1),
                LocalDate.of(2025, 1, 1));
        StateParty s = state(null, LocalDate.of(2024, 6, 3), LocalDate.of(2024, 9, 1), List.of(), List.of(r));
        assertEquals(List.of(), s.reservationsInForce(LocalDate.of(2024, 8, 31)));
        assertEquals(List.of(r), s.reservationsInForce(LocalDate.of(2024, 12, 31)));
        assertEquals(List.of(), s.reservationsInForce(LocalDate.of(2025, 1, 1)), "withdrawn");
    }

    @Test
    void theDemoReferenceDataSaysWhoIsBoundWhen() {
        StateRegistry.ReferenceData data = StateRegistry.load("mla/states.json");
        StateParty nl = find(data, "NL");
        StateParty ar = find(data, "AR");
        StateParty be = find(data, "BE");
        // the Netherlands applies Part III provisionally from 15 February 2024 (domain.md §1)
        assertFalse(nl.boundOn(LocalDate.of(2024, 2, 14)));
        assertTrue(nl.boundOn(LocalDate.of(2024, 2, 15)));
        assertFalse(ar.boundOn(LocalDate.of(2024, 8, 31)));
        assertTrue(ar.boundOn(LocalDate.of(2024, 9, 1)));
        assertFalse(be.boundOn(LocalDate.now()), "Belgium has signed only");
        assertFalse(ar.reservationsInForce(LocalDate.of(2024, 9, 1)).isEmpty());
    }

    private static StateParty find(StateRegistry.ReferenceData data, String code) {
        return data.states().stream().filter(s -> s.code().value().equals(code)).findFirst().orElseThrow();
    }
}
