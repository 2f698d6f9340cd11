package org.mlaexchange.contracts.extradition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.request.ContactPerson;
import org.mlaexchange.contracts.seal.ErasureReason;
import org.mlaexchange.contracts.seal.NotPersonal;
import org.mlaexchange.contracts.seal.SealsPersonalData;

/**
 * The published events of an extradition case (topic {@code mla.extradition.events}, key: the case
 * id). Each event carries everything needed to rebuild the case by folding its events in order; moments
 * are {@link Instant}s, calendar dates {@link LocalDate}s (deadlines are calendar days in UTC, and
 * their due dates are computed when the event is decided, never when it is folded). The CloudEvents
 * type of each event is in {@link ExtraditionEventTypes}, never derived from these class names. Fields
 * are only added, never changed: a breaking change is a new {@code .v2} type. Optional values are
 * {@code null}; lists are never null.
 *
 * <p>Their personal data (every text but those marked {@link NotPersonal}: the person sought's identity,
 * offences, reasons, notes, places, officials, contacts) is sealed with the case's data key before the
 * event enters the log ({@link org.mlaexchange.contracts.seal.PersonalData}); enums, dates, flags, ids and
 * State codes stay in clear, so statuses and statistics fold without a key.
 */
@SealsPersonalData
public sealed interface ExtraditionEvent {

    UUID caseId();

    /** The requesting State asked for the provisional arrest of a person: the case starts. */
    record ProvisionalArrestRequested(
            UUID caseId,
            StateCode requestingState,
            StateCode requestedState,
            ArrivalChannel channel,
            ProvisionalArrestRequest request,
            Instant requestedAt) implements ExtraditionEvent {
    }

    /** The requesting State submitted a formal extradition request without a provisional arrest first: the case starts. */
    record ExtraditionRequested(
            UUID caseId,
            StateCode requestingState,
            StateCode requestedState,
            ArrivalChannel channel,
            FormalRequest request,
            Instant submittedAt) implements ExtraditionEvent {
    }

    /** The formal request followed a request for provisional arrest on the same case. */
    record FormalRequestSubmitted(
            UUID caseId,
            ArrivalChannel channel,
            FormalRequest request,
            Instant submittedAt) implements ExtraditionEvent {
    }

    /** The requested State acknowledged the formal request (a legal receipt, distinct from delivery). */
    record RequestAcknowledged(
            UUID caseId,
            String caseReference,
            ContactPerson contact,
            Instant acknowledgedAt) implements ExtraditionEvent {
    }

    /**
     * The requested State arrested the person. A provisional arrest starts the clock: the three due
     * dates are set; an arrest once the formal request is there sets none of them.
     *
     * @param arrestedAt                     when the arrest took place
     * @param place                          where (optional)
     * @param releasePossibleDueDate         last day for the formal request before release is possible, or null
     * @param releaseCompulsoryDueDate       last day for the formal request before release is compulsory, or null
     * @param simplifiedConsentNoticeDueDate last day to say whether the person consents to simplified extradition, or null
     */
    record ArrestRecorded(
            UUID caseId,
            Instant arrestedAt,
            String place,
            LocalDate releasePossibleDueDate,
            LocalDate releaseCompulsoryDueDate,
            LocalDate simplifiedConsentNoticeDueDate,
            Instant recordedAt) implements ExtraditionEvent {
    }

    /** The requested State released the person. {@code details} is optional unless {@code reason} is OTHER. */
    record ReleaseRecorded(
            UUID caseId,
            Instant releasedAt,
            ReleaseReason reason,
            String details,
            Instant recordedAt) implements ExtraditionEvent {
    }

    /** The requested State asked for supplementary information, to be provided by {@code dueDate}. */
    record SupplementaryInformationRequested(
            UUID caseId,
            List<String> missing,
            LocalDate dueDate,
            Instant requestedAt) implements ExtraditionEvent {

        public SupplementaryInformationRequested {
            missing = ContractLists.copy(missing);
        }
    }

    /** The requesting State provided the supplementary information, with further documents (may be empty). */
    record SupplementaryInformationProvided(
            UUID caseId,
            String information,
            List<SupportingDocument> documents,
            Instant providedAt) implements ExtraditionEvent {

        public SupplementaryInformationProvided {
            documents = ContractLists.copy(documents);
        }
    }

