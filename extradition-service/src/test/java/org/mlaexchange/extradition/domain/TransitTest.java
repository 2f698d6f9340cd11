package org.mlaexchange.extradition.domain;

import org.mlaexchange.contracts.rules.DomainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.AR;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.DE;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.DECIDER;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.ID;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.NL;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.SN;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.XX;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.act;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.day;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.givenStatus;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.then;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.transitRequested;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.extradition.ExtraditionEvent;
import org.mlaexchange.contracts.extradition.ExtraditionStatus;
import org.mlaexchange.contracts.extradition.TransitDecision;
import org.mlaexchange.contracts.rules.DomainException.InvalidCommand;
import org.mlaexchange.contracts.rules.DomainException.NotAParty;
import org.mlaexchange.contracts.rules.DomainException.TransitionForbidden;
import org.mlaexchange.contracts.rules.DomainException.Violation;
import org.mlaexchange.extradition.domain.ExtraditionCase.Transit;

/** Transit through a third State (model ECE 21): authorised or refused, or only notified for air transit without landing. */
class TransitTest {

    @Test
    void the_requesting_state_asks_a_third_state_which_authorises() {
        ExtraditionCase granted = givenStatus(ExtraditionStatus.GRANTED);

        List<ExtraditionEvent> asked = DECIDER.decide(granted, new ExtraditionCommand.RequestTransit(SN, false, "Flight AMS-DKR-EZE"), AR, day(15));
        assertEquals(List.of(transitRequested(SN, false)), asked);
        ExtraditionCase requested = then(granted, asked);
        assertTrue(requested.activeTransit(SN).orElseThrow().awaitsDecision());
        assertEquals(ExtraditionStatus.GRANTED, requested.status(), "transit changes no status");

        List<ExtraditionEvent> decided = DECIDER.decide(requested, new ExtraditionCommand.DecideTransit(TransitDecision.AUTHORISED,
                List.of("Escorted at all times"), null), SN, day(16));
        assertEquals(List.of(new ExtraditionEvent.TransitDecided(ID, SN, TransitDecision.AUTHORISED, List.of("Escorted at all times"),
                null, day(16))), decided);
        Transit transit = then(requested, decided).activeTransit(SN).orElseThrow();
        assertEquals(TransitDecision.AUTHORISED, transit.decision());
        assertFalse(transit.awaitsDecision());
    }

    @Test
    void a_transit_is_decided_once() {
        ExtraditionCase authorised = act(givenStatus(ExtraditionStatus.GRANTED, transitRequested(SN, false)),
                new ExtraditionCommand.DecideTransit(TransitDecision.AUTHORISED, null, null), SN, day(16));

        TransitionForbidden e = assertThrows(TransitionForbidden.class, () -> DECIDER.decide(authorised,
                new ExtraditionCommand.DecideTransit(TransitDecision.REFUSED, null, "Changed our mind"), SN, day(17)));

        assertTrue(e.getMessage().endsWith("the transit through SN is already AUTHORISED"), e.getMessage());
    }

    @Test
    void air_transit_without_landing_is_only_notified() {
        ExtraditionCase notified = act(givenStatus(ExtraditionStatus.SURRENDER_SCHEDULED),
                new ExtraditionCommand.RequestTransit(SN, true, "Overflight AMS-EZE, no landing planned"), AR, day(15));

        Transit transit = notified.activeTransit(SN).orElseThrow();
        assertTrue(transit.airTransitWithoutLanding());
        assertFalse(transit.awaitsDecision());
        assertTrue(notified.isParty(SN), "the notified State sees the case while the transit is under way");
        TransitionForbidden e = assertThrows(TransitionForbidden.class, () -> DECIDER.decide(notified,
                new ExtraditionCommand.DecideTransit(TransitDecision.AUTHORISED, null, null), SN, day(16)));
        assertTrue(e.getMessage().endsWith("air transit without a planned landing needs only notification, no decision"), e.getMessage());

        ExtraditionCase surrendered = act(notified, new ExtraditionCommand.RecordSurrender(null), NL, day(16));
        assertFalse(surrendered.isParty(SN));
        assertNull(surrendered.transits().get(0).decision());
    }

