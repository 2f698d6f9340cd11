package org.mlaexchange.request.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.request.Attachment;
import org.mlaexchange.contracts.request.AttachmentKind;
import org.mlaexchange.contracts.request.Authority;
import org.mlaexchange.contracts.request.ContactPerson;
import org.mlaexchange.contracts.request.CrimeCategory;
import org.mlaexchange.contracts.request.GroundForRefusal;
import org.mlaexchange.contracts.request.LegalQualification;
import org.mlaexchange.contracts.request.MeasureKind;
import org.mlaexchange.contracts.request.MeasureProgress;
import org.mlaexchange.contracts.request.MeasureRequest;
import org.mlaexchange.contracts.request.MeasureStatus;
import org.mlaexchange.contracts.request.PersonConcerned;
import org.mlaexchange.contracts.request.PostponementReason;
import org.mlaexchange.contracts.request.Proceedings;
import org.mlaexchange.contracts.request.ProceedingsNature;
import org.mlaexchange.contracts.request.RequestContent;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.request.RequestStatus;
import org.mlaexchange.contracts.request.RequestedProcedure;

/**
 * Shared givens of the domain tests: three States, reference data, a deadline policy, a valid request
 * from Argentina to the Netherlands with three measures, and the events that bring it to each status.
 */
final class RequestFixtures {

    static final StateCode AR = StateCode.of("AR");
    static final StateCode NL = StateCode.of("NL");
    static final StateCode SN = StateCode.of("SN");
    /** A State Party bound by the Convention only from 1 June 2025. */
    static final StateCode CL = StateCode.of("CL");
    /** A State that is not a State Party. */
    static final StateCode XX = StateCode.of("XX");

    static final UUID ID = UUID.fromString("6f1c1d2e-8a47-4e0e-9d3b-2a5f0c7e9b11");
    /** Monday 3 March 2025, 09:00 UTC: the request is submitted. */
    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    static final LocalDate D0 = LocalDate.of(2025, 3, 3);

    static final List<String> M123 = List.of("m1", "m2", "m3");
    static final ContactPerson NL_CONTACT = new ContactPerson("J. de Vries", "mla@om.example.nl", "+31 70 000 0000");

    static final FakeReferenceData REFERENCE = new FakeReferenceData();
    /** EIO defaults 7 / 30 / 90 days (extension 30, status answer 14), except AR → SN, which agreed 5 / 20 / 60 (15, 7). */
    static final DeadlinePolicy POLICY = (requesting, requested) -> requesting.equals(AR) && requested.equals(SN)
            ? new DeadlinePolicy.Deadlines(Period.ofDays(5), Period.ofDays(20), Period.ofDays(60), Period.ofDays(15), Period.ofDays(7))
            : new DeadlinePolicy.Deadlines(Period.ofDays(7), Period.ofDays(30), Period.ofDays(90));
    static final RequestDecider DECIDER = new RequestDecider(REFERENCE, POLICY);

    private RequestFixtures() {
    }

    static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    static LocalDate date(int n) {
        return D0.plusDays(n);
    }

    // ---- content ------------------------------------------------------------------------------

    static RequestContent content() {
        return content(List.of(
                MeasureRequest.described(MeasureKind.TAKING_EVIDENCE_OR_STATEMENTS, "Hear witness W1 by video conference"),
                MeasureRequest.described(MeasureKind.PROVIDING_DOCUMENTS_AND_RECORDS, "Bank records of account NL00BANK0123456789, 2019-2021"),
                MeasureRequest.described(MeasureKind.SEARCH_AND_SEIZURE, "Search the premises at Example Street 1, The Hague")));
    }

    static RequestContent content(List<MeasureRequest> measures) {
        return new RequestContent(
                new Authority("Ministerio de Justicia, Autoridad Central", "Sarmiento 329, Buenos Aires"),
                new Authority("Juzgado Federal No. 3", null),
                new Proceedings(ProceedingsNature.INVESTIGATION, "Crimes against humanity committed at detention centre X", "CFP 1234/2020"),
                "Between 1976 and 1983 detainees at centre X were tortured and disappeared.",
                new LegalQualification(CrimeCategory.CRIMES_AGAINST_HUMANITY, null, "Law 26.200, art. 9", "Life imprisonment"),
                measures,
                "Identify and prosecute those responsible",
                new ContactPerson("M. García", "cooperacion@jus.example.ar", null),
                "en",
                List.of(new RequestedProcedure("Hearing in the presence of defence counsel", "Admissibility under Argentine law")),
                List.of(new PersonConcerned("W1, born 1950", "The Hague", "NL", true)),
                null, null, null, false, null, List.of());
    }

