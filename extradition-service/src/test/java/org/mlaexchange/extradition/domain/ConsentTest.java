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
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.act;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.day;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.earlierOffence;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.givenStatus;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.offence;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.specialityConsentRequested;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.then;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.extradition.ConsentDecision;
import org.mlaexchange.contracts.extradition.ExtraditionEvent;
import org.mlaexchange.contracts.extradition.ExtraditionStatus;
import org.mlaexchange.contracts.extradition.Offence;
import org.mlaexchange.contracts.rules.DomainException.InvalidCommand;
import org.mlaexchange.contracts.rules.DomainException.TransitionForbidden;
import org.mlaexchange.contracts.rules.DomainException.Violation;
import org.mlaexchange.extradition.domain.ExtraditionCase.Consent;

/**
 * After surrender: consent under the rule of speciality to proceed for other, earlier offences, and
 * consent to re-extradite to a third State (model ECE 14). The requesting State asks, the requested
 * State decides.
 */
class ConsentTest {

    @Test
    void a_speciality_consent_is_requested_numbered_and_decided() {
        ExtraditionCase surrendered = givenStatus(ExtraditionStatus.SURRENDERED);

        List<ExtraditionEvent> asked = DECIDER.decide(surrendered, new ExtraditionCommand.RequestSpecialityConsent(List.of(earlierOffence()),
                "Prosecution"), AR, day(40));
        assertEquals(List.of(specialityConsentRequested("speciality-1")), asked);
        ExtraditionCase pending = then(surrendered, asked);
        assertTrue(pending.anyConsentPending());

        ExtraditionCase second = act(pending, new ExtraditionCommand.RequestSpecialityConsent(List.of(earlierOffence()), "Enforcement"),
                AR, day(41));
        assertEquals(List.of("speciality-1", "speciality-2"), second.specialityConsents().stream().map(Consent::id).toList());

        List<ExtraditionEvent> decided = DECIDER.decide(second, new ExtraditionCommand.DecideSpecialityConsent("speciality-2",
                ConsentDecision.DENIED, null, "Enforcement of a sentence in absentia"), NL, day(50));
        assertEquals(List.of(new ExtraditionEvent.SpecialityConsentDecided(ID, "speciality-2", ConsentDecision.DENIED, List.of(),
                "Enforcement of a sentence in absentia", day(50))), decided);
        ExtraditionCase after = then(second, decided);
        assertEquals(ConsentDecision.DENIED, after.consent("speciality-2").orElseThrow().decision());
        assertNull(after.consent("speciality-1").orElseThrow().decision());
        assertEquals(ExtraditionStatus.SURRENDERED, after.status());
    }

    @Test
    void speciality_covers_only_offences_committed_before_the_surrender() {
        ExtraditionCase surrendered = givenStatus(ExtraditionStatus.SURRENDERED);
        Offence later = new Offence(offence().qualification(), "Assault on a prison guard", LocalDate.of(2025, 3, 20), null, "Buenos Aires");

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(surrendered,
                new ExtraditionCommand.RequestSpecialityConsent(List.of(earlierOffence(), later), " "), AR, day(40)));