    @Test
    void a_refusal_gives_reasons_and_ends_the_involvement() {
        ExtraditionCase requested = givenStatus(ExtraditionStatus.GRANTED, transitRequested(SN, false));

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(requested,
                new ExtraditionCommand.DecideTransit(TransitDecision.REFUSED, List.of("Escort"), null), SN, day(16)));
        assertEquals(List.of(new Violation("reasons", "is required"), new Violation("conditions", "only an authorisation has conditions")),
                e.violations());

        ExtraditionCase refused = act(requested, new ExtraditionCommand.DecideTransit(TransitDecision.REFUSED, null, "Airport closed"),
                SN, day(16));
        assertFalse(refused.isParty(SN));
        assertEquals(TransitDecision.REFUSED, refused.transits().get(0).decision());

        ExtraditionCase askedAgain = act(refused, new ExtraditionCommand.RequestTransit(SN, false, "Flight next week"), AR, day(17));
        assertTrue(askedAgain.isParty(SN), "a new request makes the State a party again");
        assertEquals(2, askedAgain.transits().size());
    }

    @Test
    void several_transit_states_may_be_involved_at_once() {
        ExtraditionCase viaSn = givenStatus(ExtraditionStatus.GRANTED, transitRequested(SN, false));

        ExtraditionCase viaBoth = act(viaSn, new ExtraditionCommand.RequestTransit(DE, false, "Rail via Germany"), AR, day(16));

        assertEquals(List.of(SN, DE), viaBoth.activeTransitStates());
        assertThrows(NotAParty.class, () -> DECIDER.decide(viaSn,
                new ExtraditionCommand.DecideTransit(TransitDecision.AUTHORISED, null, null), DE, day(16)));
        assertEquals(DE, DECIDER.decide(viaBoth, new ExtraditionCommand.DecideTransit(TransitDecision.AUTHORISED, null, null), DE, day(17))
                .stream().map(ev -> ((ExtraditionEvent.TransitDecided) ev).transitState()).findFirst().orElseThrow());
    }

    @Test
    void the_transit_state_is_a_third_state_party_not_already_asked() {
        ExtraditionCase granted = givenStatus(ExtraditionStatus.GRANTED, transitRequested(SN, false));

        assertEquals(List.of(new Violation("transitState", "must be a third State, not a party to the case"),
                new Violation("details", "is required")), violations(granted, new ExtraditionCommand.RequestTransit(NL, false, " ")));
        assertEquals(List.of(new Violation("transitState", "XX is not a State Party on 2025-03-19")),
                violations(granted, new ExtraditionCommand.RequestTransit(XX, false, "Flight")));
        assertEquals(List.of(new Violation("transitState", "a transit through SN is already in progress")),
                violations(granted, new ExtraditionCommand.RequestTransit(SN, false, "Flight")));
        assertEquals(List.of(new Violation("transitState", "is required")),
                violations(granted, new ExtraditionCommand.RequestTransit(null, false, "Flight")));
    }

    @Test
    void the_transit_ends_when_the_case_is_withdrawn() {
        ExtraditionCase requested = givenStatus(ExtraditionStatus.GRANTED, transitRequested(SN, false));

        ExtraditionCase withdrawn = act(requested, new ExtraditionCommand.Withdraw("Person died"), AR, day(16));

        assertFalse(withdrawn.isParty(SN));
        assertThrows(NotAParty.class, () -> DECIDER.decide(withdrawn,
                new ExtraditionCommand.DecideTransit(TransitDecision.AUTHORISED, null, null), SN, day(17)));
    }

    private static List<Violation> violations(ExtraditionCase state, ExtraditionCommand command) {
        return assertThrows(InvalidCommand.class, () -> DECIDER.decide(state, command, AR, day(16))).violations();
    }
}
