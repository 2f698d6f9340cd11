package org.mlaexchange.extradition.domain;

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
import org.mlaexchange.contracts.extradition.ArrivalChannel;
import org.mlaexchange.contracts.extradition.Assurance;
import org.mlaexchange.contracts.extradition.AssuranceKind;
import org.mlaexchange.contracts.extradition.ConcurrencyFactor;
import org.mlaexchange.contracts.extradition.ConsentDecision;
import org.mlaexchange.contracts.extradition.ExtraditionEvent;
import org.mlaexchange.contracts.extradition.ExtraditionGround;
import org.mlaexchange.contracts.extradition.ExtraditionStatus;
import org.mlaexchange.contracts.extradition.FormalRequest;
import org.mlaexchange.contracts.extradition.IdentifierKind;
import org.mlaexchange.contracts.extradition.Offence;
import org.mlaexchange.contracts.extradition.PersonIdentifier;
import org.mlaexchange.contracts.extradition.PersonSought;
import org.mlaexchange.contracts.extradition.ProsecutionOutcome;
import org.mlaexchange.contracts.extradition.ProvisionalArrestRequest;
import org.mlaexchange.contracts.extradition.ReleaseReason;
import org.mlaexchange.contracts.extradition.SupportingDocument;
import org.mlaexchange.contracts.extradition.SurrenderArrangements;
import org.mlaexchange.contracts.extradition.SurrenderPostponementReason;
import org.mlaexchange.contracts.extradition.TransitDecision;
import org.mlaexchange.contracts.extradition.WarrantKind;
import org.mlaexchange.contracts.extradition.WarrantReference;
import org.mlaexchange.contracts.extradition.WeighedFactor;
import org.mlaexchange.contracts.request.ContactPerson;
import org.mlaexchange.contracts.request.CrimeCategory;
import org.mlaexchange.contracts.request.LegalQualification;
import org.mlaexchange.contracts.seal.ErasureReason;

/**
 * Shared givens of the domain tests: four States, reference data, a provisional-arrest policy, a case
 * in which Argentina seeks a person from the Netherlands, and the events that bring it to each status.
 * Two paths lead there: the provisional-arrest path (the person arrested on day 1 and held since) and
 * the formal-request path (the person never arrested).
 */
final class ExtraditionFixtures {

    static final StateCode AR = StateCode.of("AR");
    static final StateCode NL = StateCode.of("NL");
    /** A State Party that is not a party to the case; the transit State of the tests. */
    static final StateCode SN = StateCode.of("SN");
    /** Another State Party, not a party to the case. */
    static final StateCode DE = StateCode.of("DE");
    /** A State that is not a State Party. */
    static final StateCode XX = StateCode.of("XX");

    static final UUID ID = UUID.fromString("0b6a4a1e-1f0c-4c1e-9a57-5d2c3e4f5a61");
    static final UUID OTHER_CASE = UUID.fromString("7d9e0f21-3a4b-4c5d-8e6f-708192a3b4c5");
    static final UUID EVIDENCE_ITEM = UUID.fromString("3c2b1a00-9f8e-4d7c-b6a5-948372615040");
    /** Monday 3 March 2025, 09:00 UTC: the first request arrives. */
    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    static final LocalDate D0 = LocalDate.of(2025, 3, 3);

    static final ContactPerson AR_CONTACT = new ContactPerson("M. García", "extradiciones@jus.example.ar", "+54 11 0000 0000");
    static final ContactPerson NL_CONTACT = new ContactPerson("J. de Vries", "extradition@om.example.nl", null);

    static final FakeReferenceData REFERENCE = new FakeReferenceData();
    /** ECE model 18 / 40 / 10 days, except AR → SN, which agreed 20 / 45 / 12. */
    static final ExtraditionPolicy POLICY = (requesting, requested) -> requesting.equals(AR) && requested.equals(SN)
            ? new ExtraditionPolicy.Periods(Period.ofDays(20), Period.ofDays(45), Period.ofDays(12))
            : new ExtraditionPolicy.Periods(Period.ofDays(18), Period.ofDays(40), Period.ofDays(10));
    static final ExtraditionDecider DECIDER = new ExtraditionDecider(REFERENCE, POLICY);

    private ExtraditionFixtures() {
    }

