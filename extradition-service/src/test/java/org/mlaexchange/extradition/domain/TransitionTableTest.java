package org.mlaexchange.extradition.domain;

import org.mlaexchange.contracts.rules.DomainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.DECIDER;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.actorOf;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.day;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.givenFor;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.givenStatus;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.then;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.validCommand;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mlaexchange.contracts.extradition.ExtraditionEvent;
import org.mlaexchange.contracts.extradition.ExtraditionStatus;
import org.mlaexchange.contracts.rules.DomainException.TransitionForbidden;

/**
 * The table of {@link ExtraditionAction}, checked cell by cell: every (action, status) it allows
 * produces the action's event and the expected status; every other cell is a {@link TransitionForbidden}.
 */
class TransitionTableTest {

    private static final Map<ExtraditionAction, Class<? extends ExtraditionEvent>> EVENT_OF = Map.ofEntries(
            Map.entry(ExtraditionAction.SUBMIT_FORMAL_REQUEST, ExtraditionEvent.FormalRequestSubmitted.class),
            Map.entry(ExtraditionAction.RECORD_ARREST, ExtraditionEvent.ArrestRecorded.class),
            Map.entry(ExtraditionAction.RECORD_RELEASE, ExtraditionEvent.ReleaseRecorded.class),
            Map.entry(ExtraditionAction.ACKNOWLEDGE, ExtraditionEvent.RequestAcknowledged.class),
            Map.entry(ExtraditionAction.REQUEST_SUPPLEMENTARY_INFORMATION, ExtraditionEvent.SupplementaryInformationRequested.class),
            Map.entry(ExtraditionAction.PROVIDE_SUPPLEMENTARY_INFORMATION, ExtraditionEvent.SupplementaryInformationProvided.class),
            Map.entry(ExtraditionAction.RECORD_SIMPLIFIED_CONSENT, ExtraditionEvent.SimplifiedConsentRecorded.class),
            Map.entry(ExtraditionAction.REQUEST_ASSURANCES, ExtraditionEvent.AssurancesRequested.class),
            Map.entry(ExtraditionAction.PROVIDE_ASSURANCES, ExtraditionEvent.AssurancesProvided.class),
            Map.entry(ExtraditionAction.GRANT, ExtraditionEvent.Granted.class),
            Map.entry(ExtraditionAction.REFUSE, ExtraditionEvent.Refused.class),
            Map.entry(ExtraditionAction.SUBMIT_FOR_PROSECUTION, ExtraditionEvent.SubmittedForProsecution.class),
            Map.entry(ExtraditionAction.REPORT_PROSECUTION_OUTCOME, ExtraditionEvent.ProsecutionOutcomeReported.class),
            Map.entry(ExtraditionAction.SCHEDULE_SURRENDER, ExtraditionEvent.SurrenderScheduled.class),
            Map.entry(ExtraditionAction.POSTPONE_SURRENDER, ExtraditionEvent.SurrenderPostponed.class),
            Map.entry(ExtraditionAction.TEMPORARY_SURRENDER, ExtraditionEvent.TemporarilySurrendered.class),
            Map.entry(ExtraditionAction.RECORD_RETURN, ExtraditionEvent.PersonReturned.class),
            Map.entry(ExtraditionAction.RECORD_SURRENDER, ExtraditionEvent.Surrendered.class),
            Map.entry(ExtraditionAction.RECORD_NOT_TAKEN_OVER, ExtraditionEvent.NotTakenOver.class),
            Map.entry(ExtraditionAction.REQUEST_TRANSIT, ExtraditionEvent.TransitRequested.class),
            Map.entry(ExtraditionAction.DECIDE_TRANSIT, ExtraditionEvent.TransitDecided.class),
            Map.entry(ExtraditionAction.RECORD_CONCURRENT_REQUESTS, ExtraditionEvent.ConcurrentRequestsRecorded.class),
            Map.entry(ExtraditionAction.REQUEST_SPECIALITY_CONSENT, ExtraditionEvent.SpecialityConsentRequested.class),
            Map.entry(ExtraditionAction.DECIDE_SPECIALITY_CONSENT, ExtraditionEvent.SpecialityConsentDecided.class),
            Map.entry(ExtraditionAction.REQUEST_RE_EXTRADITION_CONSENT, ExtraditionEvent.ReExtraditionConsentRequested.class),
            Map.entry(ExtraditionAction.DECIDE_RE_EXTRADITION_CONSENT, ExtraditionEvent.ReExtraditionConsentDecided.class),
            Map.entry(ExtraditionAction.WITHDRAW, ExtraditionEvent.Withdrawn.class),
            Map.entry(ExtraditionAction.CLOSE, ExtraditionEvent.Closed.class),
            Map.entry(ExtraditionAction.ERASE_PERSONAL_DATA, ExtraditionEvent.PersonalDataErased.class));

