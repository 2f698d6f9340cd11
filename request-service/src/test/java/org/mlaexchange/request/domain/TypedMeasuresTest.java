package org.mlaexchange.request.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.request.domain.RequestFixtures.AR;
import static org.mlaexchange.request.domain.RequestFixtures.DECIDER;
import static org.mlaexchange.request.domain.RequestFixtures.ID;
import static org.mlaexchange.request.domain.RequestFixtures.NL;
import static org.mlaexchange.request.domain.RequestFixtures.T0;
import static org.mlaexchange.request.domain.RequestFixtures.acknowledged;
import static org.mlaexchange.request.domain.RequestFixtures.content;
import static org.mlaexchange.request.domain.RequestFixtures.date;
import static org.mlaexchange.request.domain.RequestFixtures.day;
import static org.mlaexchange.request.domain.RequestFixtures.then;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.request.DeadlineKind;
import org.mlaexchange.contracts.request.MeasureExecution;
import org.mlaexchange.contracts.request.MeasureKind;
import org.mlaexchange.contracts.request.MeasureProgress;
import org.mlaexchange.contracts.request.MeasureRequest;
import org.mlaexchange.contracts.request.MeasureRequest.AssetAction;
import org.mlaexchange.contracts.request.MeasureRequest.HearingLead;
import org.mlaexchange.contracts.request.MeasureRequest.PersonHeard;
import org.mlaexchange.contracts.request.MeasureRequest.PersonStatus;
import org.mlaexchange.contracts.request.MeasureRequest.Protection;
import org.mlaexchange.contracts.request.MeasureRequest.ProtectiveMeasure;
import org.mlaexchange.contracts.request.MeasureRequest.TemporaryTransfer;
import org.mlaexchange.contracts.request.MeasureRequest.VideoConference;
import org.mlaexchange.contracts.request.MeasureStatus;
import org.mlaexchange.contracts.request.PersonConcerned;
import org.mlaexchange.contracts.request.RequestContent;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.rules.DomainException.InvalidCommand;

/** Each kind of assistance with its own data, checked per kind on submission, and executed with a record of its kind. */
class TypedMeasuresTest {

    /** Persons concerned: 0 a protected witness, 1 a suspect, 2 a detained witness. */
    private static final List<PersonConcerned> PERSONS = List.of(
            new PersonConcerned("W1, born 1950", "The Hague", "NL", true),
            new PersonConcerned("S. Suspect, born 1948", "Rotterdam", "AR", false),
            new PersonConcerned("D. Detained, born 1970", "PI Vught", "NL", false));

    private static final MeasureRequest HEARING = new MeasureRequest.TakingEvidence("Hear W1 by video conference",
            List.of(new PersonHeard(0, PersonStatus.WITNESS)), List.of("Conditions of detention at centre X"), List.of(),
            List.of("es"), new VideoConference(List.of(date(40), date(41)), HearingLead.REQUESTING_STATE,
            List.of("Juez federal, Juzgado Federal No. 3")));

    private static final MeasureRequest TRANSFER = new MeasureRequest.FacilitatingVoluntaryAppearance(
            "Temporary transfer of D. Detained to testify at trial", 2,
            new TemporaryTransfer(true, "Transfer on the trial's opening day, escorted both ways", "Servicio Penitenciario Federal", date(60)),
            true);

    private static RequestContent with(MeasureRequest... measures) {
        RequestContent c = content();
        return new RequestContent(c.requestingAuthority(), c.proceedingsAuthority(), c.proceedings(), c.summaryOfFacts(),
                c.legalQualification(), Arrays.asList(measures), c.purpose(), c.contact(), c.language(), c.procedures(), PERSONS,
                null, null, null, false, null, List.of());
    }

    private static RequestEvent.Submitted submit(RequestContent content) {
        return (RequestEvent.Submitted) DECIDER.decide(null, new RequestCommand.Submit(ID, NL, false, false, content), AR, T0).get(0);
    }

    private static Map<String, String> errors(RequestContent content) {
        InvalidCommand e = assertThrows(InvalidCommand.class, () -> submit(content));
        return e.violations().stream().collect(Collectors.toMap(v -> v.field(), v -> v.message(), (a, b) -> a + "; " + b));
    }

    @Test
    void a_complete_hearing_by_video_conference_is_submitted_and_kept_typed() {
        RequestEvent.Submitted submitted = submit(with(HEARING, TRANSFER));

        MlaRequest state = RequestDecider.evolve(null, submitted);

        assertEquals(HEARING, state.measure("m1").orElseThrow().requested());
        assertEquals(MeasureKind.TAKING_EVIDENCE_OR_STATEMENTS, state.measure("m1").orElseThrow().kind());
        assertEquals("Hear W1 by video conference", state.measure("m1").orElseThrow().specifics());
        assertEquals(TRANSFER, state.measure("m2").orElseThrow().requested());
    }

