package org.mlaexchange.extradition.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.seal.ErasureReason;
import org.mlaexchange.contracts.extradition.ArrivalChannel;
import org.mlaexchange.contracts.extradition.Assurance;
import org.mlaexchange.contracts.extradition.AssuranceKind;
import org.mlaexchange.contracts.extradition.ConsentDecision;
import org.mlaexchange.contracts.extradition.DeadlineKind;
import org.mlaexchange.contracts.extradition.ExtraditionGround;
import org.mlaexchange.contracts.extradition.ExtraditionStatus;
import org.mlaexchange.contracts.extradition.FormalRequest;
import org.mlaexchange.contracts.extradition.Offence;
import org.mlaexchange.contracts.extradition.PersonSought;
import org.mlaexchange.contracts.extradition.ProsecutionOutcome;
import org.mlaexchange.contracts.extradition.ProvisionalArrestRequest;
import org.mlaexchange.contracts.extradition.ReleaseReason;
import org.mlaexchange.contracts.extradition.SupportingDocument;
import org.mlaexchange.contracts.extradition.SurrenderArrangements;
import org.mlaexchange.contracts.extradition.SurrenderPostponementReason;
import org.mlaexchange.contracts.extradition.TransitDecision;
import org.mlaexchange.contracts.extradition.WarrantReference;
import org.mlaexchange.contracts.extradition.WeighedFactor;
import org.mlaexchange.contracts.request.ContactPerson;

/**
 * State of one extradition case, as rebuilt by folding its events ({@link ExtraditionDecider#fold}).
 * Immutable. Optional parts are {@code null} until the event that sets them.
 *
 * @param version                        number of events folded so far (the {@code caseseq} of the last one)
 * @param channel                        the channel the case arrived through (its first request)
 * @param provisionalArrest              the request for provisional arrest, {@code null} if the case began with the formal request
 * @param formalRequest                  the formal request, {@code null} until it arrived
 * @param inCustody                      whether the requested State holds the person for extradition
 * @param arrests                        every arrest, oldest first
 * @param releases                       every release, oldest first
 * @param releasePossibleDueDate         the provisional-arrest clock: last day for the formal request before release is possible
 * @param releaseCompulsoryDueDate       the provisional-arrest clock: last day before release is compulsory
 * @param simplifiedConsentNoticeDueDate last day to say whether the person consents to simplified extradition
 * @param simplifiedConsent              the latest notice on simplified extradition
 * @param supplementaryInformation       every request for supplementary information and its answer, oldest first
 * @param concurrentRequests             the latest record of concurrent requests for the same person
 * @param surrenderArrangements          the arrangements agreed for surrender; {@code null} when none holds (e.g. postponed)
 * @param transits                       every transit requested, oldest first
 * @param specialityConsents             requests for consent under the rule of speciality, oldest first
 * @param reExtraditionConsents          requests for consent to re-extradition, oldest first
 * @param remindedDeadlines              deadlines whose current due date was already reminded ({@code DeadlineOverdue})
 * @param openedAt                       when the first request arrived
 * @param erasure                        the erasure of the case's personal data, {@code null} if it was not erased:
 *                                       every personal text then reads "erased" and the case takes no more actions
 */