    static RequestContent withSummary(RequestContent c, String summaryOfFacts) {
        return new RequestContent(c.requestingAuthority(), c.proceedingsAuthority(), c.proceedings(), summaryOfFacts,
                c.legalQualification(), c.measures(), c.purpose(), c.contact(), c.language(), c.procedures(),
                c.personsConcerned(), c.confidentialityReasons(), c.urgencyReasons(), c.desiredDate(),
                c.officialsPresenceRequested(), c.officialsPresenceDetails(), c.attachments());
    }

    static RequestContent withMeasures(RequestContent c, List<MeasureRequest> measures) {
        return new RequestContent(c.requestingAuthority(), c.proceedingsAuthority(), c.proceedings(), c.summaryOfFacts(),
                c.legalQualification(), measures, c.purpose(), c.contact(), c.language(), c.procedures(),
                c.personsConcerned(), c.confidentialityReasons(), c.urgencyReasons(), c.desiredDate(),
                c.officialsPresenceRequested(), c.officialsPresenceDetails(), c.attachments());
    }

    static RequestContent withQualification(RequestContent c, LegalQualification q) {
        return new RequestContent(c.requestingAuthority(), c.proceedingsAuthority(), c.proceedings(), c.summaryOfFacts(),
                q, c.measures(), c.purpose(), c.contact(), c.language(), c.procedures(),
                c.personsConcerned(), c.confidentialityReasons(), c.urgencyReasons(), c.desiredDate(),
                c.officialsPresenceRequested(), c.officialsPresenceDetails(), c.attachments());
    }

    static RequestContent withLanguage(RequestContent c, String language, List<Attachment> attachments) {
        return new RequestContent(c.requestingAuthority(), c.proceedingsAuthority(), c.proceedings(), c.summaryOfFacts(),
                c.legalQualification(), c.measures(), c.purpose(), c.contact(), language, c.procedures(),
                c.personsConcerned(), c.confidentialityReasons(), c.urgencyReasons(), c.desiredDate(),
                c.officialsPresenceRequested(), c.officialsPresenceDetails(), attachments);
    }

    static RequestContent withUrgency(RequestContent c, String urgencyReasons, LocalDate desiredDate) {
        return new RequestContent(c.requestingAuthority(), c.proceedingsAuthority(), c.proceedings(), c.summaryOfFacts(),
                c.legalQualification(), c.measures(), c.purpose(), c.contact(), c.language(), c.procedures(),
                c.personsConcerned(), c.confidentialityReasons(), urgencyReasons, desiredDate,
                c.officialsPresenceRequested(), c.officialsPresenceDetails(), c.attachments());
    }

    static RequestContent withConfidentiality(RequestContent c, String confidentialityReasons) {
        return new RequestContent(c.requestingAuthority(), c.proceedingsAuthority(), c.proceedings(), c.summaryOfFacts(),
                c.legalQualification(), c.measures(), c.purpose(), c.contact(), c.language(), c.procedures(),
                c.personsConcerned(), confidentialityReasons, c.urgencyReasons(), c.desiredDate(),
                c.officialsPresenceRequested(), c.officialsPresenceDetails(), c.attachments());
    }

    static Attachment translation(String language) {
        return new Attachment("Translation of the request", AttachmentKind.TRANSLATION, language, "doc:translation-1");
    }

    // ---- given events -------------------------------------------------------------------------

    static RequestEvent.Submitted submitted() {
        return new RequestEvent.Submitted(ID, AR, NL, false, false, content(), M123, T0, date(7), date(30));
    }

    /** The same request, asked to be kept confidential. */
    static RequestEvent.Submitted submittedConfidential() {
        return new RequestEvent.Submitted(ID, AR, NL, false, true,
                withConfidentiality(content(), "Suspects at large could flee"), M123, T0, date(7), date(30));
    }

