package org.mlaexchange.contracts.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.seal.ErasureReason;
import org.mlaexchange.contracts.seal.NotPersonal;
import org.mlaexchange.contracts.seal.SealsPersonalData;

/**
 * The published events of a mutual legal assistance request (topic {@code mla.request.events}, key:
 * the request id). Each event carries everything needed to rebuild the request by folding its events
 * in order; moments are {@link Instant}s, calendar dates {@link LocalDate}s (deadlines are calendar
 * days in UTC). The CloudEvents type of each event is in {@link RequestEventTypes}, never derived from
 * these class names. Fields are only added, never changed: a breaking change is a new {@code .v2} type.
 *
 * <p>Their personal data (every text but those marked {@link NotPersonal}) is sealed with the request's
 * data key before the event enters the log ({@link org.mlaexchange.contracts.seal.PersonalData}).
 */
@SealsPersonalData
public sealed interface RequestEvent {

    UUID requestId();

    /**
     * The requesting State submitted a request.
     *
     * @param measureIds    ids assigned to {@code content.measures()}, in order: "m1", "m2", …
     * @param urgentChannel how an urgent request also travels; {@code null} (as in events before it existed): only the Exchange
     */
    record Submitted(
            UUID requestId,
            StateCode requestingState,
            StateCode requestedState,
            boolean urgent,
            boolean confidential,
            RequestContent content,
            @NotPersonal List<String> measureIds,
            Instant submittedAt,
            LocalDate acknowledgementDueDate,
            LocalDate decisionDueDate,
            UrgentChannel urgentChannel) implements RequestEvent {

        public Submitted {
            measureIds = ContractLists.copy(measureIds);
        }

        /** A submission through the Exchange only. */
        public Submitted(UUID requestId, StateCode requestingState, StateCode requestedState, boolean urgent, boolean confidential,
                         RequestContent content, List<String> measureIds, Instant submittedAt, LocalDate acknowledgementDueDate,
                         LocalDate decisionDueDate) {
            this(requestId, requestingState, requestedState, urgent, confidential, content, measureIds, submittedAt,
                    acknowledgementDueDate, decisionDueDate, null);
        }
    }

    /** The requested State acknowledged receipt (a legal receipt, distinct from delivery). */
    record Acknowledged(
            UUID requestId,
            String caseReference,
            ContactPerson contact,
            Instant acknowledgedAt) implements RequestEvent {
    }

    /** The requested State asked for missing information. {@code dueDate} is optional. */
    record InformationRequested(
            UUID requestId,
            List<String> missing,
            LocalDate dueDate,
            Instant requestedAt) implements RequestEvent {

        public InformationRequested {
            missing = ContractLists.copy(missing);
        }
    }

    /**
     * The requesting State answered with a new version of the content. {@code note} is optional.
     *
     * @param decisionDueDate the decision deadline moved by the days information was awaited (its clock
     *                        stops meanwhile); {@code null} when it does not move (and in events published
     *                        before this field)
     */
    record InformationProvided(
            UUID requestId,
            RequestContent content,
            String note,
            Instant providedAt,
            LocalDate decisionDueDate) implements RequestEvent {
    }

    /** The requested State opened consultation (required before refusal, postponement or conditions). */
    record ConsultationOpened(
            UUID requestId,
            List<String> matters,
            Instant openedAt) implements RequestEvent {

        public ConsultationOpened {
            matters = ContractLists.copy(matters);
        }
    }

    /** The requested State postponed the request until a review date. {@code reasons} is optional unless {@code reason} is OTHER. */
    record Postponed(
            UUID requestId,
            PostponementReason reason,
            String reasons,
            LocalDate reviewDate,
            Instant postponedAt) implements RequestEvent {
    }

    /** The requested State proposed conditions for granting assistance. */
    record ConditionsProposed(
            UUID requestId,
            List<String> conditions,
            Instant proposedAt) implements RequestEvent {

        public ConditionsProposed {
            conditions = ContractLists.copy(conditions);
        }
    }

    /**
     * The requesting State accepted the proposed conditions; they now bind it.
     *
     * @param reasons optional note
     * @param status  the request status after this event
     */
    record ConditionsAccepted(
            UUID requestId,
            String reasons,
            RequestStatus status,
            Instant acceptedAt) implements RequestEvent {
    }

    /** The requesting State rejected the proposed conditions; consultation resumes. */
    record ConditionsRejected(
            UUID requestId,
            String reasons,
            Instant rejectedAt) implements RequestEvent {
    }

    /**
     * The requested State refused the listed measures, on at least one ground, with written reasons.
     *
     * @param status the request status after this event (REFUSED once every measure is refused)
     */
    record Refused(
            UUID requestId,
            @NotPersonal List<String> measureIds,
            List<GroundForRefusal> grounds,
            String reasons,
            RequestStatus status,
            Instant refusedAt) implements RequestEvent {

        public Refused {
            measureIds = ContractLists.copy(measureIds);
            grounds = ContractLists.copy(grounds);
        }
    }