    static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    static LocalDate date(int n) {
        return D0.plusDays(n);
    }

    // ---- content ------------------------------------------------------------------------------

    static PersonSought person() {
        return person(false);
    }

    static PersonSought person(boolean protectedPerson) {
        return new PersonSought(List.of("Carlos Alberto Méndez"), List.of("El Capitán"), LocalDate.of(1950, 5, 12), "Córdoba",
                List.of("AR"), List.of(new PersonIdentifier(IdentifierKind.PASSPORT, "AAB123456", "AR")),
                "1.80 m, scar on the left hand", protectedPerson);
    }

    static Offence offence() {
        return new Offence(new LegalQualification(CrimeCategory.CRIMES_AGAINST_HUMANITY, null, "Law 26.200, art. 9", "Life imprisonment"),
                "Torture and enforced disappearance of detainees at detention centre X",
                LocalDate.of(1976, 3, 24), LocalDate.of(1983, 12, 10), "Detention centre X, Córdoba");
    }

    /** Another offence committed long before the surrender: the subject of speciality consents. */
    static Offence earlierOffence() {
        return new Offence(new LegalQualification(CrimeCategory.WAR_CRIMES, null, "Law 26.200, art. 10", "25 years"),
                "Attack on a protected hospital", LocalDate.of(1982, 5, 2), null, "Puerto Argentino");
    }

    static WarrantReference warrant() {
        return new WarrantReference(WarrantKind.ARREST_WARRANT, "CFP 1234/2020", "Juzgado Federal No. 3", LocalDate.of(2024, 11, 1));
    }

    static SupportingDocument document(String title) {
        return new SupportingDocument(title, EVIDENCE_ITEM, null);
    }

    static ProvisionalArrestRequest provisionalArrestRequest(PersonSought person) {
        return new ProvisionalArrestRequest(person, List.of(offence()), warrant(), "Believed to live in Amsterdam",
                "The person is about to leave the Netherlands", AR_CONTACT, true);
    }

    static FormalRequest formalRequest() {
        return formalRequest(person());
    }

    static FormalRequest formalRequest(PersonSought person) {
        return new FormalRequest(person, List.of(offence()), warrant(),
                List.of(document("Warrant of arrest, certified copy"), document("Statement of the offences and the law")), AR_CONTACT);
    }

    // ---- given events -------------------------------------------------------------------------

    static ExtraditionEvent.ProvisionalArrestRequested provisionalArrestRequested() {
        return new ExtraditionEvent.ProvisionalArrestRequested(ID, AR, NL, ArrivalChannel.INTERPOL, provisionalArrestRequest(person()), T0);
    }

    /** The provisional arrest on day 1: 18 / 40 / 10 days from it. */
    static ExtraditionEvent.ArrestRecorded arrested() {
        return new ExtraditionEvent.ArrestRecorded(ID, day(1), "Amsterdam", date(19), date(41), date(11), day(1));
    }

    static ExtraditionEvent.ReleaseRecorded released(int day) {
        return new ExtraditionEvent.ReleaseRecorded(ID, day(day), ReleaseReason.FORMAL_REQUEST_NOT_RECEIVED, null, day(day));
    }

    static ExtraditionEvent.FormalRequestSubmitted formalRequestSubmitted(int day) {
        return new ExtraditionEvent.FormalRequestSubmitted(ID, ArrivalChannel.DIPLOMATIC, formalRequest(), day(day));
    }

    static ExtraditionEvent.ExtraditionRequested extraditionRequested() {
        return new ExtraditionEvent.ExtraditionRequested(ID, AR, NL, ArrivalChannel.DIPLOMATIC, formalRequest(), T0);
    }

    static ExtraditionEvent.RequestAcknowledged acknowledged() {
        return new ExtraditionEvent.RequestAcknowledged(ID, "NL-OM-EXT-2025-7", NL_CONTACT, day(11));
    }

    static ExtraditionEvent.SupplementaryInformationRequested supplementaryInformationRequested() {
        return new ExtraditionEvent.SupplementaryInformationRequested(ID, List.of("Certified copy of the law"), date(40), day(12));
    }