    static RequestEvent.ConfidentialityNotAssured confidentialityNotAssured() {
        return new RequestEvent.ConfidentialityNotAssured(ID, "Dutch law requires a public court hearing for the search", day(2));
    }

    static RequestEvent.StatusRequested statusRequested(int day) {
        return new RequestEvent.StatusRequested(ID, "Has witness W1 been heard?", date(day + 14), day(day));
    }

    static RequestEvent.Acknowledged acknowledged() {
        return new RequestEvent.Acknowledged(ID, "NL-OM-2025-0042", NL_CONTACT, day(1));
    }

    static RequestEvent.InformationRequested informationRequested() {
        return new RequestEvent.InformationRequested(ID, List.of("Date of birth of witness W1"), date(20), day(2));
    }

    static RequestEvent.InformationProvided informationProvided() {
        return new RequestEvent.InformationProvided(ID, withSummary(content(), "Detainees were tortured; W1 (born 12 May 1950) saw it."),
                "Date of birth added", day(3), date(31));
    }

    static RequestEvent.ConsultationOpened consultationOpened() {
        return new RequestEvent.ConsultationOpened(ID, List.of("The search may interfere with a Dutch investigation"), day(2));
    }

    static RequestEvent.Postponed postponed() {
        return new RequestEvent.Postponed(ID, PostponementReason.ONGOING_DOMESTIC_INVESTIGATION,
                "A Dutch investigation concerns the same premises", date(60), day(3));
    }

    static RequestEvent.ConditionsProposed conditionsProposed() {
        return new RequestEvent.ConditionsProposed(ID, List.of("Bank records are used only in case CFP 1234/2020"), day(3));
    }

    static RequestEvent.Refused refusedAll() {
        return new RequestEvent.Refused(ID, M123, List.of(GroundForRefusal.ESSENTIAL_INTERESTS),
                "Execution would prejudice national security", RequestStatus.REFUSED, day(3));
    }

    static RequestEvent.Accepted accepted(List<String> measureIds, RequestStatus status, int day) {
        return new RequestEvent.Accepted(ID, measureIds, List.of(), date(day + 90), status, day(day));
    }

    static RequestEvent.ProgressReported progress(RequestStatus status, int day, MeasureProgress... updates) {
        return new RequestEvent.ProgressReported(ID, List.of(updates), "Progress on day " + day, status, day(day));
    }

    static MeasureProgress update(String measureId, MeasureStatus status) {
        return new MeasureProgress(measureId, status, measureId + " is " + status);
    }

    /**
     * A history that brings the request to the status. ACCEPTED, IN_EXECUTION and PARTIALLY_EXECUTED
     * keep m3 undecided, so that every action of the table is possible from them except {@code complete}
     * (see {@link #completableHistory()}).
     */
    static List<RequestEvent> historyIn(RequestStatus status) {
        List<RequestEvent> h = new ArrayList<>(List.of(submitted()));
        switch (status) {
            case SUBMITTED -> { }
            case ACKNOWLEDGED -> h.add(acknowledged());
            case INFORMATION_REQUESTED -> h.addAll(List.of(acknowledged(), informationRequested()));
            case UNDER_ASSESSMENT -> h.addAll(List.of(acknowledged(), informationRequested(), informationProvided()));
            case CONSULTATION -> h.addAll(List.of(acknowledged(), consultationOpened()));
            case POSTPONED -> h.addAll(List.of(acknowledged(), consultationOpened(), postponed()));
            case CONDITIONS_PROPOSED -> h.addAll(List.of(acknowledged(), consultationOpened(), conditionsProposed()));
            case REFUSED -> h.addAll(List.of(acknowledged(), consultationOpened(), refusedAll()));
            case ACCEPTED -> h.addAll(List.of(acknowledged(), accepted(List.of("m1", "m2"), RequestStatus.ACCEPTED, 2)));
            case IN_EXECUTION -> h.addAll(List.of(acknowledged(), accepted(List.of("m1", "m2"), RequestStatus.ACCEPTED, 2),
                    progress(RequestStatus.IN_EXECUTION, 3, update("m1", MeasureStatus.IN_EXECUTION))));
            case PARTIALLY_EXECUTED -> h.addAll(List.of(acknowledged(), accepted(List.of("m1", "m2"), RequestStatus.ACCEPTED, 2),
                    progress(RequestStatus.PARTIALLY_EXECUTED, 3, update("m1", MeasureStatus.EXECUTED))));
            case EXECUTED -> {
                h = new ArrayList<>(completableHistory());
                h.add(new RequestEvent.Completed(ID, "All measures executed", day(5)));
            }
            case CLOSED -> {
                h = new ArrayList<>(historyIn(RequestStatus.EXECUTED));
                h.add(new RequestEvent.Closed(ID, "Results received", day(6)));
            }
            case WITHDRAWN -> h.addAll(List.of(acknowledged(), new RequestEvent.Withdrawn(ID, "Suspect deceased", day(2))));
            case CONFIDENTIALITY_NOT_ASSURED -> h = new ArrayList<>(List.of(submittedConfidential(), acknowledged(),
                    confidentialityNotAssured()));
        }
        return h;
    }

