package org.mlaexchange.contracts.extradition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.PlainContracts;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.request.ContactPerson;
import org.mlaexchange.contracts.request.CrimeCategory;
import org.mlaexchange.contracts.request.LegalQualification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class ExtraditionEventTypesTest {

    private static final List<Class<?>> EVENT_CLASSES = Arrays.asList(ExtraditionEvent.class.getPermittedSubclasses());

    @Test
    void every_event_has_its_own_stable_type() {
        Set<String> types = new HashSet<>();
        for (Class<?> eventClass : EVENT_CLASSES) {
            String type = ExtraditionEventTypes.typeOf(eventClass);
            assertTrue(type.matches("org\\.mlaexchange\\.extradition\\.[a-z]+(-[a-z]+)*\\.v[0-9]+"), type);
            assertTrue(types.add(type), "duplicate type " + type);
        }
        assertEquals(32, EVENT_CLASSES.size());
        assertEquals(types, ExtraditionEventTypes.all());
    }

    @Test
    void type_and_class_round_trip() {
        for (Class<?> eventClass : EVENT_CLASSES) {
            assertEquals(eventClass, ExtraditionEventTypes.classOf(ExtraditionEventTypes.typeOf(eventClass)));
        }
        for (String type : ExtraditionEventTypes.all()) {
            assertEquals(type, ExtraditionEventTypes.typeOf(ExtraditionEventTypes.classOf(type)));
        }
    }

    @Test
    void published_names_do_not_follow_class_names() {
        assertEquals("org.mlaexchange.extradition.provisional-arrest-requested.v1",
                ExtraditionEventTypes.typeOf(ExtraditionEvent.ProvisionalArrestRequested.class));
        assertEquals("org.mlaexchange.extradition.extradition-requested.v1",
                ExtraditionEventTypes.typeOf(ExtraditionEvent.ExtraditionRequested.class));
        assertEquals("org.mlaexchange.extradition.re-extradition-consent-decided.v1",
                ExtraditionEventTypes.typeOf(ExtraditionEvent.ReExtraditionConsentDecided.class));
        assertEquals("org.mlaexchange.extradition.deadline-overdue.v1", ExtraditionEventTypes.typeOf(ExtraditionEvent.DeadlineOverdue.class));
        assertEquals(ExtraditionEvent.NotTakenOver.class, ExtraditionEventTypes.classOf("org.mlaexchange.extradition.not-taken-over.v1"));
    }

    @Test
    void unknown_types_and_classes_are_rejected() {
        assertThrows(IllegalArgumentException.class, () -> ExtraditionEventTypes.classOf("org.mlaexchange.extradition.granted.v9"));
        assertThrows(IllegalArgumentException.class, () -> ExtraditionEventTypes.classOf("org.mlaexchange.request.submitted.v1"));
        assertThrows(IllegalArgumentException.class, () -> ExtraditionEventTypes.typeOf(String.class));
        assertThrows(UnsupportedOperationException.class, () -> ExtraditionEventTypes.all().add("x"));
    }

    @Test
    void every_event_survives_a_json_round_trip_by_its_type() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        List<ExtraditionEvent> samples = samples();
        assertEquals(EVENT_CLASSES.stream().collect(Collectors.toSet()),
                samples.stream().map(Object::getClass).collect(Collectors.toSet()), "one sample per event");
        for (ExtraditionEvent event : samples) {
            String text = json.writeValueAsString(event);
            ExtraditionEvent back = json.readValue(text, ExtraditionEventTypes.classOf(ExtraditionEventTypes.typeOf(event)));
            assertEquals(event, back, text);
        }
    }

    @Test
    void contracts_hold_no_floating_point_or_optional_values() {
        for (Class<?> eventClass : EVENT_CLASSES) {
            PlainContracts.assertPlain(eventClass);
        }
    }

    @Test
    void lists_in_events_are_never_null_and_never_shared() {
        List<String> missing = new ArrayList<>(List.of("Translation"));
        ExtraditionEvent.SupplementaryInformationRequested e = new ExtraditionEvent.SupplementaryInformationRequested(
                UUID.randomUUID(), missing, LocalDate.of(2025, 4, 1), Instant.parse("2025-03-03T09:00:00Z"));
        missing.clear();

        assertEquals(List.of("Translation"), e.missing());
        assertEquals(List.of(), new ExtraditionEvent.Granted(UUID.randomUUID(), null, null, false, Instant.EPOCH).conditions());
        assertThrows(UnsupportedOperationException.class, () -> e.missing().add("x"));
    }

    private static List<ExtraditionEvent> samples() {
        UUID id = UUID.fromString("0b6a4a1e-1f0c-4c1e-9a57-5d2c3e4f5a61");
        UUID other = UUID.fromString("7d9e0f21-3a4b-4c5d-8e6f-708192a3b4c5");
        Instant at = Instant.parse("2025-03-03T09:00:00Z");
        LocalDate date = LocalDate.of(2025, 4, 2);
        StateCode ar = StateCode.of("AR");
        StateCode nl = StateCode.of("NL");
        StateCode sn = StateCode.of("SN");
        ContactPerson contact = new ContactPerson("M. García", "extradiciones@jus.example.ar", null);
        PersonSought person = new PersonSought(List.of("Carlos Alberto Méndez"), List.of("El Capitán"), LocalDate.of(1950, 5, 12),
                "Córdoba", List.of("AR"), List.of(new PersonIdentifier(IdentifierKind.PASSPORT, "AAB123456", "AR")), "1.80 m", true);
        Offence offence = new Offence(new LegalQualification(CrimeCategory.ANNEX_CRIME, "E", "Penal Code art. 8", "25 years"),
                "Starvation of civilians", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30), "Province Y");
        WarrantReference warrant = new WarrantReference(WarrantKind.ARREST_WARRANT, "CFP 1/2024", "Juzgado Federal No. 3", date);
        FormalRequest formal = new FormalRequest(person, List.of(offence), warrant,
                List.of(new SupportingDocument("Warrant", other, null), new SupportingDocument("Hearing record", null, other)), contact);
        ProvisionalArrestRequest provisional = new ProvisionalArrestRequest(person, List.of(offence), warrant, "Amsterdam",
                "About to flee", contact, true);
        Assurance assurance = new Assurance(AssuranceKind.DEATH_PENALTY, "Not imposed");
        return List.of(
                new ExtraditionEvent.ProvisionalArrestRequested(id, ar, nl, ArrivalChannel.DIRECT, provisional, at),
                new ExtraditionEvent.ExtraditionRequested(id, ar, nl, ArrivalChannel.DIPLOMATIC, formal, at),
                new ExtraditionEvent.FormalRequestSubmitted(id, ArrivalChannel.ELECTRONIC, formal, at),
                new ExtraditionEvent.RequestAcknowledged(id, "NL-1", contact, at),
                new ExtraditionEvent.ArrestRecorded(id, at, "Amsterdam", date, date.plusDays(22), date.minusDays(8), at),
                new ExtraditionEvent.ReleaseRecorded(id, at, ReleaseReason.OTHER, "Ill", at),
                new ExtraditionEvent.SupplementaryInformationRequested(id, List.of("Law"), date, at),
                new ExtraditionEvent.SupplementaryInformationProvided(id, "Attached", List.of(new SupportingDocument("Law", null, null)), at),
                new ExtraditionEvent.SimplifiedConsentRecorded(id, true, null, at),
                new ExtraditionEvent.AssurancesRequested(id, List.of(assurance), null, at),
                new ExtraditionEvent.AssurancesProvided(id, List.of(assurance), "Ministry", at),
                new ExtraditionEvent.Granted(id, List.of("Speciality"), List.of(AssuranceKind.DEATH_PENALTY), true, at),
                new ExtraditionEvent.Refused(id, List.of(ExtraditionGround.NATIONALITY, ExtraditionGround.TORTURE_RISK), "Reasons", at),
                new ExtraditionEvent.SubmittedForProsecution(id, "Landelijk Parket", "NL-99", at),
                new ExtraditionEvent.ProsecutionOutcomeReported(id, ProsecutionOutcome.ACQUITTED, "Insufficient evidence", at),
                new ExtraditionEvent.SurrenderScheduled(id, new SurrenderArrangements("Schiphol", date, "Escort"), at),
                new ExtraditionEvent.SurrenderPostponed(id, SurrenderPostponementReason.DOMESTIC_PROCEEDINGS, "Trial", at),
                new ExtraditionEvent.TemporarilySurrendered(id, "Schiphol", date, List.of("Custody"), at),
                new ExtraditionEvent.PersonReturned(id, null, at),
                new ExtraditionEvent.Surrendered(id, "Schiphol", "Handed over", at),
                new ExtraditionEvent.NotTakenOver(id, date, null, at),
                new ExtraditionEvent.TransitRequested(id, sn, true, "Overflight", at),
                new ExtraditionEvent.TransitDecided(id, sn, TransitDecision.REFUSED, List.of(), "Closed airspace", at),
                new ExtraditionEvent.ConcurrentRequestsRecorded(id, List.of(other),
                        List.of(new WeighedFactor(ConcurrencyFactor.INTERESTS_OF_VICTIMS, "Victims in AR")), other, "Reasons", at),
                new ExtraditionEvent.SpecialityConsentRequested(id, "speciality-1", List.of(offence), "Prosecution", at),
                new ExtraditionEvent.SpecialityConsentDecided(id, "speciality-1", ConsentDecision.GRANTED_WITH_CONDITIONS, List.of("No life"),
                        null, at),
                new ExtraditionEvent.ReExtraditionConsentRequested(id, "re-extradition-1", sn, List.of(offence), "Trial", at),
                new ExtraditionEvent.ReExtraditionConsentDecided(id, "re-extradition-1", ConsentDecision.DENIED, List.of(), "No", at),
                new ExtraditionEvent.Withdrawn(id, "Died", at),
                new ExtraditionEvent.Closed(id, null, at),
                new ExtraditionEvent.DeadlineOverdue(id, DeadlineKind.FORMAL_REQUEST_RELEASE_COMPULSORY, date, nl, at),
                new ExtraditionEvent.PersonalDataErased(id, nl, org.mlaexchange.contracts.seal.ErasureReason.PURPOSE_FULFILLED, at));
    }
}
