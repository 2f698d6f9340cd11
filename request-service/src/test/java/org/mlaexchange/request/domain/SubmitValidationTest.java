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
import static org.mlaexchange.request.domain.RequestFixtures.T0;
import static org.mlaexchange.request.domain.RequestFixtures.XX;
import static org.mlaexchange.request.domain.RequestFixtures.content;
import static org.mlaexchange.request.domain.RequestFixtures.date;
import static org.mlaexchange.request.domain.RequestFixtures.translation;
import static org.mlaexchange.request.domain.RequestFixtures.withConfidentiality;
import static org.mlaexchange.request.domain.RequestFixtures.withLanguage;
import static org.mlaexchange.request.domain.RequestFixtures.withQualification;
import static org.mlaexchange.request.domain.RequestFixtures.withUrgency;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.request.Attachment;
import org.mlaexchange.contracts.request.AttachmentKind;
import org.mlaexchange.contracts.request.Authority;
import org.mlaexchange.contracts.request.ContactPerson;
import org.mlaexchange.contracts.request.CrimeCategory;
import org.mlaexchange.contracts.request.LegalQualification;
import org.mlaexchange.contracts.request.MeasureKind;
import org.mlaexchange.contracts.request.MeasureRequest;
import org.mlaexchange.contracts.request.PersonConcerned;
import org.mlaexchange.contracts.request.Proceedings;
import org.mlaexchange.contracts.request.RequestContent;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.request.RequestedProcedure;
import org.mlaexchange.contracts.rules.DomainException.InvalidCommand;
import org.mlaexchange.contracts.rules.DomainException.Violation;

/** Submission rules: required content, two distinct State Parties, a valid legal basis, an accepted language. */
class SubmitValidationTest {

    private static final LegalQualification ANNEX_E = new LegalQualification(CrimeCategory.ANNEX_CRIME, "E",
            "Penal Code art. 8 (starvation of civilians in non-international armed conflict)", "Up to 25 years");

    @Test
    void every_missing_required_field_is_listed() {
        RequestContent empty = new RequestContent(new Authority(" ", null), null, new Proceedings(null, "", null), null,
                new LegalQualification(null, null, null, null), List.of(), "", new ContactPerson(null, null, null), null,
                null, null, null, null, null, false, null, null);

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> submit(NL, false, false, empty));