    static ExtraditionEvent.SimplifiedConsentRecorded simplifiedConsent(boolean consented) {
        return new ExtraditionEvent.SimplifiedConsentRecorded(ID, consented, "Heard by the court on day 12", day(12));
    }

    static Assurance deathPenaltyAssurance() {
        return new Assurance(AssuranceKind.DEATH_PENALTY, "The death penalty will not be imposed or carried out");
    }

    static ExtraditionEvent.AssurancesRequested assurancesRequested() {
        return new ExtraditionEvent.AssurancesRequested(ID, List.of(deathPenaltyAssurance()), null, day(12));
    }

    static ExtraditionEvent.AssurancesProvided assurancesProvided() {
        return new ExtraditionEvent.AssurancesProvided(ID, List.of(deathPenaltyAssurance()), "Ministerio de Justicia", day(13));
    }

    static ExtraditionEvent.Granted granted() {
        return new ExtraditionEvent.Granted(ID, List.of("Rule of speciality applies"), List.of(), false, day(14));
    }

    static ExtraditionEvent.Refused refused(ExtraditionGround... grounds) {
        return new ExtraditionEvent.Refused(ID, List.of(grounds), "Reasons of the court of appeal", day(14));
    }

    static ExtraditionEvent.SubmittedForProsecution submittedForProsecution() {
        return new ExtraditionEvent.SubmittedForProsecution(ID, "Landelijk Parket", "NL-OM-2025-99", day(15));
    }

    /** Surrender agreed on day 15, at Schiphol on day 16. */
    static ExtraditionEvent.SurrenderScheduled surrenderScheduled() {
        return new ExtraditionEvent.SurrenderScheduled(ID, new SurrenderArrangements("Schiphol airport", date(16), null), day(15));
    }

    static ExtraditionEvent.SurrenderPostponed surrenderPostponed() {
        return new ExtraditionEvent.SurrenderPostponed(ID, SurrenderPostponementReason.SERVING_SENTENCE,
                "Serving a sentence for fraud until 2027", day(15));
    }

    static ExtraditionEvent.TemporarilySurrendered temporarilySurrendered() {
        return new ExtraditionEvent.TemporarilySurrendered(ID, "Schiphol airport", date(90), List.of("Kept in custody"), day(16));
    }

    static ExtraditionEvent.Surrendered surrendered() {
        return new ExtraditionEvent.Surrendered(ID, "Schiphol airport", null, day(16));
    }

    static ExtraditionEvent.TransitRequested transitRequested(StateCode transitState, boolean airTransitWithoutLanding) {
        return new ExtraditionEvent.TransitRequested(ID, transitState, airTransitWithoutLanding, "Flight AMS-DKR-EZE", day(15));
    }

    static ExtraditionEvent.SpecialityConsentRequested specialityConsentRequested(String consentId) {
        return new ExtraditionEvent.SpecialityConsentRequested(ID, consentId, List.of(earlierOffence()), "Prosecution", day(40));
    }

    static ExtraditionEvent.ReExtraditionConsentRequested reExtraditionConsentRequested(String consentId) {
        return new ExtraditionEvent.ReExtraditionConsentRequested(ID, consentId, SN, List.of(offence()), "Trial in SN", day(40));
    }

    /** A history on the provisional-arrest path: the person arrested on day 1 and held. */
    static List<ExtraditionEvent> historyIn(ExtraditionStatus status) {
        return historyIn(status, true);
    }