        assertEquals(List.of(new Violation("offences[1].committedFrom", "the rule of speciality covers offences committed before the"
                + " surrender (2025-03-19); no consent is needed for this one"), new Violation("purpose", "is required")), e.violations());
    }

    @Test
    void a_consent_decision_names_a_pending_request_and_explains_itself() {
        ExtraditionCase pending = givenStatus(ExtraditionStatus.SURRENDERED, specialityConsentRequested("speciality-1"));

        assertEquals(List.of(new Violation("consentId", "no consent request speciality-9 of this kind on this case")),
                violations(pending, new ExtraditionCommand.DecideSpecialityConsent("speciality-9", ConsentDecision.GRANTED, null, null)));
        assertEquals(List.of(new Violation("consentId", "is required"), new Violation("conditions", "at least one is required")),
                violations(pending, new ExtraditionCommand.DecideSpecialityConsent(null, ConsentDecision.GRANTED_WITH_CONDITIONS, List.of(), null)));
        assertEquals(List.of(new Violation("conditions", "only a consent granted with conditions has conditions")),
                violations(pending, new ExtraditionCommand.DecideSpecialityConsent("speciality-1", ConsentDecision.GRANTED, List.of("x"), null)));
        assertEquals(List.of(new Violation("reasons", "is required")),
                violations(pending, new ExtraditionCommand.DecideSpecialityConsent("speciality-1", ConsentDecision.DENIED, null, " ")));
        assertEquals(List.of(new Violation("decision", "is required")),
                violations(pending, new ExtraditionCommand.DecideSpecialityConsent("speciality-1", null, null, null)));

        ExtraditionCase decided = act(pending, new ExtraditionCommand.DecideSpecialityConsent("speciality-1",
                ConsentDecision.GRANTED_WITH_CONDITIONS, List.of("No life sentence without review"), null), NL, day(50));
        assertEquals(List.of("No life sentence without review"), decided.consent("speciality-1").orElseThrow().conditions());
        TransitionForbidden none = assertThrows(TransitionForbidden.class, () -> DECIDER.decide(decided,
                new ExtraditionCommand.DecideSpecialityConsent("speciality-1", ConsentDecision.GRANTED, null, null), NL, day(51)));
        assertTrue(none.getMessage().endsWith("no consent request is awaiting a decision"), none.getMessage());
    }

    @Test
    void re_extradition_to_a_third_state_needs_consent() {
        ExtraditionCase surrendered = givenStatus(ExtraditionStatus.SURRENDERED);

        ExtraditionCase asked = act(surrendered, new ExtraditionCommand.RequestReExtraditionConsent(DE, List.of(offence()), "Trial in Germany"),
                AR, day(40));
        Consent consent = asked.consent("re-extradition-1").orElseThrow();
        assertEquals(DE, consent.thirdState());
        assertTrue(consent.pending());

        ExtraditionCase granted = act(asked, new ExtraditionCommand.DecideReExtraditionConsent("re-extradition-1", ConsentDecision.GRANTED,
                null, null), NL, day(45));
        assertEquals(ConsentDecision.GRANTED, granted.consent("re-extradition-1").orElseThrow().decision());
        assertFalse(granted.anyConsentPending());

        assertEquals(List.of(new Violation("thirdState", "must be a third State, not a party to the case"), new Violation("purpose", "is required")),
                assertThrows(InvalidCommand.class, () -> DECIDER.decide(surrendered,
                        new ExtraditionCommand.RequestReExtraditionConsent(NL, List.of(offence()), null), AR, day(40))).violations());
    }

    @Test
    void speciality_and_re_extradition_requests_are_decided_by_their_own_action() {
        ExtraditionCase pending = givenStatus(ExtraditionStatus.SURRENDERED, specialityConsentRequested("speciality-1"));

        TransitionForbidden e = assertThrows(TransitionForbidden.class, () -> DECIDER.decide(pending,
                new ExtraditionCommand.DecideReExtraditionConsent("speciality-1", ConsentDecision.GRANTED, null, null), NL, day(50)));

        assertTrue(e.getMessage().endsWith("no consent request is awaiting a decision"), e.getMessage());
    }

    @Test
    void the_case_is_not_closed_while_a_consent_awaits_a_decision() {
        ExtraditionCase pending = givenStatus(ExtraditionStatus.SURRENDERED, specialityConsentRequested("speciality-1"));

        TransitionForbidden e = assertThrows(TransitionForbidden.class,
                () -> DECIDER.decide(pending, new ExtraditionCommand.Close(null), AR, day(50)));
        assertTrue(e.getMessage().endsWith("a consent request is awaiting a decision"), e.getMessage());

        ExtraditionCase decided = act(pending, new ExtraditionCommand.DecideSpecialityConsent("speciality-1", ConsentDecision.GRANTED,
                null, null), NL, day(51));
        assertEquals(ExtraditionStatus.CLOSED, act(decided, new ExtraditionCommand.Close("Done"), AR, day(52)).status());
    }

    @Test
    void consents_are_also_asked_while_the_person_is_temporarily_surrendered() {
        ExtraditionCase temporary = givenStatus(ExtraditionStatus.TEMPORARILY_SURRENDERED);

        ExtraditionCase asked = act(temporary, new ExtraditionCommand.RequestSpecialityConsent(List.of(earlierOffence()), "Prosecution"),
                AR, day(20));

        assertTrue(asked.consent("speciality-1").orElseThrow().pending());
        assertTrue(asked.reExtraditionConsents().isEmpty());
    }

    private static List<Violation> violations(ExtraditionCase state, ExtraditionCommand command) {
        return assertThrows(InvalidCommand.class, () -> DECIDER.decide(state, command, NL, day(50))).violations();
    }
}
