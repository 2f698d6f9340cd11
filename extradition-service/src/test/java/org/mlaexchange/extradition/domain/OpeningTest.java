package org.mlaexchange.extradition.domain;

import org.mlaexchange.contracts.rules.DomainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.AR;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.AR_CONTACT;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.DECIDER;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.ID;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.NL;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.SN;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.T0;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.XX;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.day;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.document;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.extraditionRequested;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.formalRequest;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.formalRequestSubmitted;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.given;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.givenStatus;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.offence;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.person;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.provisionalArrestRequest;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.provisionalArrestRequested;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.then;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.warrant;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.extradition.ArrivalChannel;
import org.mlaexchange.contracts.extradition.ExtraditionEvent;
import org.mlaexchange.contracts.extradition.ExtraditionStatus;
import org.mlaexchange.contracts.extradition.FormalRequest;
import org.mlaexchange.contracts.extradition.IdentifierKind;
import org.mlaexchange.contracts.extradition.Offence;
import org.mlaexchange.contracts.extradition.PersonIdentifier;
import org.mlaexchange.contracts.extradition.PersonSought;
import org.mlaexchange.contracts.extradition.ProvisionalArrestRequest;
import org.mlaexchange.contracts.extradition.SupportingDocument;
import org.mlaexchange.contracts.extradition.WarrantReference;
import org.mlaexchange.contracts.request.ContactPerson;
import org.mlaexchange.contracts.request.CrimeCategory;
import org.mlaexchange.contracts.request.LegalQualification;
import org.mlaexchange.contracts.rules.DomainException.InvalidCommand;
import org.mlaexchange.contracts.rules.DomainException.Violation;

/** The two ways into a case (provisional arrest, formal request) and the formal request that follows a provisional arrest. */
class OpeningTest {

    @Test
    void a_provisional_arrest_request_opens_a_case() {
        List<ExtraditionEvent> events = DECIDER.decide(null, new ExtraditionCommand.RequestProvisionalArrest(ID, NL,
                ArrivalChannel.INTERPOL, provisionalArrestRequest(person())), AR, T0);

        assertEquals(List.of(provisionalArrestRequested()), events);
        ExtraditionCase state = then(null, events);
        assertEquals(ExtraditionStatus.PROVISIONAL_ARREST_REQUESTED, state.status());
        assertEquals(1, state.version());
        assertEquals(AR, state.requestingState());
        assertEquals(NL, state.requestedState());
        assertEquals(ArrivalChannel.INTERPOL, state.channel());
        assertEquals(person(), state.person());
        assertEquals(List.of(offence()), state.offences());
        assertEquals(warrant(), state.warrant());
        assertNull(state.formalRequest());
        assertFalse(state.inCustody());
        assertEquals(T0, state.openedAt());
        assertTrue(state.isOpen());
    }

    @Test
    void a_formal_request_opens_a_case() {
        List<ExtraditionEvent> events = DECIDER.decide(null, new ExtraditionCommand.SubmitExtraditionRequest(ID, NL,
                ArrivalChannel.DIPLOMATIC, formalRequest()), AR, T0);

        assertEquals(List.of(extraditionRequested()), events);
        ExtraditionCase state = then(null, events);
        assertEquals(ExtraditionStatus.REQUEST_SUBMITTED, state.status());
        assertNull(state.provisionalArrest());
        assertEquals(formalRequest().documents(), state.documents());
        assertEquals(T0, state.formalRequest().submittedAt());
    }

    @Test
    void the_formal_request_follows_on_the_provisional_arrest_case() {
        ExtraditionCase arrested = givenStatus(ExtraditionStatus.PROVISIONALLY_ARRESTED);
        PersonSought completed = new PersonSought(List.of("Carlos Alberto Méndez"), List.of("El Capitán", "C. A. M."),
                LocalDate.of(1950, 5, 12), "Córdoba", List.of("AR", "IT"), person().identifiers(), "1.80 m", false);

        List<ExtraditionEvent> events = DECIDER.decide(arrested,
                new ExtraditionCommand.SubmitFormalRequest(ArrivalChannel.DIPLOMATIC, formalRequest(completed)), AR, day(10));

        assertEquals(List.of(new ExtraditionEvent.FormalRequestSubmitted(ID, ArrivalChannel.DIPLOMATIC, formalRequest(completed), day(10))),
                events);
        ExtraditionCase after = then(arrested, events);
        assertEquals(ExtraditionStatus.REQUEST_SUBMITTED, after.status());
        assertEquals(completed, after.person(), "the formal request's description of the person prevails");
        assertEquals(ArrivalChannel.INTERPOL, after.channel(), "the case still arrived through INTERPOL");
        assertEquals(ArrivalChannel.DIPLOMATIC, after.formalRequest().channel());
        assertTrue(after.inCustody(), "the person stays in custody");
    }