public record ExtraditionCase(
        UUID id,
        StateCode requestingState,
        StateCode requestedState,
        ExtraditionStatus status,
        int version,
        ArrivalChannel channel,
        ProvisionalArrest provisionalArrest,
        FormalRequestSubmission formalRequest,
        Acknowledgement acknowledgement,
        boolean inCustody,
        List<Arrest> arrests,
        List<Release> releases,
        LocalDate releasePossibleDueDate,
        LocalDate releaseCompulsoryDueDate,
        LocalDate simplifiedConsentNoticeDueDate,
        SimplifiedConsent simplifiedConsent,
        List<SupplementaryInformationRequest> supplementaryInformation,
        List<AssurancesRequest> assuranceRequests,
        List<AssurancesGiven> assurancesGiven,
        ConcurrentRequests concurrentRequests,
        Grant grant,
        Refusal refusal,
        Prosecution prosecution,
        SurrenderArrangements surrenderArrangements,
        List<Postponement> postponements,
        List<TemporarySurrender> temporarySurrenders,
        Surrender surrender,
        NotTakenOver notTakenOver,
        List<Transit> transits,
        List<Consent> specialityConsents,
        List<Consent> reExtraditionConsents,
        Withdrawal withdrawal,
        String closingNote,
        Instant closedAt,
        Set<DeadlineKind> remindedDeadlines,
        Instant openedAt,
        Erasure erasure) {

    /** Deadlines are calendar days in this zone: a deadline is overdue from the day after its due date. */
    public static final ZoneOffset DEADLINE_ZONE = ZoneOffset.UTC;

    private static final Set<ExtraditionStatus> TERMINAL = EnumSet.of(ExtraditionStatus.WITHDRAWN, ExtraditionStatus.CLOSED);

    public ExtraditionCase {
        arrests = List.copyOf(arrests);
        releases = List.copyOf(releases);
        supplementaryInformation = List.copyOf(supplementaryInformation);
        assuranceRequests = List.copyOf(assuranceRequests);
        assurancesGiven = List.copyOf(assurancesGiven);
        postponements = List.copyOf(postponements);
        temporarySurrenders = List.copyOf(temporarySurrenders);
        transits = List.copyOf(transits);
        specialityConsents = List.copyOf(specialityConsents);
        reExtraditionConsents = List.copyOf(reExtraditionConsents);
        EnumSet<DeadlineKind> reminded = EnumSet.noneOf(DeadlineKind.class);
        reminded.addAll(remindedDeadlines);
        remindedDeadlines = Collections.unmodifiableSet(reminded);
    }

    // ---- the request as it stands -------------------------------------------------------------

    /** The person sought: from the formal request once it arrived, else from the request for provisional arrest. */
    public PersonSought person() {
        return formalRequest != null ? formalRequest.request().person() : provisionalArrest.request().person();
    }

    public List<Offence> offences() {
        return formalRequest != null ? formalRequest.request().offences() : provisionalArrest.request().offences();
    }

    public WarrantReference warrant() {
        return formalRequest != null ? formalRequest.request().warrant() : provisionalArrest.request().warrant();
    }

    /** The supporting documents: those of the formal request, then those sent with supplementary information. */
    public List<SupportingDocument> documents() {
        List<SupportingDocument> documents = new ArrayList<>();
        if (formalRequest != null) {
            documents.addAll(formalRequest.request().documents());
        }
        supplementaryInformation.forEach(s -> documents.addAll(s.documents()));
        return List.copyOf(documents);
    }

    // ---- parties ------------------------------------------------------------------------------

    /**
     * Whether the State may see and act on the case: the requesting and requested States always, a
     * transit State only while its involvement is active (see {@link Transit#active()}).
     */
    public boolean isParty(StateCode state) {
        return requestingState.equals(state) || requestedState.equals(state) || activeTransit(state).isPresent();
    }

    /** The State that takes the actions of that party (a transit State is found by {@link #activeTransit}). */
    public StateCode stateOf(Party party) {
        return switch (party) {
            case REQUESTING -> requestingState;
            case REQUESTED -> requestedState;
            case TRANSIT, SYSTEM -> throw new IllegalArgumentException("no single State is the " + party.name().toLowerCase() + " party");
        };
    }

    /** The active transit through that State, if any. */
    public Optional<Transit> activeTransit(StateCode state) {
        return transits.stream().filter(t -> t.active() && t.state().equals(state)).findFirst();
    }

    /** The transit States whose involvement is active. */
    public List<StateCode> activeTransitStates() {
        return transits.stream().filter(Transit::active).map(Transit::state).toList();
    }

    // ---- lifecycle ----------------------------------------------------------------------------

    /** Open until withdrawn or closed. */
    public boolean isOpen() {
        return !TERMINAL.contains(status);
    }

    /** Whether the requested State granted or refused extradition. */
    public boolean isDecided() {
        return grant != null || refusal != null;
    }

    /** Whether the requesting State gave an assurance of that kind on this case. */
    public boolean assuranceGiven(AssuranceKind kind) {
        return assurancesGiven.stream().flatMap(a -> a.assurances().stream()).anyMatch(a -> a.kind() == kind);
    }

    /** The current temporary surrender (the person not yet returned), if any. */
    public Optional<TemporarySurrender> currentTemporarySurrender() {
        return temporarySurrenders.stream().filter(t -> t.returnedAt() == null).reduce((first, second) -> second);
    }

    /** A consent request (speciality or re-extradition) by its id. */
    public Optional<Consent> consent(String consentId) {
        return Stream.concat(specialityConsents.stream(), reExtraditionConsents.stream())
                .filter(c -> c.id().equals(consentId)).findFirst();
    }

    /** Whether any consent request awaits the requested State's decision. */
    public boolean anyConsentPending() {
        return Stream.concat(specialityConsents.stream(), reExtraditionConsents.stream()).anyMatch(Consent::pending);
    }

    // ---- deadlines ----------------------------------------------------------------------------

    /** The current due date of a deadline, {@code null} while it is not set. */
    public LocalDate dueDate(DeadlineKind kind) {
        return switch (kind) {
            case FORMAL_REQUEST_RELEASE_POSSIBLE -> releasePossibleDueDate;
            case FORMAL_REQUEST_RELEASE_COMPULSORY -> releaseCompulsoryDueDate;
            case SIMPLIFIED_CONSENT_NOTICE -> simplifiedConsentNoticeDueDate;
            case SUPPLEMENTARY_INFORMATION -> supplementaryInformation.isEmpty() ? null
                    : supplementaryInformation.get(supplementaryInformation.size() - 1).dueDate();
            case SURRENDER_TAKEOVER -> surrenderArrangements == null ? null : surrenderArrangements.date();
            case TEMPORARY_SURRENDER_RETURN -> temporarySurrenders.isEmpty() ? null
                    : temporarySurrenders.get(temporarySurrenders.size() - 1).returnDate();
        };
    }

    /**
     * The State that has to act when the deadline passes: the requesting State owes the formal request,
     * supplementary information, the takeover and the return; the requested State owes the consent notice
     * and, once the longest period passed, the release.
     */
    public StateCode owedBy(DeadlineKind kind) {
        return switch (kind) {
            case FORMAL_REQUEST_RELEASE_COMPULSORY, SIMPLIFIED_CONSENT_NOTICE -> requestedState;
            case FORMAL_REQUEST_RELEASE_POSSIBLE, SUPPLEMENTARY_INFORMATION, SURRENDER_TAKEOVER, TEMPORARY_SURRENDER_RETURN -> requestingState;
        };
    }

    /**
     * The deadlines past due at {@code now} whose milestone was not reached, on an open case (reminded
     * or not): the formal request while the person is provisionally arrested without it; the consent
     * notice while the person is in custody, no notice was given and nothing is decided; supplementary
     * information while it is awaited; the takeover while surrender is scheduled; the return while the
     * person is temporarily surrendered.
     */
    public Set<DeadlineKind> overdueAt(Instant now) {
        EnumSet<DeadlineKind> overdue = EnumSet.noneOf(DeadlineKind.class);
        if (!isOpen()) {
            return overdue;
        }
        LocalDate today = LocalDate.ofInstant(now, DEADLINE_ZONE);
        if (status == ExtraditionStatus.PROVISIONALLY_ARRESTED) {
            addIfPast(overdue, DeadlineKind.FORMAL_REQUEST_RELEASE_POSSIBLE, today);
            addIfPast(overdue, DeadlineKind.FORMAL_REQUEST_RELEASE_COMPULSORY, today);
        }
        if (inCustody && simplifiedConsent == null && !isDecided()) {
            addIfPast(overdue, DeadlineKind.SIMPLIFIED_CONSENT_NOTICE, today);
        }
        if (status == ExtraditionStatus.SUPPLEMENTARY_INFORMATION_REQUESTED) {
            addIfPast(overdue, DeadlineKind.SUPPLEMENTARY_INFORMATION, today);
        }
        if (status == ExtraditionStatus.SURRENDER_SCHEDULED) {
            addIfPast(overdue, DeadlineKind.SURRENDER_TAKEOVER, today);
        }
        if (status == ExtraditionStatus.TEMPORARILY_SURRENDERED) {
            addIfPast(overdue, DeadlineKind.TEMPORARY_SURRENDER_RETURN, today);
        }
        return overdue;
    }

    private void addIfPast(Set<DeadlineKind> overdue, DeadlineKind kind, LocalDate today) {
        LocalDate due = dueDate(kind);
        if (due != null && today.isAfter(due)) {
            overdue.add(kind);
        }
    }

    // ---- parts of the state -------------------------------------------------------------------

    public record ProvisionalArrest(ArrivalChannel channel, ProvisionalArrestRequest request, Instant requestedAt) {
    }

    public record FormalRequestSubmission(ArrivalChannel channel, FormalRequest request, Instant submittedAt) {
    }

    /** The requested State's receipt of the formal request: its own case reference and contact. */
    public record Acknowledgement(String caseReference, ContactPerson contact, Instant acknowledgedAt) {
    }

    /** @param place optional */
    public record Arrest(Instant arrestedAt, String place, Instant recordedAt) {
    }

    /** @param details optional unless the reason is OTHER */
    public record Release(Instant releasedAt, ReleaseReason reason, String details, Instant recordedAt) {
    }

    /** The person's position on simplified extradition, as notified by the requested State. */
    public record SimplifiedConsent(boolean consented, String note, Instant recordedAt) {
    }

    /**
     * A request for supplementary information and, once given, its answer.
     *
     * @param information the answer, {@code null} until provided
     */
    public record SupplementaryInformationRequest(
            List<String> missing,
            LocalDate dueDate,
            Instant requestedAt,
            String information,
            List<SupportingDocument> documents,
            Instant providedAt) {

        public SupplementaryInformationRequest {
            missing = List.copyOf(missing);
            documents = List.copyOf(documents);
        }
    }

    /** @param dueDate optional */
    public record AssurancesRequest(List<Assurance> assurances, LocalDate dueDate, Instant requestedAt) {
        public AssurancesRequest {
            assurances = List.copyOf(assurances);
        }
    }

    public record AssurancesGiven(List<Assurance> assurances, String givenBy, Instant providedAt) {
        public AssurancesGiven {
            assurances = List.copyOf(assurances);
        }
    }

    /** @param chosenCaseId this case or one of {@code otherCaseIds} */
    public record ConcurrentRequests(List<UUID> otherCaseIds, List<WeighedFactor> factors, UUID chosenCaseId, String reasons,
                                     Instant recordedAt) {
        public ConcurrentRequests {
            otherCaseIds = List.copyOf(otherCaseIds);
            factors = List.copyOf(factors);
        }
    }

    /** @param simplified granted on the person's consent to simplified extradition */
    public record Grant(List<String> conditions, List<AssuranceKind> assurancesReliedOn, boolean simplified, Instant grantedAt) {
        public Grant {
            conditions = List.copyOf(conditions);
            assurancesReliedOn = List.copyOf(assurancesReliedOn);
        }
    }

    public record Refusal(List<ExtraditionGround> grounds, String reasons, Instant refusedAt) {
        public Refusal {
            grounds = List.copyOf(grounds);
        }
    }

    /**
     * The submission to the requested State's own prosecutors (aut dedere aut judicare) and its outcome.
     *
     * @param outcome {@code null} until reported
     */
    public record Prosecution(String prosecutingAuthority, String caseReference, Instant submittedAt,
                              ProsecutionOutcome outcome, String outcomeDetails, Instant outcomeReportedAt) {
    }

    public record Postponement(SurrenderPostponementReason reason, String details, Instant postponedAt) {
    }

    /** @param returnedAt {@code null} while the person is away */
    public record TemporarySurrender(String place, LocalDate returnDate, List<String> conditions, Instant surrenderedAt,
                                     String returnNote, Instant returnedAt) {
        public TemporarySurrender {
            conditions = List.copyOf(conditions);
        }
    }

    public record Surrender(String place, String note, Instant surrenderedAt) {
    }

    /** The person was not taken over on the agreed date and was released; the case closed with it. */
    public record NotTakenOver(LocalDate agreedDate, String note, Instant releasedAt) {
    }

    /**
     * Transit through a third State. Its involvement (and so its view of the case) is active from the
     * request until it refuses, or until the person is surrendered (finally or temporarily) or the case
     * ends: then the transit is done.
     *
     * @param airTransitWithoutLanding no landing planned: notified only, no decision is needed
     * @param decision                 {@code null} until decided (and always for a notification)
     */
    public record Transit(
            StateCode state,
            boolean airTransitWithoutLanding,
            String details,
            Instant requestedAt,
            TransitDecision decision,
            List<String> conditions,
            String reasons,
            Instant decidedAt,
            boolean active) {

        public Transit {
            conditions = List.copyOf(conditions);
        }

        /** Whether the transit State still has to decide. */
        public boolean awaitsDecision() {
            return active && !airTransitWithoutLanding && decision == null;
        }
    }

    /**
     * A request for consent after surrender: under the rule of speciality ({@code thirdState} null) or
     * to re-extradite to {@code thirdState}.
     *
     * @param decision {@code null} while pending
     */
    public record Consent(
            String id,
            StateCode thirdState,
            List<Offence> offences,
            String purpose,
            Instant requestedAt,
            ConsentDecision decision,
            List<String> conditions,
            String reasons,
            Instant decidedAt) {

        public Consent {
            offences = List.copyOf(offences);
            conditions = List.copyOf(conditions);
        }

        public boolean pending() {
            return decision == null;
        }
    }

    public record Withdrawal(String reasons, Instant withdrawnAt) {
    }

    /** Who erased the case's personal data ({@code null}: an operator's retention rule), why and when. */
    public record Erasure(StateCode erasedBy, ErasureReason reason, Instant erasedAt) {
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** A mutable copy used by {@link ExtraditionDecider#evolve} to build the next state. */
    static final class Builder {
        UUID id;
        StateCode requestingState;
        StateCode requestedState;
        ExtraditionStatus status;
        int version;
        ArrivalChannel channel;
        ProvisionalArrest provisionalArrest;
        FormalRequestSubmission formalRequest;
        Acknowledgement acknowledgement;
        boolean inCustody;
        List<Arrest> arrests = new ArrayList<>();
        List<Release> releases = new ArrayList<>();
        LocalDate releasePossibleDueDate;
        LocalDate releaseCompulsoryDueDate;
        LocalDate simplifiedConsentNoticeDueDate;
        SimplifiedConsent simplifiedConsent;
        List<SupplementaryInformationRequest> supplementaryInformation = new ArrayList<>();
        List<AssurancesRequest> assuranceRequests = new ArrayList<>();
        List<AssurancesGiven> assurancesGiven = new ArrayList<>();
        ConcurrentRequests concurrentRequests;
        Grant grant;
        Refusal refusal;
        Prosecution prosecution;
        SurrenderArrangements surrenderArrangements;
        List<Postponement> postponements = new ArrayList<>();
        List<TemporarySurrender> temporarySurrenders = new ArrayList<>();
        Surrender surrender;
        NotTakenOver notTakenOver;
        List<Transit> transits = new ArrayList<>();
        List<Consent> specialityConsents = new ArrayList<>();
        List<Consent> reExtraditionConsents = new ArrayList<>();
        Withdrawal withdrawal;
        String closingNote;
        Instant closedAt;
        EnumSet<DeadlineKind> remindedDeadlines = EnumSet.noneOf(DeadlineKind.class);
        Instant openedAt;
        Erasure erasure;

        Builder() {
        }

        private Builder(ExtraditionCase c) {
            id = c.id;
            requestingState = c.requestingState;
            requestedState = c.requestedState;
            status = c.status;
            version = c.version;
            channel = c.channel;
            provisionalArrest = c.provisionalArrest;
            formalRequest = c.formalRequest;
            acknowledgement = c.acknowledgement;
            inCustody = c.inCustody;
            arrests = new ArrayList<>(c.arrests);
            releases = new ArrayList<>(c.releases);
            releasePossibleDueDate = c.releasePossibleDueDate;
            releaseCompulsoryDueDate = c.releaseCompulsoryDueDate;
            simplifiedConsentNoticeDueDate = c.simplifiedConsentNoticeDueDate;
            simplifiedConsent = c.simplifiedConsent;
            supplementaryInformation = new ArrayList<>(c.supplementaryInformation);
            assuranceRequests = new ArrayList<>(c.assuranceRequests);
            assurancesGiven = new ArrayList<>(c.assurancesGiven);
            concurrentRequests = c.concurrentRequests;
            grant = c.grant;
            refusal = c.refusal;
            prosecution = c.prosecution;
            surrenderArrangements = c.surrenderArrangements;
            postponements = new ArrayList<>(c.postponements);
            temporarySurrenders = new ArrayList<>(c.temporarySurrenders);
            surrender = c.surrender;
            notTakenOver = c.notTakenOver;
            transits = new ArrayList<>(c.transits);
            specialityConsents = new ArrayList<>(c.specialityConsents);
            reExtraditionConsents = new ArrayList<>(c.reExtraditionConsents);
            withdrawal = c.withdrawal;
            closingNote = c.closingNote;
            closedAt = c.closedAt;
            remindedDeadlines.addAll(c.remindedDeadlines);
            openedAt = c.openedAt;
            erasure = c.erasure;
        }

        ExtraditionCase build() {
            return new ExtraditionCase(id, requestingState, requestedState, status, version, channel, provisionalArrest,
                    formalRequest, acknowledgement, inCustody, arrests, releases, releasePossibleDueDate,
                    releaseCompulsoryDueDate, simplifiedConsentNoticeDueDate, simplifiedConsent, supplementaryInformation,
                    assuranceRequests, assurancesGiven, concurrentRequests, grant, refusal, prosecution,
                    surrenderArrangements, postponements, temporarySurrenders, surrender, notTakenOver, transits,
                    specialityConsents, reExtraditionConsents, withdrawal, closingNote, closedAt, remindedDeadlines,
                    openedAt, erasure);
        }
    }
}