        assertEquals(List.of(
                new Violation("content.requestingAuthority.name", "is required"),
                new Violation("content.proceedingsAuthority", "is required"),
                new Violation("content.proceedings.nature", "is required"),
                new Violation("content.proceedings.subjectMatter", "is required"),
                new Violation("content.proceedings.caseNumber", "is required"),
                new Violation("content.summaryOfFacts", "is required"),
                new Violation("content.legalQualification.law", "is required"),
                new Violation("content.legalQualification.penalty", "is required"),
                new Violation("content.legalQualification.category", "is required"),
                new Violation("content.measures", "at least one measure is required"),
                new Violation("content.purpose", "is required"),
                new Violation("content.contact.name", "is required"),
                new Violation("content.contact.email", "is required"),
                new Violation("content.language", "is required")), e.violations());
    }

    @Test
    void missing_content_and_request_id_are_listed() {
        InvalidCommand e = assertThrows(InvalidCommand.class,
                () -> DECIDER.decide(null, new RequestCommand.Submit(null, NL, false, false, null), AR, T0));

        assertEquals(List.of(new Violation("requestId", "is required"), new Violation("content", "is required")), e.violations());
    }

    @Test
    void optional_parts_when_present_are_complete() {
        RequestContent c = content();
        RequestContent withGaps = new RequestContent(c.requestingAuthority(), c.proceedingsAuthority(), c.proceedings(),
                c.summaryOfFacts(), c.legalQualification(),
                Arrays.asList(MeasureRequest.described(MeasureKind.OTHER_ASSISTANCE, " "), null),
                c.purpose(), c.contact(), c.language(),
                List.of(new RequestedProcedure("Sworn statement", null)),
                List.of(new PersonConcerned(null, "The Hague", null, false)),
                null, null, null, true, null,
                List.of(new Attachment("Annex", null, "EN", null)));

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> submit(NL, false, false, withGaps));

        assertEquals(List.of(
                new Violation("content.measures[0].specifics", "is required"),
                new Violation("content.measures[1]", "is required"),
                new Violation("content.procedures[0].reasons", "is required"),
                new Violation("content.personsConcerned[0].identity", "is required"),
                new Violation("content.attachments[0].kind", "is required"),
                new Violation("content.attachments[0].language", "is not an ISO 639-1 code (two lower-case letters)"),
                new Violation("content.officialsPresenceDetails", "is required")), e.violations());
    }

    @Test
    void the_requested_state_is_another_state_party() {
        InvalidCommand same = assertThrows(InvalidCommand.class, () -> submit(AR, false, false, content()));
        assertEquals(List.of(new Violation("requestedState", "must differ from the requesting State")), same.violations());

        InvalidCommand unknown = assertThrows(InvalidCommand.class, () -> submit(XX, false, false, content()));
        assertEquals(List.of(new Violation("requestedState", "XX is not a State Party on 2025-03-03")), unknown.violations());

        InvalidCommand missing = assertThrows(InvalidCommand.class, () -> submit(null, false, false, content()));
        assertEquals(List.of(new Violation("requestedState", "is required")), missing.violations());

        InvalidCommand requesting = assertThrows(InvalidCommand.class, () -> DECIDER.decide(null,
                new RequestCommand.Submit(ID, NL, false, false, content()), XX, T0));
        assertEquals(List.of(new Violation("requestingState", "XX is not a State Party on 2025-03-03")), requesting.violations());
    }

    @Test
    void the_convention_must_be_in_force_for_both_states_on_the_day_of_submission() {
        // Chile is bound from 1 June 2025 (fixtures): a request to it before then has no legal basis
        InvalidCommand early = assertThrows(InvalidCommand.class, () -> submit(RequestFixtures.CL, false, false, content()));
        assertEquals(List.of(new Violation("requestedState", "CL is not a State Party on 2025-03-03")), early.violations());
        InvalidCommand fromChile = assertThrows(InvalidCommand.class, () -> DECIDER.decide(null,
                new RequestCommand.Submit(ID, AR, false, false, content()), RequestFixtures.CL, T0));
        assertEquals(List.of(new Violation("requestingState", "CL is not a State Party on 2025-03-03")), fromChile.violations());

        assertEquals(1, DECIDER.decide(null, new RequestCommand.Submit(ID, RequestFixtures.CL, false, false, content()), AR,
                java.time.Instant.parse("2025-06-01T08:00:00Z")).size());
    }

    @Test
    void core_crimes_are_always_a_valid_legal_basis() {
        for (CrimeCategory core : List.of(CrimeCategory.GENOCIDE, CrimeCategory.CRIMES_AGAINST_HUMANITY, CrimeCategory.WAR_CRIMES)) {
            RequestContent c = withQualification(content(), new LegalQualification(core, null, "Rome Statute as implemented", "Life"));
            assertEquals(1, submit(NL, false, false, c).size(), core.name());
        }
    }

    @Test
    void an_annex_crime_needs_both_declarations_in_force_on_the_submission_date() {
        RequestContent annexCrime = withQualification(content(), ANNEX_E);

        // AR's declaration of annex E takes effect on 1 June 2025; NL's is in force since 2024
        InvalidCommand e = assertThrows(InvalidCommand.class, () -> submit(NL, false, false, annexCrime));
        assertEquals(List.of(new Violation("content.legalQualification.annex",
                "not a valid legal basis: AR has no declaration of annex E in force on 2025-03-03 (Art. 2(2): both States must have declared it)")),
                e.violations());

        List<RequestEvent> later = DECIDER.decide(null, new RequestCommand.Submit(ID, NL, false, false, annexCrime), AR,
                Instant.parse("2025-06-01T08:00:00Z"));
        assertEquals(1, later.size(), "both declarations in force from 1 June 2025");

        InvalidCommand undeclared = assertThrows(InvalidCommand.class, () -> submit(NL, false, false,
                withQualification(annexCrime, new LegalQualification(CrimeCategory.ANNEX_CRIME, "C", "Law", "Penalty"))));
        assertEquals(2, undeclared.violations().size(), "neither State declared annex C");
    }

    @Test
    void the_annex_is_given_exactly_for_an_annex_crime() {
        InvalidCommand missing = assertThrows(InvalidCommand.class, () -> submit(NL, false, false,
                withQualification(content(), new LegalQualification(CrimeCategory.ANNEX_CRIME, null, "Law", "Penalty"))));
        assertEquals(List.of(new Violation("content.legalQualification.annex", "is required")), missing.violations());

        InvalidCommand extra = assertThrows(InvalidCommand.class, () -> submit(NL, false, false,
                withQualification(content(), new LegalQualification(CrimeCategory.WAR_CRIMES, "E", "Law", "Penalty"))));
        assertEquals(List.of(new Violation("content.legalQualification.annex", "is only given for an annex crime")), extra.violations());
    }

    @Test
    void the_language_is_accepted_by_the_requested_state_or_a_translation_is_attached() {
        RequestContent spanish = withLanguage(content(), "es", List.of());

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> submit(NL, false, false, spanish));
        assertEquals(List.of(new Violation("content.language",
                "NL does not accept requests in 'es' and no translation into a language it accepts is attached")), e.violations());

        assertEquals(1, submit(NL, false, false, withLanguage(content(), "es", List.of(translation("nl")))).size());

        InvalidCommand wrongTranslation = assertThrows(InvalidCommand.class,
                () -> submit(NL, false, false, withLanguage(content(), "es", List.of(translation("fr")))));
        assertEquals(1, wrongTranslation.violations().size());

        InvalidCommand notATranslation = assertThrows(InvalidCommand.class, () -> submit(NL, false, false, withLanguage(content(), "es",
                List.of(new Attachment("Dutch summary", AttachmentKind.SUPPORTING_DOCUMENT, "nl", "doc:2")))));
        assertEquals(1, notATranslation.violations().size());

        InvalidCommand notACode = assertThrows(InvalidCommand.class, () -> submit(NL, false, false, withLanguage(content(), "English", List.of())));
        assertEquals(List.of(new Violation("content.language", "is not an ISO 639-1 code (two lower-case letters)")), notACode.violations());

        InvalidCommand translationWithoutLanguage = assertThrows(InvalidCommand.class, () -> submit(NL, false, false, withLanguage(content(), "en",
                List.of(new Attachment("Translation", AttachmentKind.TRANSLATION, null, "doc:3")))));
        assertEquals(List.of(new Violation("content.attachments[0].language", "is required")), translationWithoutLanguage.violations());
    }

    @Test
    void a_request_in_a_language_of_another_requested_state_is_checked_against_that_state() {
        InvalidCommand e = assertThrows(InvalidCommand.class, () -> submit(SN, false, false, content()));
        assertEquals(List.of(new Violation("content.language",
                "SN does not accept requests in 'en' and no translation into a language it accepts is attached")), e.violations());

        assertEquals(1, submit(SN, false, false, withLanguage(content(), "en", List.of(translation("fr")))).size());
    }

    @Test
    void an_urgent_request_gives_its_reasons_and_a_desired_date_not_in_the_past() {
        InvalidCommand e = assertThrows(InvalidCommand.class, () -> submit(NL, true, false, withUrgency(content(), null, date(-1))));

        assertEquals(List.of(new Violation("content.urgencyReasons", "is required"),
                new Violation("content.desiredDate", "must not be in the past")), e.violations());
    }

    @Test
    void a_confidential_request_gives_its_reasons() {
        InvalidCommand e = assertThrows(InvalidCommand.class, () -> submit(NL, false, true, content()));
        assertEquals(List.of(new Violation("content.confidentialityReasons", "is required")), e.violations());

        RequestEvent.Submitted s = (RequestEvent.Submitted) submit(NL, false, true,
                withConfidentiality(content(), "Suspects must not learn of the investigation")).get(0);
        assertTrue(s.confidential());
    }

    @Test
    void the_violation_message_of_an_invalid_command_lists_the_fields() {
        InvalidCommand e = assertThrows(InvalidCommand.class, () -> submit(AR, true, false, content()));

        assertEquals("invalid command: requestedState: must differ from the requesting State; content.urgencyReasons: is required",
                e.getMessage());
    }

    private static List<RequestEvent> submit(StateCode requested, boolean urgent, boolean confidential, RequestContent content) {
        return DECIDER.decide(null, new RequestCommand.Submit(ID, requested, urgent, confidential, content), AR, T0);
    }
}