    @Test
    void a_protected_persons_data_are_never_sent_through_interpol() {
        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(null,
                new ExtraditionCommand.RequestProvisionalArrest(ID, NL, ArrivalChannel.INTERPOL, provisionalArrestRequest(person(true))), AR, T0));

        assertEquals(List.of(new Violation("channel",
                "the data of a protected person are never sent through INTERPOL (protection of persons, Arts 81–83)")), e.violations());
        assertEquals(1, DECIDER.decide(null, new ExtraditionCommand.RequestProvisionalArrest(ID, NL, ArrivalChannel.DIRECT,
                provisionalArrestRequest(person(true))), AR, T0).size(), "through another channel it may go");
        assertThrows(InvalidCommand.class, () -> DECIDER.decide(null,
                new ExtraditionCommand.SubmitExtraditionRequest(ID, NL, ArrivalChannel.INTERPOL, formalRequest(person(true))), AR, T0));
    }

    @Test
    void a_provisional_arrest_states_that_a_formal_request_will_follow() {
        ProvisionalArrestRequest r = provisionalArrestRequest(person());
        ProvisionalArrestRequest noFollowUp = new ProvisionalArrestRequest(r.person(), r.offences(), r.warrant(), r.whereabouts(),
                r.urgencyReasons(), r.contact(), false);

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(null,
                new ExtraditionCommand.RequestProvisionalArrest(ID, NL, ArrivalChannel.DIRECT, noFollowUp), AR, T0));

        assertEquals(List.of(new Violation("request.formalRequestToFollow",
                "a request for provisional arrest states that a formal request will follow (provisional arrest, model ECE 16)")),
                e.violations());
    }

    @Test
    void every_missing_part_of_a_provisional_arrest_request_is_listed() {
        ProvisionalArrestRequest empty = new ProvisionalArrestRequest(
                new PersonSought(List.of(), List.of(" "), null, null, List.of("arg"),
                        List.of(new PersonIdentifier(null, "", null)), null, false),
                List.of(), new WarrantReference(null, null, " ", null), null, " ", new ContactPerson("M. García", "no-address", null), true);

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(null,
                new ExtraditionCommand.RequestProvisionalArrest(null, null, null, empty), AR, T0));

        assertEquals(List.of(
                new Violation("caseId", "is required"),
                new Violation("requestedState", "is required"),
                new Violation("channel", "is required"),
                new Violation("request.person.names", "at least one is required"),
                new Violation("request.person.aliases[0]", "is required"),
                new Violation("request.person.nationalities[0]", "is not an ISO 3166-1 alpha-2 code (two upper-case letters)"),
                new Violation("request.person.identifiers[0].kind", "is required"),
                new Violation("request.person.identifiers[0].value", "is required"),
                new Violation("request.offences", "at least one offence is required"),
                new Violation("request.warrant.kind", "is required"),
                new Violation("request.warrant.reference", "is required"),
                new Violation("request.warrant.issuingAuthority", "is required"),
                new Violation("request.warrant.issuedOn", "is required"),
                new Violation("request.urgencyReasons", "is required"),
                new Violation("request.contact.email", "is not an e-mail address")), e.violations());
    }

    @Test
    void a_formal_request_needs_offences_and_supporting_documents() {
        Offence vague = new Offence(new LegalQualification(CrimeCategory.WAR_CRIMES, "E", null, "Life"), " ",
                LocalDate.of(2030, 1, 1), LocalDate.of(2029, 1, 1), null);
        FormalRequest r = new FormalRequest(person(), Arrays.asList(vague, null), warrant(),
                List.of(new SupportingDocument(" ", null, null)), AR_CONTACT);

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(null,
                new ExtraditionCommand.SubmitExtraditionRequest(ID, NL, ArrivalChannel.DIPLOMATIC, r), AR, T0));

        assertEquals(List.of(
                new Violation("request.offences[0].qualification.law", "is required"),
                new Violation("request.offences[0].qualification.annex", "is only given for an annex crime"),
                new Violation("request.offences[0].description", "is required"),
                new Violation("request.offences[0].committedFrom", "must not be in the future"),
                new Violation("request.offences[0].committedTo", "must not be before committedFrom"),
                new Violation("request.offences[0].place", "is required"),
                new Violation("request.offences[1]", "is required"),
                new Violation("request.documents[0].title", "is required")), e.violations());

        FormalRequest noDocuments = new FormalRequest(person(), List.of(offence()), warrant(), List.of(), AR_CONTACT);
        InvalidCommand none = assertThrows(InvalidCommand.class, () -> DECIDER.decide(null,
                new ExtraditionCommand.SubmitExtraditionRequest(ID, NL, ArrivalChannel.DIPLOMATIC, noDocuments), AR, T0));
        assertEquals(List.of(new Violation("request.documents", "at least one supporting document is required")), none.violations());
    }

    @Test
    void an_annex_crime_is_a_legal_basis_only_if_both_states_declared_the_annex() {
        Offence starvation = new Offence(new LegalQualification(CrimeCategory.ANNEX_CRIME, "E", "Penal Code art. 8", "25 years"),
                "Starvation of civilians", LocalDate.of(2024, 1, 10), null, "Province Y");
        FormalRequest r = new FormalRequest(person(), List.of(starvation), warrant(), List.of(document("Warrant")), AR_CONTACT);

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(null,
                new ExtraditionCommand.SubmitExtraditionRequest(ID, NL, ArrivalChannel.DIPLOMATIC, r), AR, T0));
        assertEquals(List.of(new Violation("request.offences[0].qualification.annex", "not a valid legal basis: AR has no declaration"
                + " of annex E in force on 2025-03-03 (Art. 2(2): both States must have declared it)")), e.violations());

        assertEquals(1, DECIDER.decide(null, new ExtraditionCommand.SubmitExtraditionRequest(ID, NL, ArrivalChannel.DIPLOMATIC, r),
                AR, day(100)).size(), "once AR's declaration is in force (1 June 2025)");
    }

    @Test
    void the_states_must_be_two_distinct_state_parties_and_the_channel_accepted() {
        InvalidCommand self = assertThrows(InvalidCommand.class, () -> submit(AR, AR, ArrivalChannel.DIPLOMATIC));
        assertEquals(List.of(new Violation("requestedState", "must differ from the requesting State")), self.violations());

        InvalidCommand unknown = assertThrows(InvalidCommand.class, () -> submit(AR, XX, ArrivalChannel.DIPLOMATIC));
        assertEquals(List.of(new Violation("requestedState", "XX is not a State Party on 2025-03-03")), unknown.violations());

        InvalidCommand notParty = assertThrows(InvalidCommand.class, () -> submit(XX, NL, ArrivalChannel.DIPLOMATIC));
        assertEquals(List.of(new Violation("requestingState", "XX is not a State Party on 2025-03-03")), notParty.violations());

        InvalidCommand channel = assertThrows(InvalidCommand.class, () -> submit(AR, SN, ArrivalChannel.ELECTRONIC));
        assertEquals(List.of(new Violation("channel", "SN does not accept requests through ELECTRONIC")), channel.violations());
    }

    @Test
    void a_formal_request_on_a_provisional_arrest_case_is_checked_like_a_new_one() {
        ExtraditionCase state = given(provisionalArrestRequested());
        FormalRequest noPerson = new FormalRequest(null, List.of(offence()), warrant(), List.of(document("Warrant")), AR_CONTACT);

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(state,
                new ExtraditionCommand.SubmitFormalRequest(null, noPerson), AR, day(5)));

        assertEquals(List.of(new Violation("channel", "is required"), new Violation("request.person", "is required")), e.violations());
    }

    @Test
    void identifiers_name_their_issuing_state_by_its_code() {
        PersonSought p = new PersonSought(List.of("X"), null, LocalDate.of(2090, 1, 1), null, null,
                List.of(new PersonIdentifier(IdentifierKind.PASSPORT, "123", "Argentina")), null, false);

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(null,
                new ExtraditionCommand.SubmitExtraditionRequest(ID, NL, ArrivalChannel.DIPLOMATIC, formalRequest(p)), AR, T0));

        assertEquals(List.of(
                new Violation("request.person.dateOfBirth", "must not be in the future"),
                new Violation("request.person.identifiers[0].issuingState", "is not an ISO 3166-1 alpha-2 code (two upper-case letters)")),
                e.violations());
    }

    @Test
    void the_history_of_a_case_starts_with_one_of_the_two_requests() {
        ExtraditionCase viaFormal = given(extraditionRequested());
        assertThrows(IllegalArgumentException.class, () -> ExtraditionDecider.evolve(viaFormal, provisionalArrestRequested()));
        assertThrows(IllegalArgumentException.class, () -> ExtraditionDecider.evolve(null, formalRequestSubmitted(1)));
    }

    private static List<ExtraditionEvent> submit(StateCode requesting, StateCode requested, ArrivalChannel channel) {
        return DECIDER.decide(null, new ExtraditionCommand.SubmitExtraditionRequest(ID, requested, channel, formalRequest()), requesting, T0);
    }
}