    @Test
    void every_action_on_a_case_has_its_event() {
        EnumSet<ExtraditionAction> onACase = EnumSet.allOf(ExtraditionAction.class);
        onACase.removeIf(a -> a.opensCase() || a == ExtraditionAction.RECORD_OVERDUE_DEADLINES);
        assertEquals(onACase, EnumSet.copyOf(EVENT_OF.keySet()));
    }

    @TestFactory
    Stream<DynamicTest> every_allowed_transition_emits_its_event_and_reaches_its_status() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ExtraditionAction action : EVENT_OF.keySet()) {
            for (ExtraditionStatus from : action.allowedFrom()) {
                tests.add(DynamicTest.dynamicTest(action.pathSegment() + " from " + from, () -> {
                    // given
                    ExtraditionCase state = givenFor(action, from);
                    // when
                    List<ExtraditionEvent> events = DECIDER.decide(state, validCommand(action), actorOf(action, state), day(20));
                    // then
                    assertEquals(1, events.size());
                    assertInstanceOf(EVENT_OF.get(action), events.get(0));
                    ExtraditionCase after = then(state, events);
                    assertEquals(expectedStatus(action, from), after.status());
                    assertEquals(state.version() + 1, after.version());
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> every_other_status_forbids_the_action() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ExtraditionAction action : ExtraditionAction.values()) {
            if (action.opensCase() || action == ExtraditionAction.RECORD_OVERDUE_DEADLINES) {
                continue;
            }
            for (ExtraditionStatus from : EnumSet.complementOf(EnumSet.copyOf(action.allowedFrom()))) {
                tests.add(DynamicTest.dynamicTest(action.pathSegment() + " from " + from, () -> {
                    ExtraditionCase state = givenFor(action, from);
                    TransitionForbidden e = assertThrows(TransitionForbidden.class,
                            () -> DECIDER.decide(state, validCommand(action), actorOf(action, state), day(20)));
                    assertEquals(from, e.status());
                    assertEquals(action, e.action());
                    assertTrue(e.getMessage().contains(action.pathSegment()) && e.getMessage().contains(from.name()), e.getMessage());
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> an_open_case_cannot_be_opened_again() {
        return Stream.of(ExtraditionAction.REQUEST_PROVISIONAL_ARREST, ExtraditionAction.SUBMIT_REQUEST).map(action ->
                DynamicTest.dynamicTest(action.pathSegment(), () -> {
                    ExtraditionCase state = givenStatus(ExtraditionStatus.PROVISIONALLY_ARRESTED);
                    TransitionForbidden e = assertThrows(TransitionForbidden.class,
                            () -> DECIDER.decide(state, validCommand(action), ExtraditionFixtures.AR, day(20)));
                    assertEquals(action, e.action());
                    assertTrue(e.getMessage().contains("already exists"), e.getMessage());
                }));
    }

    @Test
    void the_system_may_look_for_overdue_deadlines_in_every_status() {
        assertEquals(EnumSet.allOf(ExtraditionStatus.class), ExtraditionAction.RECORD_OVERDUE_DEADLINES.allowedFrom());
        for (ExtraditionStatus status : ExtraditionStatus.values()) {
            ExtraditionCase state = givenStatus(status);
            List<ExtraditionEvent> events = DECIDER.decide(state, new ExtraditionCommand.RecordOverdueDeadlines(), null, day(5));
            assertEquals(List.of(), events, "nothing is overdue five days after the request, in " + status);
        }
    }

    @Test
    void terminal_statuses_allow_nothing_but_the_erasure_and_the_overdue_check() {
        for (ExtraditionStatus terminal : List.of(ExtraditionStatus.WITHDRAWN, ExtraditionStatus.CLOSED)) {
            for (ExtraditionAction action : ExtraditionAction.values()) {
                assertEquals(action == ExtraditionAction.RECORD_OVERDUE_DEADLINES || action == ExtraditionAction.ERASE_PERSONAL_DATA,
                        action.isAllowedFrom(terminal), action + " from " + terminal);
            }
        }
    }

    @Test
    void the_decision_comes_only_after_the_formal_request_was_acknowledged_or_the_person_consented() {
        for (ExtraditionAction action : List.of(ExtraditionAction.GRANT, ExtraditionAction.REFUSE)) {
            for (ExtraditionStatus early : List.of(ExtraditionStatus.PROVISIONAL_ARREST_REQUESTED, ExtraditionStatus.PROVISIONALLY_ARRESTED,
                    ExtraditionStatus.RELEASED_PENDING_REQUEST, ExtraditionStatus.REQUEST_SUBMITTED,
                    ExtraditionStatus.SUPPLEMENTARY_INFORMATION_REQUESTED)) {
                assertFalse(action.isAllowedFrom(early), action + " from " + early);
            }
        }
    }

    @Test
    void each_party_has_its_actions() {
        assertEquals(EnumSet.of(ExtraditionAction.DECIDE_TRANSIT),
                EnumSet.copyOf(Stream.of(ExtraditionAction.values()).filter(a -> a.by() == Party.TRANSIT).toList()));
        assertEquals(EnumSet.of(ExtraditionAction.RECORD_OVERDUE_DEADLINES),
                EnumSet.copyOf(Stream.of(ExtraditionAction.values()).filter(a -> a.by() == Party.SYSTEM).toList()));
        for (ExtraditionAction action : List.of(ExtraditionAction.REQUEST_PROVISIONAL_ARREST, ExtraditionAction.SUBMIT_REQUEST,
                ExtraditionAction.SUBMIT_FORMAL_REQUEST, ExtraditionAction.PROVIDE_SUPPLEMENTARY_INFORMATION,
                ExtraditionAction.PROVIDE_ASSURANCES, ExtraditionAction.REQUEST_TRANSIT, ExtraditionAction.REQUEST_SPECIALITY_CONSENT,
                ExtraditionAction.REQUEST_RE_EXTRADITION_CONSENT, ExtraditionAction.WITHDRAW, ExtraditionAction.CLOSE,
                ExtraditionAction.ERASE_PERSONAL_DATA)) {
            assertEquals(Party.REQUESTING, action.by(), action.name());
        }
    }

    /** The status each allowed transition leads to, with the histories of {@link ExtraditionFixtures#givenFor}. */
    private static ExtraditionStatus expectedStatus(ExtraditionAction action, ExtraditionStatus from) {
        return switch (action) {
            case SUBMIT_FORMAL_REQUEST -> ExtraditionStatus.REQUEST_SUBMITTED;
            case RECORD_ARREST -> from == ExtraditionStatus.PROVISIONAL_ARREST_REQUESTED ? ExtraditionStatus.PROVISIONALLY_ARRESTED : from;
            case RECORD_RELEASE -> from == ExtraditionStatus.PROVISIONALLY_ARRESTED ? ExtraditionStatus.RELEASED_PENDING_REQUEST : from;
            case ACKNOWLEDGE, PROVIDE_SUPPLEMENTARY_INFORMATION -> ExtraditionStatus.REQUEST_ACKNOWLEDGED;
            case REQUEST_SUPPLEMENTARY_INFORMATION -> ExtraditionStatus.SUPPLEMENTARY_INFORMATION_REQUESTED;
            case RECORD_SIMPLIFIED_CONSENT -> ExtraditionStatus.CONSENT_TO_SIMPLIFIED_EXTRADITION; // the person consents
            case REQUEST_ASSURANCES -> ExtraditionStatus.ASSURANCES_REQUESTED;
            case PROVIDE_ASSURANCES -> ExtraditionStatus.ASSURANCES_PROVIDED;
            case GRANT -> ExtraditionStatus.GRANTED;
            case REFUSE -> ExtraditionStatus.REFUSED;
            case SUBMIT_FOR_PROSECUTION -> ExtraditionStatus.SUBMITTED_FOR_PROSECUTION;
            case REPORT_PROSECUTION_OUTCOME -> ExtraditionStatus.PROSECUTION_OUTCOME_REPORTED;
            case SCHEDULE_SURRENDER -> ExtraditionStatus.SURRENDER_SCHEDULED;
            case POSTPONE_SURRENDER, RECORD_RETURN -> ExtraditionStatus.SURRENDER_POSTPONED;
            case TEMPORARY_SURRENDER -> ExtraditionStatus.TEMPORARILY_SURRENDERED;
            case RECORD_SURRENDER -> ExtraditionStatus.SURRENDERED;
            case RECORD_NOT_TAKEN_OVER, CLOSE -> ExtraditionStatus.CLOSED;
            case REQUEST_TRANSIT, DECIDE_TRANSIT, RECORD_CONCURRENT_REQUESTS, REQUEST_SPECIALITY_CONSENT, DECIDE_SPECIALITY_CONSENT,
                    REQUEST_RE_EXTRADITION_CONSENT, DECIDE_RE_EXTRADITION_CONSENT, ERASE_PERSONAL_DATA -> from;
            case WITHDRAW -> ExtraditionStatus.WITHDRAWN;
            case REQUEST_PROVISIONAL_ARREST, SUBMIT_REQUEST, RECORD_OVERDUE_DEADLINES -> throw new IllegalArgumentException(action.name());
        };
    }
}