    /**
     * A history that brings the case to the status.
     *
     * @param provisionalArrestPath the case began with a provisional arrest and the person is held (from
     *                              REQUEST_SUBMITTED on, {@code false} gives the formal-request path where
     *                              the person was never arrested)
     */
    static List<ExtraditionEvent> historyIn(ExtraditionStatus status, boolean provisionalArrestPath) {
        List<ExtraditionEvent> h = new ArrayList<>();
        switch (status) {
            case PROVISIONAL_ARREST_REQUESTED -> h.add(provisionalArrestRequested());
            case PROVISIONALLY_ARRESTED -> h.addAll(List.of(provisionalArrestRequested(), arrested()));
            case RELEASED_PENDING_REQUEST -> h.addAll(List.of(provisionalArrestRequested(), arrested(), released(19)));
            case REQUEST_SUBMITTED -> h.addAll(provisionalArrestPath
                    ? List.of(provisionalArrestRequested(), arrested(), formalRequestSubmitted(10))
                    : List.of(extraditionRequested()));
            case REQUEST_ACKNOWLEDGED -> {
                h.addAll(historyIn(ExtraditionStatus.REQUEST_SUBMITTED, provisionalArrestPath));
                h.add(acknowledged());
            }
            case SUPPLEMENTARY_INFORMATION_REQUESTED, CONSENT_TO_SIMPLIFIED_EXTRADITION, ASSURANCES_REQUESTED, GRANTED, REFUSED,
                    WITHDRAWN -> {
                h.addAll(historyIn(ExtraditionStatus.REQUEST_ACKNOWLEDGED, provisionalArrestPath));
                h.add(switch (status) {
                    case SUPPLEMENTARY_INFORMATION_REQUESTED -> supplementaryInformationRequested();
                    case CONSENT_TO_SIMPLIFIED_EXTRADITION -> simplifiedConsent(true);
                    case ASSURANCES_REQUESTED -> assurancesRequested();
                    case GRANTED -> granted();
                    case REFUSED -> refused(ExtraditionGround.TORTURE_RISK);
                    default -> new ExtraditionEvent.Withdrawn(ID, "The person died", day(12));
                });
            }
            case ASSURANCES_PROVIDED -> {
                h.addAll(historyIn(ExtraditionStatus.ASSURANCES_REQUESTED, provisionalArrestPath));
                h.add(assurancesProvided());
            }
            case SURRENDER_SCHEDULED, SURRENDER_POSTPONED -> {
                h.addAll(historyIn(ExtraditionStatus.GRANTED, provisionalArrestPath));
                h.add(status == ExtraditionStatus.SURRENDER_SCHEDULED ? surrenderScheduled() : surrenderPostponed());
            }
            case TEMPORARILY_SURRENDERED -> {
                h.addAll(historyIn(ExtraditionStatus.SURRENDER_POSTPONED, provisionalArrestPath));
                h.add(temporarilySurrendered());
            }
            case SURRENDERED -> {
                h.addAll(historyIn(ExtraditionStatus.SURRENDER_SCHEDULED, provisionalArrestPath));
                h.add(surrendered());
            }
            case SUBMITTED_FOR_PROSECUTION -> {
                h.addAll(historyIn(ExtraditionStatus.REFUSED, provisionalArrestPath));
                h.add(submittedForProsecution());
            }
            case PROSECUTION_OUTCOME_REPORTED -> {
                h.addAll(historyIn(ExtraditionStatus.SUBMITTED_FOR_PROSECUTION, provisionalArrestPath));
                h.add(new ExtraditionEvent.ProsecutionOutcomeReported(ID, ProsecutionOutcome.CONVICTED, "Life imprisonment", day(300)));
            }
            case CLOSED -> {
                h.addAll(historyIn(ExtraditionStatus.SURRENDERED, provisionalArrestPath));
                h.add(new ExtraditionEvent.Closed(ID, "Person received", day(17)));
            }
        }
        return h;
    }

    /**
     * The case in the status, prepared so that the action's own guards pass: an arrest needs a person
     * at liberty (the formal-request path), a transit decision an active transit through SN, a consent
     * decision a pending consent request.
     */
    static ExtraditionCase givenFor(ExtraditionAction action, ExtraditionStatus status) {
        List<ExtraditionEvent> h = new ArrayList<>(historyIn(status, action != ExtraditionAction.RECORD_ARREST));
        switch (action) {
            case DECIDE_TRANSIT -> h.add(transitRequested(SN, false));
            case DECIDE_SPECIALITY_CONSENT -> h.add(specialityConsentRequested("speciality-1"));
            case DECIDE_RE_EXTRADITION_CONSENT -> h.add(reExtraditionConsentRequested("re-extradition-1"));
            default -> { }
        }
        ExtraditionCase state = given(h);
        assertEquals(status, state.status(), "the given history reaches " + status);
        return state;
    }

    // ---- given / when / then ------------------------------------------------------------------

    static ExtraditionCase given(ExtraditionEvent... events) {
        return ExtraditionDecider.fold(Arrays.asList(events));
    }

    static ExtraditionCase given(List<ExtraditionEvent> events) {
        return ExtraditionDecider.fold(events);
    }