    @Test
    void every_kind_described_in_words_only_is_still_accepted() {
        MeasureRequest[] inWords = Arrays.stream(MeasureKind.values())
                .map(kind -> MeasureRequest.described(kind, "As described in the letter of request")).toArray(MeasureRequest[]::new);

        assertEquals(MeasureKind.values().length, submit(with(inWords)).content().measures().size());
    }

    @Test
    void a_hearing_names_each_person_by_position_and_status_and_a_suspect_is_told_of_rights() {
        MeasureRequest hearing = new MeasureRequest.TakingEvidence("Hear W1 and the suspect",
                Arrays.asList(new PersonHeard(0, PersonStatus.WITNESS), new PersonHeard(1, null), new PersonHeard(7, PersonStatus.SUSPECT),
                        new PersonHeard(1, PersonStatus.SUSPECT)),
                List.of(), List.of(), List.of("Spanish"), new VideoConference(List.of(date(-1)), null, List.of()));

        Map<String, String> errors = errors(with(hearing));

        assertEquals(Map.of(
                "content.measures[0].persons[1].status", "is required",
                "content.measures[0].persons[2].person", "is not a position in content.personsConcerned (3 given)",
                "content.measures[0].questions", "at least one is required",
                "content.measures[0].rightsToNotify", "a suspect is heard: list the rights to notify (e.g. to remain silent, to counsel)",
                "content.measures[0].interpreterLanguages[0]", "is not an ISO 639-1 code (two lower-case letters)",
                "content.measures[0].videoConference.proposedDates[0]", "must not be in the past",
                "content.measures[0].videoConference.ledBy", "is required"), errors);
    }

    @Test
    void a_temporary_transfer_needs_consent_terms_custody_and_a_return_date_ahead() {
        MeasureRequest transfer = new MeasureRequest.FacilitatingVoluntaryAppearance("Transfer D. Detained", null,
                new TemporaryTransfer(false, " ", null, date(0)), null);

        assertEquals(Map.of(
                "content.measures[0].person", "is required",
                "content.measures[0].temporaryTransfer.personConsents", "a detained person is transferred only with his or her consent",
                "content.measures[0].temporaryTransfer.agreedTerms", "is required",
                "content.measures[0].temporaryTransfer.custody", "is required",
                "content.measures[0].temporaryTransfer.returnDate", "must be after today"), errors(with(transfer)));
    }

    @Test
    void the_other_kinds_are_complete_for_their_kind() {
        Map<String, String> errors = errors(with(
                new MeasureRequest.ExaminingObjectsAndSites("Exhume the site", "Field 3, Example Road", null, "exhumation",
                        "Minnesota Protocol", List.of()),
                new MeasureRequest.ProvidingInformationAndEvidence("Forensic evaluation", List.of("Autopsy reports"), true, null),
                new MeasureRequest.ProvidingDocumentsAndRecords("Bank records", "Banco X", List.of("AR-0042"), date(10), date(5), null),
                new MeasureRequest.SpecialInvestigativeTechniques("Interception", "interception", null, 0, "Destroy after trial"),
                new MeasureRequest.CrossBorderInvestigations("Observation", "Border zone", date(10), date(20), List.of(), null),
                new MeasureRequest.ProtectionOfWitnessesAndVictims("Protect the witnesses", List.of(
                        new Protection(0, List.of(ProtectiveMeasure.OTHER), null),
                        new Protection(1, List.of(), null))),
                new MeasureRequest.ServiceOfDocuments("Serve the summons", 1, List.of()),
                new MeasureRequest.SearchAndSeizure("Search", null, List.of("Ledgers")),
                new MeasureRequest.FreezingAndConfiscationOfAssets("Confiscate", AssetAction.CONFISCATE, List.of("AR-0042"), null, null),
                new MeasureRequest.IdentifyingOrLocatingPersons("Locate", 3, "Córdoba"),
                new MeasureRequest.OtherAssistance("Anything", " ")));

        assertEquals(Map.ofEntries(
                Map.entry("content.measures[0].subject", "is required"),
                Map.entry("content.measures[1].expertQualifications", "is required"),
                Map.entry("content.measures[2].periodTo", "must not be before periodFrom"),
                Map.entry("content.measures[2].certification", "is required"),
                Map.entry("content.measures[3].legalAuthorisation", "is required"),
                Map.entry("content.measures[3].durationDays", "must be at least 1"),
                Map.entry("content.measures[4].officers", "at least one is required"),
                Map.entry("content.measures[4].stopConditions", "is required"),
                Map.entry("content.measures[5].protections[0].details", "is required"),
                Map.entry("content.measures[5].protections[1].person",
                        "mark this person concerned protected: protective measures are asked for a protected person (Art. 82)"),
                Map.entry("content.measures[5].protections[1].measures", "name at least one protective measure"),
                Map.entry("content.measures[6].documents", "at least one is required"),
                Map.entry("content.measures[7].place", "is required"),
                Map.entry("content.measures[8].orderReference", "is required"),
                Map.entry("content.measures[9].person", "is not a position in content.personsConcerned (3 given)"),
                Map.entry("content.measures[10].reasons", "is required")), errors);
    }