    /**
     * The requested State accepted the listed measures.
     *
     * @param impossibleProcedures notes on requested procedures that cannot be followed (may be empty)
     * @param executionDueDate     last day to execute the measures accepted here
     * @param status               the request status after this event
     */
    record Accepted(
            UUID requestId,
            @NotPersonal List<String> measureIds,
            List<String> impossibleProcedures,
            LocalDate executionDueDate,
            RequestStatus status,
            Instant acceptedAt) implements RequestEvent {

        public Accepted {
            measureIds = ContractLists.copy(measureIds);
            impossibleProcedures = ContractLists.copy(impossibleProcedures);
        }
    }

    /**
     * The requested State reported progress: per-measure updates (may be empty when it only answers a
     * status question) and a summary.
     *
     * @param status the request status after this event
     */
    record ProgressReported(
            UUID requestId,
            List<MeasureProgress> updates,
            String summary,
            RequestStatus status,
            Instant reportedAt) implements RequestEvent {

        public ProgressReported {
            updates = ContractLists.copy(updates);
        }
    }

    /** The requested State declared execution complete: every measure executed or refused. {@code summary} is optional. */
    record Completed(
            UUID requestId,
            String summary,
            Instant completedAt) implements RequestEvent {
    }

    /** The requesting State closed the request: results received. {@code note} is optional. */
    record Closed(
            UUID requestId,
            String note,
            Instant closedAt) implements RequestEvent {
    }

    /** The requesting State withdrew the request: assistance no longer needed. */
    record Withdrawn(
            UUID requestId,
            String reasons,
            Instant withdrawnAt) implements RequestEvent {
    }

    /**
     * A reminder: a deadline passed without its milestone being reached. Emitted at most once per
     * deadline of a request.
     *
     * @param dueDate last day of the deadline (UTC)
     * @param owedBy  the State that has to act
     */
    record DeadlineOverdue(
            UUID requestId,
            DeadlineKind kind,
            LocalDate dueDate,
            StateCode owedBy,
            Instant detectedAt) implements RequestEvent {
    }

    /**
     * The requesting State answered a consultation: its position and the changes it accepts; the
     * requested State then decides.
     *
     * @param acceptedChanges changes to the request the requesting State accepts (may be empty)
     */
    record ConsultationAnswered(
            UUID requestId,
            String position,
            List<String> acceptedChanges,
            Instant answeredAt) implements RequestEvent {

        public ConsultationAnswered {
            acceptedChanges = ContractLists.copy(acceptedChanges);
        }
    }

    /**
     * The requested State found accepted measures impossible to execute and closed them with reasons,
     * so that the request can still be completed.
     *
     * @param status the request status after this event
     */
    record MeasuresImpossible(
            UUID requestId,
            @NotPersonal List<String> measureIds,
            String reasons,
            RequestStatus status,
            Instant foundAt) implements RequestEvent {

        public MeasuresImpossible {
            measureIds = ContractLists.copy(measureIds);
        }
    }

    /** The requesting State asked for the status of its request; the answer is due by {@code answerDueDate}. */
    record StatusRequested(
            UUID requestId,
            String question,
            LocalDate answerDueDate,
            Instant requestedAt) implements RequestEvent {
    }

    /** The requested State answered the open status question. */
    record StatusAnswered(
            UUID requestId,
            String answer,
            Instant answeredAt) implements RequestEvent {
    }

    /**
     * The requesting State supplemented or amended its request on its own initiative: a new version of
     * the content (old versions kept), as when it provides information. {@code note} is optional.
     */
    record Supplemented(
            UUID requestId,
            RequestContent content,
            String note,
            Instant supplementedAt) implements RequestEvent {
    }

    /**
     * The requested State said, before executing, that it cannot keep the request confidential; the
     * requesting State now continues or withdraws.
     */
    record ConfidentialityNotAssured(
            UUID requestId,
            String reasons,
            Instant declaredAt) implements RequestEvent {
    }

    /**
     * The requesting State chose to continue although its request cannot be kept confidential.
     *
     * @param note   optional
     * @param status the request status after this event (the one before confidentiality was declined)
     */
    record ContinuedWithoutConfidentiality(
            UUID requestId,
            String note,
            RequestStatus status,
            Instant continuedAt) implements RequestEvent {
    }

    /** The requested State extended the decision deadline (once), with reasons. */
    record DecisionDeadlineExtended(
            UUID requestId,
            LocalDate previousDueDate,
            LocalDate newDueDate,
            String reasons,
            Instant extendedAt) implements RequestEvent {
    }

    /**
     * The request's personal data was erased: its data key is destroyed, so every text sealed with it,
     * in the log, on the topic and in backups, no longer opens. The event itself names nobody.
     *
     * @param erasedBy the State that supplied the data and erased it; {@code null} when an operator
     *                 applied a retention rule
     */
    record PersonalDataErased(
            UUID requestId,
            StateCode erasedBy,
            ErasureReason reason,
            Instant erasedAt) implements RequestEvent {
    }
}