    static ExtraditionCase givenStatus(ExtraditionStatus status) {
        ExtraditionCase state = given(historyIn(status));
        assertEquals(status, state.status(), "the given history reaches " + status);
        return state;
    }

    /** The history in the status, followed by more events. */
    static ExtraditionCase givenStatus(ExtraditionStatus status, ExtraditionEvent... more) {
        List<ExtraditionEvent> h = new ArrayList<>(historyIn(status));
        h.addAll(Arrays.asList(more));
        return given(h);
    }

    /** The state after applying the decided events one by one. */
    static ExtraditionCase then(ExtraditionCase state, List<ExtraditionEvent> events) {
        ExtraditionCase next = state;
        for (ExtraditionEvent e : events) {
            next = ExtraditionDecider.evolve(next, e);
        }
        return next;
    }

    /** Decides and applies in one step. */
    static ExtraditionCase act(ExtraditionCase state, ExtraditionCommand command, StateCode actor, Instant now) {
        return then(state, DECIDER.decide(state, command, actor, now));
    }

    /** The State that may take the action on the case ({@code null} for the system; SN for the transit State). */
    static StateCode actorOf(ExtraditionAction action, ExtraditionCase state) {
        return switch (action.by()) {
            case SYSTEM -> null;
            case TRANSIT -> SN;
            case REQUESTING, REQUESTED -> state.stateOf(action.by());
        };
    }

    /** A command for the action that passes every rule on the states given by {@link #givenFor}, on {@code day(20)}. */
    static ExtraditionCommand validCommand(ExtraditionAction action) {
        return switch (action) {
            case REQUEST_PROVISIONAL_ARREST -> new ExtraditionCommand.RequestProvisionalArrest(ID, NL, ArrivalChannel.INTERPOL,
                    provisionalArrestRequest(person()));
            case SUBMIT_REQUEST -> new ExtraditionCommand.SubmitExtraditionRequest(ID, NL, ArrivalChannel.DIPLOMATIC, formalRequest());
            case SUBMIT_FORMAL_REQUEST -> new ExtraditionCommand.SubmitFormalRequest(ArrivalChannel.DIPLOMATIC, formalRequest());
            case RECORD_ARREST -> new ExtraditionCommand.RecordArrest(day(19), "Amsterdam");
            case RECORD_RELEASE -> new ExtraditionCommand.RecordRelease(day(19), ReleaseReason.COURT_ORDER, "Released on conditions");
            case ACKNOWLEDGE -> new ExtraditionCommand.AcknowledgeRequest("NL-OM-EXT-2025-7", NL_CONTACT);
            case REQUEST_SUPPLEMENTARY_INFORMATION -> new ExtraditionCommand.RequestSupplementaryInformation(
                    List.of("Certified copy of the law"), date(40));
            case PROVIDE_SUPPLEMENTARY_INFORMATION -> new ExtraditionCommand.ProvideSupplementaryInformation("Copy attached",
                    List.of(document("Law 26.200, certified copy")));
            case RECORD_SIMPLIFIED_CONSENT -> new ExtraditionCommand.RecordSimplifiedConsent(true, "Consent given before the court");
            case REQUEST_ASSURANCES -> new ExtraditionCommand.RequestAssurances(List.of(deathPenaltyAssurance()), date(40));
            case PROVIDE_ASSURANCES -> new ExtraditionCommand.ProvideAssurances(List.of(deathPenaltyAssurance()), "Ministerio de Justicia");
            case GRANT -> new ExtraditionCommand.Grant(List.of("Rule of speciality applies"), List.of());
            case REFUSE -> new ExtraditionCommand.Refuse(List.of(ExtraditionGround.TORTURE_RISK), "Real risk of ill-treatment");
            case SUBMIT_FOR_PROSECUTION -> new ExtraditionCommand.SubmitForProsecution("Landelijk Parket", "NL-OM-2025-99");
            case REPORT_PROSECUTION_OUTCOME -> new ExtraditionCommand.ReportProsecutionOutcome(ProsecutionOutcome.CONVICTED,
                    "Sentenced to life imprisonment");
            case SCHEDULE_SURRENDER -> new ExtraditionCommand.ScheduleSurrender(new SurrenderArrangements("Schiphol airport", date(30), null));
            case POSTPONE_SURRENDER -> new ExtraditionCommand.PostponeSurrender(SurrenderPostponementReason.DOMESTIC_PROCEEDINGS,
                    "Trial in The Hague for fraud");
            case TEMPORARY_SURRENDER -> new ExtraditionCommand.TemporarySurrender("Schiphol airport", date(90), List.of("Return after the trial"));
            case RECORD_RETURN -> new ExtraditionCommand.RecordReturn("Returned by the Argentine escort");
            case RECORD_SURRENDER -> new ExtraditionCommand.RecordSurrender("Handed over to the Argentine escort");
            case RECORD_NOT_TAKEN_OVER -> new ExtraditionCommand.RecordNotTakenOver("No escort came");
            case REQUEST_TRANSIT -> new ExtraditionCommand.RequestTransit(SN, false, "Flight AMS-DKR-EZE with a stop in Dakar");
            case DECIDE_TRANSIT -> new ExtraditionCommand.DecideTransit(TransitDecision.AUTHORISED, List.of(), null);
            case RECORD_CONCURRENT_REQUESTS -> new ExtraditionCommand.RecordConcurrentRequests(List.of(OTHER_CASE),
                    List.of(new WeighedFactor(ConcurrencyFactor.PLACE_OF_COMMISSION, "All the crimes were committed in Argentina")),
                    ID, "Argentina is where the crimes and the victims are");
            case REQUEST_SPECIALITY_CONSENT -> new ExtraditionCommand.RequestSpecialityConsent(List.of(earlierOffence()),
                    "Prosecution for the attack on the hospital");
            case DECIDE_SPECIALITY_CONSENT -> new ExtraditionCommand.DecideSpecialityConsent("speciality-1", ConsentDecision.GRANTED,
                    List.of(), null);
            case REQUEST_RE_EXTRADITION_CONSENT -> new ExtraditionCommand.RequestReExtraditionConsent(SN, List.of(offence()),
                    "Trial in Senegal");
            case DECIDE_RE_EXTRADITION_CONSENT -> new ExtraditionCommand.DecideReExtraditionConsent("re-extradition-1",
                    ConsentDecision.GRANTED_WITH_CONDITIONS, List.of("No further re-extradition"), null);
            case WITHDRAW -> new ExtraditionCommand.Withdraw("The person died");
            case CLOSE -> new ExtraditionCommand.Close("Done");
            case ERASE_PERSONAL_DATA -> new ExtraditionCommand.ErasePersonalData(ErasureReason.PURPOSE_FULFILLED);
            case RECORD_OVERDUE_DEADLINES -> new ExtraditionCommand.RecordOverdueDeadlines();
        };
    }

