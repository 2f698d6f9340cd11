package org.mlaexchange.request.domain;

import org.mlaexchange.contracts.rules.DomainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.request.domain.RequestFixtures.AR;
import static org.mlaexchange.request.domain.RequestFixtures.DECIDER;
import static org.mlaexchange.request.domain.RequestFixtures.ID;
import static org.mlaexchange.request.domain.RequestFixtures.NL;
import static org.mlaexchange.request.domain.RequestFixtures.SN;
import static org.mlaexchange.request.domain.RequestFixtures.content;
import static org.mlaexchange.request.domain.RequestFixtures.day;
import static org.mlaexchange.request.domain.RequestFixtures.given;
import static org.mlaexchange.request.domain.RequestFixtures.givenStatus;
import static org.mlaexchange.request.domain.RequestFixtures.submitted;
import static org.mlaexchange.request.domain.TransitionTableTest.validCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.request.RequestStatus;
import org.mlaexchange.contracts.rules.DomainException.NotAParty;
import org.mlaexchange.contracts.rules.DomainException.TransitionForbidden;
import org.mlaexchange.contracts.rules.DomainException.WrongParty;

/** Who may act: each action belongs to one party; a non-party does not see the request at all. */
class AuthorizationTest {

    @TestFactory
    Stream<DynamicTest> the_other_party_taking_an_action_is_the_wrong_party() {
        List<DynamicTest> tests = new ArrayList<>();
        for (RequestAction action : RequestAction.values()) {
            if (action.by() == Party.SYSTEM || action == RequestAction.SUBMIT) {
                continue;
            }
            RequestStatus from = action.allowedFrom().iterator().next();
            tests.add(DynamicTest.dynamicTest(action.pathSegment() + " by the " + (action.by() == Party.REQUESTING ? "requested" : "requesting") + " State", () -> {
                MlaRequest state = givenStatus(from);
                StateCode other = action.by() == Party.REQUESTING ? state.requestedState() : state.requestingState();

                WrongParty e = assertThrows(WrongParty.class,
                        () -> DECIDER.decide(state, validCommand(action, state), other, day(10)));

                assertEquals(other, e.state());
                assertEquals(action, e.action());
            }));
        }
        return tests.stream();
    }

    @Test
    void the_requesting_state_cannot_refuse_its_own_request() {
        MlaRequest state = givenStatus(RequestStatus.CONSULTATION);

        WrongParty e = assertThrows(WrongParty.class, () -> DECIDER.decide(state,
                validCommand(RequestAction.REFUSE, state), AR, day(3)));

        assertEquals("'refuse' is an action of the requested State, not of AR", e.getMessage());
    }

    @Test
    void the_requested_state_cannot_withdraw_the_request() {
        MlaRequest state = givenStatus(RequestStatus.ACKNOWLEDGED);

        assertThrows(WrongParty.class, () -> DECIDER.decide(state, new RequestCommand.Withdraw("not needed"), NL, day(3)));
    }

    @Test
    void a_state_that_is_not_a_party_is_told_the_request_does_not_exist() {
        MlaRequest state = givenStatus(RequestStatus.ACKNOWLEDGED);

        NotAParty e = assertThrows(NotAParty.class, () -> DECIDER.decide(state, validCommand(RequestAction.ACCEPT, state), SN, day(3)));

        assertEquals(SN, e.state());
        assertEquals(ID, e.caseId());
    }

    @Test
    void not_a_party_comes_before_the_status_check_so_the_status_does_not_leak() {
        MlaRequest closed = givenStatus(RequestStatus.CLOSED);

        assertThrows(NotAParty.class, () -> DECIDER.decide(closed, new RequestCommand.Withdraw("x"), SN, day(10)));
        assertThrows(NotAParty.class, () -> DECIDER.decide(closed, new RequestCommand.RecordOverdueDeadlines(), SN, day(10)));
    }

    @Test
    void wrong_party_comes_before_the_status_check() {
        MlaRequest closed = givenStatus(RequestStatus.CLOSED);

        assertThrows(WrongParty.class, () -> DECIDER.decide(closed, new RequestCommand.Withdraw("x"), NL, day(10)));
        assertThrows(TransitionForbidden.class, () -> DECIDER.decide(closed, new RequestCommand.Withdraw("x"), AR, day(10)));
    }

    @Test
    void a_state_cannot_take_a_system_action() {
        MlaRequest state = given(submitted());

        WrongParty e = assertThrows(WrongParty.class,
                () -> DECIDER.decide(state, new RequestCommand.RecordOverdueDeadlines(), NL, day(30)));

        assertEquals(RequestAction.RECORD_OVERDUE_DEADLINES, e.action());
    }

    @Test
    void a_request_is_submitted_only_once() {
        MlaRequest state = given(submitted());

        TransitionForbidden e = assertThrows(TransitionForbidden.class, () -> DECIDER.decide(state,
                new RequestCommand.Submit(ID, NL, false, false, content()), AR, day(1)));

        assertEquals(RequestStatus.SUBMITTED, e.status());
        assertEquals(RequestAction.SUBMIT, e.action());
    }

    @Test
    void every_other_action_needs_a_submitted_request() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DECIDER.decide(null, new RequestCommand.Withdraw("x"), AR, day(1)));

        assertTrue(e.getMessage().contains("withdraw"), e.getMessage());
    }
}