    /** Every measure accepted and executed: the requested State may now declare execution complete. */
    static List<RequestEvent> completableHistory() {
        return List.of(submitted(), acknowledged(), accepted(M123, RequestStatus.ACCEPTED, 2),
                progress(RequestStatus.PARTIALLY_EXECUTED, 4,
                        update("m1", MeasureStatus.EXECUTED), update("m2", MeasureStatus.EXECUTED), update("m3", MeasureStatus.EXECUTED)));
    }

    // ---- given / when / then ------------------------------------------------------------------

    static MlaRequest given(RequestEvent... events) {
        return RequestDecider.fold(Arrays.asList(events));
    }

    static MlaRequest given(List<RequestEvent> events) {
        return RequestDecider.fold(events);
    }

    static MlaRequest givenStatus(RequestStatus status) {
        MlaRequest state = given(historyIn(status));
        assertEquals(status, state.status(), "the given history reaches " + status);
        return state;
    }

    /** The state after applying the decided events one by one. */
    static MlaRequest then(MlaRequest state, List<RequestEvent> events) {
        MlaRequest next = state;
        for (RequestEvent e : events) {
            next = RequestDecider.evolve(next, e);
        }
        return next;
    }

    /** The State that may take the action on the request ({@code null} for the system). */
    static StateCode actorOf(RequestAction action, MlaRequest state) {
        return action.by() == Party.SYSTEM ? null : state.stateOf(action.by());
    }

    /** Reference data of the test: three State Parties, their languages and annex E declarations. */
    static final class FakeReferenceData implements ReferenceData {

        private record Declaration(LocalDate from, LocalDate withdrawnOn) {
        }

        /** From when each State is bound by the Convention (entry into force for it, or provisional application). */
        private final Map<StateCode, LocalDate> parties = Map.of(AR, LocalDate.of(2024, 2, 14), NL, LocalDate.of(2024, 2, 15),
                SN, LocalDate.of(2024, 6, 1), CL, LocalDate.of(2025, 6, 1));
        private final Map<StateCode, Set<String>> languages = Map.of(AR, Set.of("es", "en"), NL, Set.of("nl", "en"), SN, Set.of("fr"),
                CL, Set.of("es", "en"));
        /** NL and SN declared annex E in force before the test dates; AR's declaration takes effect on 1 June 2025. */
        private final Map<StateCode, Declaration> annexE = Map.of(
                NL, new Declaration(LocalDate.of(2024, 2, 15), null),
                SN, new Declaration(LocalDate.of(2024, 6, 1), null),
                AR, new Declaration(LocalDate.of(2025, 6, 1), null));

        @Override
        public boolean isStateParty(StateCode state, LocalDate on) {
            LocalDate from = parties.get(state);
            return from != null && !on.isBefore(from);
        }

        @Override
        public boolean acceptsLanguage(StateCode state, String language) {
            return languages.getOrDefault(state, Set.of()).contains(language);
        }

        @Override
        public boolean annexDeclarationInForce(StateCode state, String annex, LocalDate on) {
            Declaration d = "E".equals(annex) ? annexE.get(state) : null;
            return d != null && !on.isBefore(d.from()) && (d.withdrawnOn() == null || on.isBefore(d.withdrawnOn()));
        }
    }
}