    /** Reference data of the test: four State Parties, their channels, and their annex E declarations. */
    static final class FakeReferenceData implements ReferenceData {

        private final Set<StateCode> parties = Set.of(AR, NL, SN, DE);
        private final Map<StateCode, Set<ArrivalChannel>> channels = Map.of(
                AR, Set.of(ArrivalChannel.values()),
                NL, Set.of(ArrivalChannel.values()),
                SN, Set.of(ArrivalChannel.DIRECT, ArrivalChannel.DIPLOMATIC, ArrivalChannel.INTERPOL),
                DE, Set.of(ArrivalChannel.values()));
        /** NL and SN declared annex E in force before the test dates; AR's declaration takes effect on 1 June 2025. */
        private final Map<StateCode, LocalDate> annexEFrom = Map.of(
                NL, LocalDate.of(2024, 2, 15),
                SN, LocalDate.of(2024, 6, 1),
                AR, LocalDate.of(2025, 6, 1));

        @Override
        public boolean isStateParty(StateCode state, LocalDate on) {
            return parties.contains(state);
        }

        @Override
        public boolean acceptsChannel(StateCode state, ArrivalChannel channel) {
            return channels.getOrDefault(state, Set.of()).contains(channel);
        }

        @Override
        public boolean annexDeclarationInForce(StateCode state, String annex, LocalDate on) {
            LocalDate from = "E".equals(annex) ? annexEFrom.get(state) : null;
            return from != null && !on.isBefore(from);
        }
    }
}
