package org.mlaexchange.extradition.domain;

import org.mlaexchange.contracts.rules.DomainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.AR;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.DE;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.DECIDER;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.ID;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.NL;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.SN;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.day;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.givenFor;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.givenStatus;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.transitRequested;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.validCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.extradition.ExtraditionStatus;
import org.mlaexchange.contracts.extradition.TransitDecision;
import org.mlaexchange.contracts.rules.DomainException.NotAParty;
import org.mlaexchange.contracts.rules.DomainException.TransitionForbidden;
import org.mlaexchange.contracts.rules.DomainException.WrongParty;

/**
 * Who may act: each action belongs to one party; a State that is not a party does not see the case at
 * all, and a transit State sees it only while its involvement is active.
 */
class AuthorizationTest {

    @TestFactory
    Stream<DynamicTest> another_party_taking_an_action_is_the_wrong_party() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ExtraditionAction action : ExtraditionAction.values()) {
            if (action.by() == Party.SYSTEM || action.opensCase()) {
                continue;
            }
            ExtraditionStatus from = action.allowedFrom().iterator().next();
            for (StateCode other : List.of(AR, NL, SN)) {
                boolean own = switch (action.by()) {
                    case REQUESTING -> other.equals(AR);
                    case REQUESTED -> other.equals(NL);
                    default -> other.equals(SN);
                };
                if (own) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(action.pathSegment() + " by " + other, () -> {
                    ExtraditionCase state = withTransitThroughSn(givenFor(action, from));

                    WrongParty e = assertThrows(WrongParty.class, () -> DECIDER.decide(state, validCommand(action), other, day(20)));

                    assertEquals(other, e.state());
                    assertEquals(action, e.action());
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void the_requesting_state_cannot_grant_its_own_request() {
        ExtraditionCase state = givenStatus(ExtraditionStatus.REQUEST_ACKNOWLEDGED);

        WrongParty e = assertThrows(WrongParty.class, () -> DECIDER.decide(state, validCommand(ExtraditionAction.GRANT), AR, day(20)));

        assertEquals("'grant' is an action of the requested State, not of AR", e.getMessage());
    }

    @Test
    void only_the_transit_state_decides_on_transit() {
        ExtraditionCase state = givenStatus(ExtraditionStatus.GRANTED, transitRequested(SN, false));

        WrongParty e = assertThrows(WrongParty.class, () -> DECIDER.decide(state, validCommand(ExtraditionAction.DECIDE_TRANSIT), NL, day(20)));

        assertEquals("'decide-transit' is an action of the transit State, not of NL", e.getMessage());
    }

    @Test
    void a_state_that_is_not_a_party_is_told_the_case_does_not_exist() {
        ExtraditionCase state = givenStatus(ExtraditionStatus.REQUEST_ACKNOWLEDGED);

        NotAParty e = assertThrows(NotAParty.class, () -> DECIDER.decide(state, validCommand(ExtraditionAction.GRANT), SN, day(20)));

        assertEquals(SN, e.state());
        assertEquals(ID, e.caseId());
    }

    @Test
    void not_a_party_comes_before_the_status_check_so_the_status_does_not_leak() {
        ExtraditionCase closed = givenStatus(ExtraditionStatus.CLOSED);

        assertThrows(NotAParty.class, () -> DECIDER.decide(closed, validCommand(ExtraditionAction.WITHDRAW), DE, day(20)));
        assertThrows(NotAParty.class, () -> DECIDER.decide(closed, validCommand(ExtraditionAction.DECIDE_TRANSIT), SN, day(20)));
        assertThrows(NotAParty.class, () -> DECIDER.decide(closed, new ExtraditionCommand.RecordOverdueDeadlines(), DE, day(20)));
    }

    @Test
    void wrong_party_comes_before_the_status_check() {
        ExtraditionCase closed = givenStatus(ExtraditionStatus.CLOSED);

        assertThrows(WrongParty.class, () -> DECIDER.decide(closed, validCommand(ExtraditionAction.WITHDRAW), NL, day(20)));
        assertThrows(TransitionForbidden.class, () -> DECIDER.decide(closed, validCommand(ExtraditionAction.WITHDRAW), AR, day(20)));
    }

    @Test
    void the_transit_state_is_a_party_only_while_its_involvement_is_active() {
        ExtraditionCase granted = givenStatus(ExtraditionStatus.GRANTED);
        assertFalse(granted.isParty(SN), "before the transit request");

        ExtraditionCase requested = ExtraditionFixtures.act(granted, validCommand(ExtraditionAction.REQUEST_TRANSIT), AR, day(15));
        assertTrue(requested.isParty(SN));
        assertEquals(List.of(SN), requested.activeTransitStates());

        ExtraditionCase authorised = ExtraditionFixtures.act(requested,
                new ExtraditionCommand.DecideTransit(TransitDecision.AUTHORISED, List.of("Escorted at all times"), null), SN, day(16));
        assertTrue(authorised.isParty(SN), "an authorised transit is not done until the person is surrendered");

        ExtraditionCase scheduled = ExtraditionFixtures.act(authorised, validCommand(ExtraditionAction.SCHEDULE_SURRENDER), NL, day(17));
        ExtraditionCase done = ExtraditionFixtures.act(scheduled, validCommand(ExtraditionAction.RECORD_SURRENDER), NL, day(30));
        assertFalse(done.isParty(SN), "the transit is done");
        assertEquals(List.of(), done.activeTransitStates());
        assertThrows(NotAParty.class, () -> DECIDER.decide(done, validCommand(ExtraditionAction.DECIDE_TRANSIT), SN, day(31)));
        assertThrows(NotAParty.class, () -> DECIDER.decide(done, validCommand(ExtraditionAction.CLOSE), SN, day(31)));
    }

    @Test
    void a_transit_state_that_refused_is_no_longer_a_party() {
        ExtraditionCase requested = givenStatus(ExtraditionStatus.GRANTED, transitRequested(SN, false));

        ExtraditionCase refused = ExtraditionFixtures.act(requested,
                new ExtraditionCommand.DecideTransit(TransitDecision.REFUSED, null, "No escort capacity"), SN, day(16));

        assertFalse(refused.isParty(SN));
        NotAParty e = assertThrows(NotAParty.class, () -> DECIDER.decide(refused, validCommand(ExtraditionAction.DECIDE_TRANSIT), SN, day(17)));
        assertEquals(SN, e.state());
    }

    @Test
    void a_transit_state_cannot_take_the_actions_of_the_parties() {
        ExtraditionCase state = givenStatus(ExtraditionStatus.GRANTED, transitRequested(SN, false));

        assertThrows(WrongParty.class, () -> DECIDER.decide(state, validCommand(ExtraditionAction.SCHEDULE_SURRENDER), SN, day(16)));
        assertThrows(WrongParty.class, () -> DECIDER.decide(state, validCommand(ExtraditionAction.WITHDRAW), SN, day(16)));
    }

    @Test
    void a_state_cannot_take_a_system_action() {
        ExtraditionCase state = givenStatus(ExtraditionStatus.PROVISIONALLY_ARRESTED);

        WrongParty e = assertThrows(WrongParty.class,
                () -> DECIDER.decide(state, new ExtraditionCommand.RecordOverdueDeadlines(), NL, day(30)));

        assertEquals(ExtraditionAction.RECORD_OVERDUE_DEADLINES, e.action());
        assertEquals("'record-overdue-deadlines' is an action of the system, not of NL", e.getMessage());
    }

    @Test
    void every_other_action_needs_an_open_case() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DECIDER.decide(null, validCommand(ExtraditionAction.WITHDRAW), AR, day(1)));

        assertTrue(e.getMessage().contains("withdraw"), e.getMessage());
    }

    /** Adds an active transit through SN where there is none, so that SN is a party and only its role is wrong. */
    private static ExtraditionCase withTransitThroughSn(ExtraditionCase state) {
        return state.activeTransit(SN).isPresent() ? state : ExtraditionDecider.evolve(state, transitRequested(SN, false));
    }
}
