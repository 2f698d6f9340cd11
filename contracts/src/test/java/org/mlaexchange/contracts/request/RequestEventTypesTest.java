package org.mlaexchange.contracts.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.PlainContracts;
import org.mlaexchange.contracts.StateCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class RequestEventTypesTest {

    private static final List<Class<?>> EVENT_CLASSES = Arrays.asList(RequestEvent.class.getPermittedSubclasses());

    @Test
    void every_event_has_its_own_stable_type() {
        Set<String> types = new HashSet<>();
        for (Class<?> eventClass : EVENT_CLASSES) {
            String type = RequestEventTypes.typeOf(eventClass);
            assertTrue(type.matches("org\\.mlaexchange\\.request\\.[a-z]+(-[a-z]+)*\\.v[0-9]+"), type);
            assertTrue(types.add(type), "duplicate type " + type);
        }
        assertEquals(25, EVENT_CLASSES.size());
        assertEquals(types, RequestEventTypes.all());
    }

    @Test
    void type_and_class_round_trip() {
        for (Class<?> eventClass : EVENT_CLASSES) {
            assertEquals(eventClass, RequestEventTypes.classOf(RequestEventTypes.typeOf(eventClass)));
        }
        for (String type : RequestEventTypes.all()) {
            assertEquals(type, RequestEventTypes.typeOf(RequestEventTypes.classOf(type)));
        }
    }

    @Test
    void published_names_do_not_follow_class_names() {
        assertEquals("org.mlaexchange.request.submitted.v1", RequestEventTypes.typeOf(RequestEvent.Submitted.class));
        assertEquals("org.mlaexchange.request.information-requested.v1", RequestEventTypes.typeOf(RequestEvent.InformationRequested.class));
        assertEquals("org.mlaexchange.request.deadline-overdue.v1", RequestEventTypes.typeOf(RequestEvent.DeadlineOverdue.class));
        assertEquals(RequestEvent.ConditionsAccepted.class, RequestEventTypes.classOf("org.mlaexchange.request.conditions-accepted.v1"));
    }

    @Test
    void unknown_types_and_classes_are_rejected() {
        assertThrows(IllegalArgumentException.class, () -> RequestEventTypes.classOf("org.mlaexchange.request.submitted.v9"));
        assertThrows(IllegalArgumentException.class, () -> RequestEventTypes.classOf("Submitted"));
        assertThrows(IllegalArgumentException.class, () -> RequestEventTypes.typeOf(String.class));
        assertThrows(UnsupportedOperationException.class, () -> RequestEventTypes.all().add("x"));
    }

    @Test
    void every_event_survives_a_json_round_trip_by_its_type() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        List<RequestEvent> samples = samples();
        assertEquals(EVENT_CLASSES.stream().collect(Collectors.toSet()),
                samples.stream().map(Object::getClass).collect(Collectors.toSet()), "one sample per event");
        for (RequestEvent event : samples) {
            String text = json.writeValueAsString(event);
            RequestEvent back = json.readValue(text, RequestEventTypes.classOf(RequestEventTypes.typeOf(event)));
            assertEquals(event, back, text);
        }
    }

    @Test
    void contracts_hold_no_floating_point_or_optional_values() {
        for (Class<?> eventClass : EVENT_CLASSES) {
            PlainContracts.assertPlain(eventClass);
        }
    }

    private static List<RequestEvent> samples() {
        UUID id = UUID.fromString("6f1c1d2e-8a47-4e0e-9d3b-2a5f0c7e9b11");
        Instant at = Instant.parse("2025-03-03T09:00:00Z");
        LocalDate date = LocalDate.of(2025, 4, 2);
        StateCode ar = StateCode.of("AR");
        StateCode nl = StateCode.of("NL");
        ContactPerson contact = new ContactPerson("M. García", "cooperacion@jus.example.ar", "+54 11 0000 0000");
        RequestContent content = new RequestContent(
                new Authority("Autoridad Central", "Buenos Aires"), new Authority("Juzgado Federal No. 3", null),
                new Proceedings(ProceedingsNature.PROSECUTION, "Starvation of civilians", "CFP 1/2024"),
                "Facts", new LegalQualification(CrimeCategory.ANNEX_CRIME, "E", "Law 1", "25 years"),
                List.of(MeasureRequest.described(MeasureKind.TAKING_EVIDENCE_OR_STATEMENTS, "Hear W1")),
                "Prosecution", contact, "es",
                List.of(new RequestedProcedure("Oath", "Admissibility")),
                List.of(new PersonConcerned("W1", "Rotterdam", "NL", true)),
                "Suspects at large", "Witness ill", date, true, "Two prosecutors",
                List.of(new Attachment("Translation", AttachmentKind.TRANSLATION, "en", "doc:1")));
        return List.of(
                new RequestEvent.Submitted(id, ar, nl, true, true, content, List.of("m1"), at, date, date),
                new RequestEvent.Acknowledged(id, "NL-1", contact, at),
                new RequestEvent.InformationRequested(id, List.of("Date of birth"), null, at),
                new RequestEvent.InformationProvided(id, content, null, at, date),
                new RequestEvent.ConsultationOpened(id, List.of("Interference"), at),
                new RequestEvent.Postponed(id, PostponementReason.ONGOING_DOMESTIC_INVESTIGATION, "Case", date, at),
                new RequestEvent.ConditionsProposed(id, List.of("Use limited"), at),
                new RequestEvent.ConditionsAccepted(id, null, RequestStatus.UNDER_ASSESSMENT, at),
                new RequestEvent.ConditionsRejected(id, "No", at),
                new RequestEvent.Refused(id, List.of("m1"), List.of(GroundForRefusal.OTHER, GroundForRefusal.DEATH_PENALTY), "Reasons",
                        RequestStatus.REFUSED, at),
                new RequestEvent.Accepted(id, List.of("m1"), List.of(), date, RequestStatus.ACCEPTED, at),
                new RequestEvent.ProgressReported(id, List.of(new MeasureProgress("m1", MeasureStatus.EXECUTED, "Heard")), "Done",
                        RequestStatus.PARTIALLY_EXECUTED, at),
                new RequestEvent.Completed(id, null, at),
                new RequestEvent.Closed(id, "Thanks", at),
                new RequestEvent.Withdrawn(id, "Not needed", at),
                new RequestEvent.DeadlineOverdue(id, DeadlineKind.DECISION, date, nl, at),
                new RequestEvent.ConsultationAnswered(id, "We can narrow the search", List.of("Drop measure m2"), at),
                new RequestEvent.MeasuresImpossible(id, List.of("m1"), "Witness deceased", RequestStatus.PARTIALLY_EXECUTED, at),
                new RequestEvent.StatusRequested(id, "Has W1 been heard?", date, at),
                new RequestEvent.StatusAnswered(id, "Hearing scheduled", at),
                new RequestEvent.Supplemented(id, content, "New address of W1", at),
                new RequestEvent.ConfidentialityNotAssured(id, "Court hearing is public", at),
                new RequestEvent.ContinuedWithoutConfidentiality(id, null, RequestStatus.ACCEPTED, at),
                new RequestEvent.DecisionDeadlineExtended(id, date, date.plusDays(30), "Court file under review", at),
                new RequestEvent.PersonalDataErased(id, nl, org.mlaexchange.contracts.seal.ErasureReason.RETENTION_PERIOD_ENDED, at));
    }
}
