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
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.act;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.acknowledged;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.day;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.deathPenaltyAssurance;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.given;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.givenStatus;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.historyIn;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.refused;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.then;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.extradition.Assurance;
import org.mlaexchange.contracts.extradition.AssuranceKind;
import org.mlaexchange.contracts.extradition.ExtraditionEvent;
import org.mlaexchange.contracts.extradition.ExtraditionGround;
import org.mlaexchange.contracts.extradition.ExtraditionStatus;
import org.mlaexchange.contracts.extradition.ProsecutionOutcome;
import org.mlaexchange.contracts.rules.DomainException.InvalidCommand;
import org.mlaexchange.contracts.rules.DomainException.TransitionForbidden;
import org.mlaexchange.contracts.rules.DomainException.Violation;

/** Grant and refusal, assurances, simplified extradition, and the aut dedere aut judicare follow-up of a refusal. */
class DecisionTest {

    @Test
    void the_grounds_are_a_closed_list_marked_mandatory_or_optional_without_a_political_offence() {
        assertEquals(EnumSet.of(ExtraditionGround.DISCRIMINATION, ExtraditionGround.TORTURE_RISK, ExtraditionGround.NE_BIS_IN_IDEM),
                EnumSet.copyOf(Arrays.stream(ExtraditionGround.values()).filter(ExtraditionGround::mandatory).toList()));
        assertEquals(EnumSet.of(ExtraditionGround.NATIONALITY, ExtraditionGround.DEATH_PENALTY,
                        ExtraditionGround.PENDING_DOMESTIC_PROCEEDINGS, ExtraditionGround.IN_ABSENTIA_WITHOUT_GUARANTEES),
                EnumSet.copyOf(Arrays.stream(ExtraditionGround.values()).filter(g -> !g.mandatory()).toList()));
        assertTrue(Arrays.stream(ExtraditionGround.values()).noneMatch(g -> g.name().contains("POLITICAL")));
    }

    @Test
    void a_refusal_names_its_grounds_once_each_and_gives_reasons() {
        ExtraditionCase state = givenStatus(ExtraditionStatus.REQUEST_ACKNOWLEDGED);

        List<ExtraditionEvent> events = DECIDER.decide(state, new ExtraditionCommand.Refuse(List.of(ExtraditionGround.TORTURE_RISK,
                ExtraditionGround.DISCRIMINATION, ExtraditionGround.TORTURE_RISK), "Reports of systematic ill-treatment"), NL, day(14));

        assertEquals(List.of(new ExtraditionEvent.Refused(ID, List.of(ExtraditionGround.TORTURE_RISK, ExtraditionGround.DISCRIMINATION),
                "Reports of systematic ill-treatment", day(14))), events);
        ExtraditionCase after = then(state, events);
        assertEquals(ExtraditionStatus.REFUSED, after.status());
        assertEquals("Reports of systematic ill-treatment", after.refusal().reasons());
        assertTrue(after.isDecided());
        assertFalse(after.inCustody(), "detention for extradition ends with the refusal");
    }

    @Test
    void a_refusal_without_grounds_or_reasons_is_invalid() {
        ExtraditionCase state = givenStatus(ExtraditionStatus.REQUEST_ACKNOWLEDGED);

        InvalidCommand none = assertThrows(InvalidCommand.class,
                () -> DECIDER.decide(state, new ExtraditionCommand.Refuse(null, " "), NL, day(14)));
        assertEquals(List.of(new Violation("grounds", "at least one ground for refusal is required"),
                new Violation("reasons", "is required")), none.violations());

        InvalidCommand nullGround = assertThrows(InvalidCommand.class, () -> DECIDER.decide(state,
                new ExtraditionCommand.Refuse(Arrays.asList(ExtraditionGround.NATIONALITY, null), "National"), NL, day(14)));
        assertEquals(List.of(new Violation("grounds[1]", "is required")), nullGround.violations());
    }

    @Test
    void the_death_penalty_is_no_ground_once_assurances_on_it_were_given() {
        ExtraditionCase assured = givenStatus(ExtraditionStatus.ASSURANCES_PROVIDED);

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(assured, new ExtraditionCommand.Refuse(
                List.of(ExtraditionGround.NATIONALITY, ExtraditionGround.DEATH_PENALTY), "Capital offence"), NL, day(14)));