    /**
     * The requested State said whether the person consents to simplified extradition.
     *
     * @param consented whether the person consented (a refusal to consent is also notified)
     * @param note      optional
     */
    record SimplifiedConsentRecorded(
            UUID caseId,
            boolean consented,
            String note,
            Instant recordedAt) implements ExtraditionEvent {
    }

    /** The requested State asked for assurances. {@code dueDate} is optional. */
    record AssurancesRequested(
            UUID caseId,
            List<Assurance> assurances,
            LocalDate dueDate,
            Instant requestedAt) implements ExtraditionEvent {

        public AssurancesRequested {
            assurances = ContractLists.copy(assurances);
        }
    }

    /** The requesting State gave assurances, through the named authority. */
    record AssurancesProvided(
            UUID caseId,
            List<Assurance> assurances,
            String givenBy,
            Instant providedAt) implements ExtraditionEvent {

        public AssurancesProvided {
            assurances = ContractLists.copy(assurances);
        }
    }

    /**
     * The requested State granted extradition.
     *
     * @param conditions         conditions attached to the grant (may be empty)
     * @param assurancesReliedOn kinds of the assurances given that the grant relies on (may be empty)
     * @param simplified         granted on the person's consent to simplified extradition
     */
    record Granted(
            UUID caseId,
            List<String> conditions,
            List<AssuranceKind> assurancesReliedOn,
            boolean simplified,
            Instant grantedAt) implements ExtraditionEvent {

        public Granted {
            conditions = ContractLists.copy(conditions);
            assurancesReliedOn = ContractLists.copy(assurancesReliedOn);
        }
    }

    /** The requested State refused extradition, on at least one ground, with written reasons. */
    record Refused(
            UUID caseId,
            List<ExtraditionGround> grounds,
            String reasons,
            Instant refusedAt) implements ExtraditionEvent {

        public Refused {
            grounds = ContractLists.copy(grounds);
        }
    }

    /** Aut dedere aut judicare: the requested State submitted the case to its own prosecuting authorities. */
    record SubmittedForProsecution(
            UUID caseId,
            String prosecutingAuthority,
            String caseReference,
            Instant submittedAt) implements ExtraditionEvent {
    }

    /** The requested State reported the outcome of its prosecution back to the requesting State. */
    record ProsecutionOutcomeReported(
            UUID caseId,
            ProsecutionOutcome outcome,
            String details,
            Instant reportedAt) implements ExtraditionEvent {
    }

    /** Place and date of surrender were agreed; the person is to be taken over on that date. */
    record SurrenderScheduled(
            UUID caseId,
            SurrenderArrangements arrangements,
            Instant scheduledAt) implements ExtraditionEvent {
    }

    /** Surrender is postponed while the person is needed in the requested State. */
    record SurrenderPostponed(
            UUID caseId,
            SurrenderPostponementReason reason,
            String details,
            Instant postponedAt) implements ExtraditionEvent {
    }

    /**
     * The person was surrendered temporarily and is to be returned by {@code returnDate}.
     *
     * @param conditions conditions of the temporary surrender (may be empty)
     */
    record TemporarilySurrendered(
            UUID caseId,
            String place,
            LocalDate returnDate,
            List<String> conditions,
            Instant surrenderedAt) implements ExtraditionEvent {

        public TemporarilySurrendered {
            conditions = ContractLists.copy(conditions);
        }
    }

    /** The temporarily surrendered person was returned; the final surrender stays postponed. {@code note} is optional. */
    record PersonReturned(
            UUID caseId,
            String note,
            Instant returnedAt) implements ExtraditionEvent {
    }

    /** The person was surrendered to the requesting State. {@code place} comes from the arrangements; {@code note} is optional. */
    record Surrendered(
            UUID caseId,
            String place,
            String note,
            Instant surrenderedAt) implements ExtraditionEvent {
    }

    /** The requesting State did not take the person over on the agreed date: the person was released and the case closed. */
    record NotTakenOver(
            UUID caseId,
            LocalDate agreedDate,
            String note,
            Instant releasedAt) implements ExtraditionEvent {
    }

    /**
     * The requesting State asked a third State to let the person be conveyed through its territory.
     *
     * @param airTransitWithoutLanding no landing is planned: the transit State is notified, no decision is needed
     */
    record TransitRequested(
            UUID caseId,
            StateCode transitState,
            boolean airTransitWithoutLanding,
            String details,
            Instant requestedAt) implements ExtraditionEvent {
    }