    private static MlaRequest accepted(MeasureRequest... measures) {
        MlaRequest state = then(null, List.of(submit(with(measures)), acknowledged()));
        List<String> ids = state.measures().stream().map(MlaRequest.Measure::id).toList();
        return then(state, DECIDER.decide(state, new RequestCommand.Accept(ids, List.of()), NL, day(2)));
    }

    @Test
    void the_execution_of_a_hearing_is_recorded_with_its_participants_minutes_and_recording() {
        MlaRequest state = accepted(HEARING);
        UUID recording = UUID.fromString("0b6f3c1e-4d2a-4c55-9f0e-1a2b3c4d5e6f");
        MeasureExecution record = new MeasureExecution.Hearing(date(40), true,
                List.of("W1", "Juez federal (AR)", "Rechter-commissaris (NL)", "Interpreter (es)"), true, "Minutes NL-RC-2025-17", recording);

        List<RequestEvent> events = DECIDER.decide(state, new RequestCommand.ReportProgress(
                List.of(new MeasureProgress("m1", MeasureStatus.EXECUTED, "Heard on day 40", record)), null), NL, day(40));
        MlaRequest after = then(state, events);

        assertEquals(record, after.measure("m1").orElseThrow().execution());
        assertEquals(MeasureStatus.EXECUTED, after.measure("m1").orElseThrow().status());
    }

    @Test
    void an_execution_record_is_of_the_measures_kind_and_complete() {
        MlaRequest state = accepted(HEARING, TRANSFER);

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(state, new RequestCommand.ReportProgress(List.of(
                new MeasureProgress("m1", MeasureStatus.EXECUTED, null, new MeasureExecution.Hearing(date(50), true, List.of(), false, null, null)),
                new MeasureProgress("m2", MeasureStatus.EXECUTED, null, new MeasureExecution.OtherOutcome("Appeared"))), null), NL, day(40)));

        assertEquals(Map.of(
                "updates[0].execution.heldOn", "must not be in the future",
                "updates[0].execution.participants", "at least one is required",
                "updates[0].execution.identityChecked", "the identity of each person heard is checked before the hearing",
                "updates[0].execution.minutes", "is required",
                "updates[1].execution.kind", "the measure is FACILITATING_VOLUNTARY_APPEARANCE: report its execution as that kind"),
                e.violations().stream().collect(Collectors.toMap(v -> v.field(), v -> v.message())));
    }

    @Test
    void the_return_of_a_transferred_person_is_a_deadline_owed_by_the_requesting_state_until_the_return_is_recorded() {
        MlaRequest state = accepted(TRANSFER);
        assertEquals(date(60), state.dueDate(DeadlineKind.PERSON_RETURN));
        assertEquals(AR, state.owedBy(DeadlineKind.PERSON_RETURN));
        assertTrue(state.overdueAt(day(61)).contains(DeadlineKind.PERSON_RETURN));

        MlaRequest transferred = then(state, DECIDER.decide(state, new RequestCommand.ReportProgress(List.of(new MeasureProgress("m1",
                MeasureStatus.IN_EXECUTION, null, new MeasureExecution.Appearance(null, date(45), null))), null), NL, day(45)));
        assertEquals(date(60), transferred.dueDate(DeadlineKind.PERSON_RETURN));

        MlaRequest returned = then(transferred, DECIDER.decide(transferred, new RequestCommand.ReportProgress(List.of(new MeasureProgress("m1",
                MeasureStatus.EXECUTED, "Returned", new MeasureExecution.Appearance(date(46), date(45), date(58)))), null), NL, day(58)));
        assertNull(returned.dueDate(DeadlineKind.PERSON_RETURN));
        assertEquals(Set.of(), Set.copyOf(returned.overdueAt(day(61))).stream()
                .filter(k -> k == DeadlineKind.PERSON_RETURN).collect(Collectors.toSet()));
    }

    @Test
    void a_state_stored_before_typed_measures_reads_its_measures_as_described_in_words() throws Exception {
        String stored = """
                {"id": "m1", "kind": "SEARCH_AND_SEIZURE", "specifics": "Search the premises", "status": "PENDING",
                 "refusalGrounds": [], "notes": []}""";

        MlaRequest.Measure measure = EventJson.mapper().readValue(stored, MlaRequest.Measure.class);

        assertEquals(MeasureRequest.described(MeasureKind.SEARCH_AND_SEIZURE, "Search the premises"), measure.requested());
        assertInstanceOf(MeasureRequest.SearchAndSeizure.class, measure.requested());
        assertNull(measure.execution());
    }

    @Test
    void a_new_content_version_revises_what_an_undecided_measure_asks_for() {
        MlaRequest state = then(null, List.of(submit(with(MeasureRequest.described(MeasureKind.TAKING_EVIDENCE_OR_STATEMENTS, "Hear W1")))));

        MlaRequest after = then(state, DECIDER.decide(state, new RequestCommand.Supplement(with(HEARING), "Typed"), AR, day(1)));

        assertEquals(HEARING, after.measure("m1").orElseThrow().requested());
    }
}