        assertEquals(List.of(new Violation("grounds[1]",
                "DEATH_PENALTY is a ground only without assurances, and assurances on the death penalty were given")), e.violations());
    }

    @Test
    void the_death_penalty_is_a_ground_when_the_assurances_asked_for_did_not_come() {
        ExtraditionCase waiting = givenStatus(ExtraditionStatus.ASSURANCES_REQUESTED);

        ExtraditionCase after = act(waiting, new ExtraditionCommand.Refuse(List.of(ExtraditionGround.DEATH_PENALTY),
                "No assurance that the death penalty will not be carried out"), NL, day(60));

        assertEquals(ExtraditionStatus.REFUSED, after.status());
        assertEquals(List.of(ExtraditionGround.DEATH_PENALTY), after.refusal().grounds());
    }

    @Test
    void assurances_are_asked_for_and_given_back_and_forth() {
        ExtraditionCase acknowledged = givenStatus(ExtraditionStatus.REQUEST_ACKNOWLEDGED);

        ExtraditionCase asked = act(acknowledged, new ExtraditionCommand.RequestAssurances(List.of(deathPenaltyAssurance()), null), NL, day(12));
        ExtraditionCase given = act(asked, new ExtraditionCommand.ProvideAssurances(List.of(deathPenaltyAssurance()), "Ministerio de Justicia"),
                AR, day(13));
        Assurance detention = new Assurance(AssuranceKind.DETENTION_CONDITIONS, "Held at a prison open to monitoring visits");
        ExtraditionCase askedAgain = act(given, new ExtraditionCommand.RequestAssurances(List.of(detention), null), NL, day(14));
        ExtraditionCase givenAgain = act(askedAgain, new ExtraditionCommand.ProvideAssurances(List.of(detention), "Servicio Penitenciario"),
                AR, day(15));

        assertEquals(ExtraditionStatus.ASSURANCES_PROVIDED, givenAgain.status());
        assertEquals(2, givenAgain.assuranceRequests().size());
        assertEquals(2, givenAgain.assurancesGiven().size());
        assertTrue(givenAgain.assuranceGiven(AssuranceKind.DEATH_PENALTY));
        assertTrue(givenAgain.assuranceGiven(AssuranceKind.DETENTION_CONDITIONS));
        assertFalse(givenAgain.assuranceGiven(AssuranceKind.LIFE_SENTENCE_REVIEW));
    }

    @Test
    void assurances_have_a_kind_and_a_wording() {
        ExtraditionCase asked = givenStatus(ExtraditionStatus.ASSURANCES_REQUESTED);

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(asked,
                new ExtraditionCommand.ProvideAssurances(List.of(new Assurance(null, " ")), null), AR, day(13)));

        assertEquals(List.of(new Violation("assurances[0].kind", "is required"), new Violation("assurances[0].text", "is required"),
                new Violation("givenBy", "is required")), e.violations());
    }

    @Test
    void a_grant_relies_only_on_assurances_given() {
        ExtraditionCase assured = givenStatus(ExtraditionStatus.ASSURANCES_PROVIDED);

        List<ExtraditionEvent> events = DECIDER.decide(assured, new ExtraditionCommand.Grant(List.of("Rule of speciality applies"),
                List.of(AssuranceKind.DEATH_PENALTY)), NL, day(14));
        assertEquals(List.of(new ExtraditionEvent.Granted(ID, List.of("Rule of speciality applies"), List.of(AssuranceKind.DEATH_PENALTY),
                false, day(14))), events);
        ExtraditionCase granted = then(assured, events);
        assertEquals(List.of(AssuranceKind.DEATH_PENALTY), granted.grant().assurancesReliedOn());

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(assured,
                new ExtraditionCommand.Grant(List.of(" "), List.of(AssuranceKind.LIFE_SENTENCE_REVIEW)), NL, day(14)));
        assertEquals(List.of(new Violation("conditions[0]", "is required"),
                new Violation("assurancesReliedOn[0]", "no assurance on LIFE_SENTENCE_REVIEW was given on this case")), e.violations());
    }

    @Test
    void simplified_extradition_on_the_persons_consent_needs_no_formal_request() {
        ExtraditionCase arrested = givenStatus(ExtraditionStatus.PROVISIONALLY_ARRESTED);

        ExtraditionCase consented = act(arrested, new ExtraditionCommand.RecordSimplifiedConsent(true, "Before the court"), NL, day(5));
        assertEquals(ExtraditionStatus.CONSENT_TO_SIMPLIFIED_EXTRADITION, consented.status());
        assertTrue(consented.simplifiedConsent().consented());
        assertEquals(List.of(), DECIDER.decide(consented, new ExtraditionCommand.RecordOverdueDeadlines(), null, day(45)),
                "the formal-request clock stops with the consent");

        ExtraditionCase granted = act(consented, new ExtraditionCommand.Grant(null, null), NL, day(6));
        assertEquals(ExtraditionStatus.GRANTED, granted.status());
        assertTrue(granted.grant().simplified());
        assertNull(granted.formalRequest());
    }

    @Test
    void a_refusal_to_consent_is_notified_and_changes_no_status() {
        ExtraditionCase arrested = givenStatus(ExtraditionStatus.PROVISIONALLY_ARRESTED);

        ExtraditionCase notified = act(arrested, new ExtraditionCommand.RecordSimplifiedConsent(false, null), NL, day(5));

        assertEquals(ExtraditionStatus.PROVISIONALLY_ARRESTED, notified.status());
        assertFalse(notified.simplifiedConsent().consented());
        ExtraditionCase consentedLater = act(notified, new ExtraditionCommand.RecordSimplifiedConsent(true, "Changed his mind"), NL, day(8));
        assertEquals(ExtraditionStatus.CONSENT_TO_SIMPLIFIED_EXTRADITION, consentedLater.status());
    }

    // ---- aut dedere aut judicare --------------------------------------------------------------

    @Test
    void a_refusal_on_nationality_is_followed_by_the_requested_states_own_prosecution() {
        ExtraditionCase refused = act(givenStatus(ExtraditionStatus.REQUEST_ACKNOWLEDGED),
                new ExtraditionCommand.Refuse(List.of(ExtraditionGround.NATIONALITY), "The person is a Dutch national"), NL, day(14));
        assertEquals(ExtraditionStatus.REFUSED, refused.status());

        TransitionForbidden early = assertThrows(TransitionForbidden.class,
                () -> DECIDER.decide(refused, new ExtraditionCommand.Close("Refused"), AR, day(15)));
        assertTrue(early.getMessage().contains("aut dedere aut judicare"), early.getMessage());

        ExtraditionCase submitted = act(refused, new ExtraditionCommand.SubmitForProsecution("Landelijk Parket", "NL-OM-2025-99"), NL, day(15));
        assertEquals(ExtraditionStatus.SUBMITTED_FOR_PROSECUTION, submitted.status());
        assertEquals("Landelijk Parket", submitted.prosecution().prosecutingAuthority());
        assertNull(submitted.prosecution().outcome());

        ExtraditionCase reported = act(submitted, new ExtraditionCommand.ReportProsecutionOutcome(ProsecutionOutcome.CONVICTED,
                "Sentenced to life imprisonment by the District Court of The Hague"), NL, day(400));
        assertEquals(ExtraditionStatus.PROSECUTION_OUTCOME_REPORTED, reported.status());
        assertEquals(ProsecutionOutcome.CONVICTED, reported.prosecution().outcome());
        assertEquals(day(400), reported.prosecution().outcomeReportedAt());

        ExtraditionCase closed = act(reported, new ExtraditionCommand.Close("Outcome received"), AR, day(401));
        assertEquals(ExtraditionStatus.CLOSED, closed.status());
        assertEquals(day(401), closed.closedAt());
    }

    @Test
    void a_case_refused_on_other_grounds_may_be_closed_or_still_submitted_for_prosecution() {
        ExtraditionCase refused = givenStatus(ExtraditionStatus.REFUSED);

        assertEquals(ExtraditionStatus.CLOSED, act(refused, new ExtraditionCommand.Close(null), AR, day(15)).status());
        assertEquals(ExtraditionStatus.SUBMITTED_FOR_PROSECUTION,
                act(refused, new ExtraditionCommand.SubmitForProsecution("Landelijk Parket", "NL-1"), NL, day(15)).status());
    }

    @Test
    void no_prosecution_after_a_refusal_on_ne_bis_in_idem() {
        ExtraditionCase refused = given(acknowledgedThen(refused(ExtraditionGround.NE_BIS_IN_IDEM)));

        TransitionForbidden e = assertThrows(TransitionForbidden.class, () -> DECIDER.decide(refused,
                new ExtraditionCommand.SubmitForProsecution("Landelijk Parket", "NL-1"), NL, day(15)));

        assertTrue(e.getMessage().endsWith("the person was already finally judged for the conduct"), e.getMessage());
    }

    @Test
    void a_prosecution_is_submitted_to_a_named_authority_and_its_outcome_explained() {
        ExtraditionCase refused = givenStatus(ExtraditionStatus.REFUSED);
        InvalidCommand e = assertThrows(InvalidCommand.class,
                () -> DECIDER.decide(refused, new ExtraditionCommand.SubmitForProsecution(" ", null), NL, day(15)));
        assertEquals(List.of(new Violation("prosecutingAuthority", "is required"), new Violation("caseReference", "is required")),
                e.violations());

        ExtraditionCase submitted = givenStatus(ExtraditionStatus.SUBMITTED_FOR_PROSECUTION);
        InvalidCommand outcome = assertThrows(InvalidCommand.class,
                () -> DECIDER.decide(submitted, new ExtraditionCommand.ReportProsecutionOutcome(null, ""), NL, day(100)));
        assertEquals(List.of(new Violation("outcome", "is required"), new Violation("details", "is required")), outcome.violations());
    }

    private static List<ExtraditionEvent> acknowledgedThen(ExtraditionEvent event) {
        List<ExtraditionEvent> h = new ArrayList<>(historyIn(ExtraditionStatus.REQUEST_SUBMITTED));
        h.add(acknowledged());
        h.add(event);
        return h;
    }
}