    /** The transit State decided. {@code conditions} may be empty; {@code reasons} is required for a refusal. */
    record TransitDecided(
            UUID caseId,
            StateCode transitState,
            TransitDecision decision,
            List<String> conditions,
            String reasons,
            Instant decidedAt) implements ExtraditionEvent {

        public TransitDecided {
            conditions = ContractLists.copy(conditions);
        }
    }

    /**
     * The requested State recorded that other States ask for the same person, the factors it weighed and
     * the request it chose (this case or one of the others).
     */
    record ConcurrentRequestsRecorded(
            UUID caseId,
            List<UUID> otherCaseIds,
            List<WeighedFactor> factors,
            UUID chosenCaseId,
            String reasons,
            Instant recordedAt) implements ExtraditionEvent {

        public ConcurrentRequestsRecorded {
            otherCaseIds = ContractLists.copy(otherCaseIds);
            factors = ContractLists.copy(factors);
        }
    }

    /**
     * After surrender, the requesting State asked consent to proceed for other offences committed before
     * the surrender (rule of speciality).
     *
     * @param consentId assigned by the decider: "speciality-1", "speciality-2", …
     */
    record SpecialityConsentRequested(
            UUID caseId,
            @NotPersonal String consentId,
            List<Offence> offences,
            String purpose,
            Instant requestedAt) implements ExtraditionEvent {

        public SpecialityConsentRequested {
            offences = ContractLists.copy(offences);
        }
    }

    /** The requested State decided on a speciality consent. {@code conditions} only when granted with conditions. */
    record SpecialityConsentDecided(
            UUID caseId,
            @NotPersonal String consentId,
            ConsentDecision decision,
            List<String> conditions,
            String reasons,
            Instant decidedAt) implements ExtraditionEvent {

        public SpecialityConsentDecided {
            conditions = ContractLists.copy(conditions);
        }
    }

    /**
     * After surrender, the requesting State asked consent to extradite the person on to a third State.
     *
     * @param consentId assigned by the decider: "re-extradition-1", …
     */
    record ReExtraditionConsentRequested(
            UUID caseId,
            @NotPersonal String consentId,
            StateCode thirdState,
            List<Offence> offences,
            String purpose,
            Instant requestedAt) implements ExtraditionEvent {

        public ReExtraditionConsentRequested {
            offences = ContractLists.copy(offences);
        }
    }

    /** The requested State decided on a re-extradition consent. {@code conditions} only when granted with conditions. */
    record ReExtraditionConsentDecided(
            UUID caseId,
            @NotPersonal String consentId,
            ConsentDecision decision,
            List<String> conditions,
            String reasons,
            Instant decidedAt) implements ExtraditionEvent {

        public ReExtraditionConsentDecided {
            conditions = ContractLists.copy(conditions);
        }
    }

    /** The requesting State withdrew the case. */
    record Withdrawn(
            UUID caseId,
            String reasons,
            Instant withdrawnAt) implements ExtraditionEvent {
    }

    /** The requesting State closed the case. {@code note} is optional. */
    record Closed(
            UUID caseId,
            String note,
            Instant closedAt) implements ExtraditionEvent {
    }

    /**
     * A reminder: a deadline passed without its milestone being reached. Emitted at most once per
     * deadline (a deadline set again, e.g. a new time limit, may be reminded again).
     *
     * @param dueDate last day of the deadline (UTC)
     * @param owedBy  the State that has to act
     */
    record DeadlineOverdue(
            UUID caseId,
            DeadlineKind kind,
            LocalDate dueDate,
            StateCode owedBy,
            Instant detectedAt) implements ExtraditionEvent {
    }

    /**
     * The case's personal data was erased: its data key is destroyed, so every text sealed with it, in
     * the log, on the topic and in backups, no longer opens. The event itself names nobody.
     *
     * @param erasedBy the requesting State, which supplied the data and erased it; {@code null} when an
     *                 operator applied a retention rule
     */
    record PersonalDataErased(
            UUID caseId,
            StateCode erasedBy,
            ErasureReason reason,
            Instant erasedAt) implements ExtraditionEvent {
    }
}
