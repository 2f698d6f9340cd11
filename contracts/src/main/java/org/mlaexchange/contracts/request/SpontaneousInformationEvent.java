package org.mlaexchange.contracts.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.evidence.UseConsentDecision;
import org.mlaexchange.contracts.evidence.UsePurpose;
import org.mlaexchange.contracts.seal.ErasureReason;
import org.mlaexchange.contracts.seal.SealsPersonalData;

/**
 * The published events of spontaneous information, a case of request-service of its own (topic
 * {@code mla.request.events}, key: the information id, chained in the same log as requests). Types are
 * in {@link SpontaneousInformationEventTypes}; fields are only added, a breaking change is a new
 * {@code .v2} type. Their personal data (every text: the information, persons, contacts, conditions, reasons, notes) is
 * sealed with the case's data key before it enters the log, as the request events' ({@link SealsPersonalData}); events
 * stored in clear before stay readable.
 */
@SealsPersonalData
public sealed interface SpontaneousInformationEvent {

    UUID informationId();

    /**
     * The providing State sent information without a request.
     *
     * @param evidenceItemIds        evidence items (of evidence-service) the information refers to; may be empty
     * @param acknowledgementDueDate when the receiving State's acknowledgement is due; {@code null} in events from before due dates
     */
    record Sent(
            UUID informationId,
            StateCode providingState,
            StateCode receivingState,
            SpontaneousInformation information,
            UseConditions conditions,
            List<UUID> evidenceItemIds,
            Instant sentAt,
            LocalDate acknowledgementDueDate) implements SpontaneousInformationEvent {

        public Sent {
            evidenceItemIds = ContractLists.copy(evidenceItemIds);
        }

        /** Without a due date for the acknowledgement (as sent before due dates existed). */
        public Sent(UUID informationId, StateCode providingState, StateCode receivingState, SpontaneousInformation information,
                    UseConditions conditions, List<UUID> evidenceItemIds, Instant sentAt) {
            this(informationId, providingState, receivingState, information, conditions, evidenceItemIds, sentAt, null);
        }
    }

    /** The receiving State acknowledged receipt (a legal receipt) and accepted the conditions, which now bind it. */
    record Acknowledged(
            UUID informationId,
            String caseReference,
            ContactPerson contact,
            Instant acknowledgedAt) implements SpontaneousInformationEvent {
    }

    /** The receiving State cannot accept the conditions: it must not use the information. */
    record ConditionsDeclined(
            UUID informationId,
            String reasons,
            Instant declinedAt) implements SpontaneousInformationEvent {
    }

    /**
     * The providing State attached new conditions after they were declined; the receiving State answers again. {@code note} is optional.
     *
     * @param acknowledgementDueDate when the receiving State's answer is due again; {@code null} in events from before due dates
     */
    record ConditionsRevised(
            UUID informationId,
            UseConditions conditions,
            String note,
            Instant revisedAt,
            LocalDate acknowledgementDueDate) implements SpontaneousInformationEvent {

        /** Without a new due date (as revised before due dates existed). */
        public ConditionsRevised(UUID informationId, UseConditions conditions, String note, Instant revisedAt) {
            this(informationId, conditions, note, revisedAt, null);
        }
    }

    /** The receiving State returned or destroyed the information unused, its conditions declined. {@code note} is optional. */
    record Returned(
            UUID informationId,
            String note,
            Instant returnedAt) implements SpontaneousInformationEvent {
    }

    /** The providing State closed the case. {@code note} is optional. */
    record Closed(
            UUID informationId,
            String note,
            Instant closedAt) implements SpontaneousInformationEvent {
    }

    /**
     * The receiving State asked the providing State's prior consent to a use the conditions do not allow
     * (speciality, as for evidence).
     *
     * @param thirdState      the State the information would go to, for {@link UsePurpose#ONWARD_TRANSFER}; otherwise {@code null}
     * @param decisionDueDate when the providing State's decision is due; {@code null} in events from before due dates
     */
    record UseConsentRequested(
            UUID informationId,
            UsePurpose purpose,
            StateCode thirdState,
            String description,
            Instant requestedAt,
            LocalDate decisionDueDate) implements SpontaneousInformationEvent {

        /** Without a due date for the decision (as asked before due dates existed). */
        public UseConsentRequested(UUID informationId, UsePurpose purpose, StateCode thirdState, String description, Instant requestedAt) {
            this(informationId, purpose, thirdState, description, requestedAt, null);
        }
    }

    /**
     * The providing State decided on the open consent request.
     *
     * @param conditions for {@link UseConsentDecision#GRANTED_WITH_CONDITIONS}: they bind like the other conditions
     * @param reasons    required for {@link UseConsentDecision#DENIED}
     */
    record UseConsentDecided(
            UUID informationId,
            UseConsentDecision decision,
            List<String> conditions,
            String reasons,
            Instant decidedAt) implements SpontaneousInformationEvent {

        public UseConsentDecided {
            conditions = ContractLists.copy(conditions);
        }
    }

    /**
     * A due date passed and what was due is still owed: recorded once per due date, by the service (no acting
     * State), as a request's {@link RequestEvent.DeadlineOverdue}.
     *
     * @param kind    {@link DeadlineKind#ACKNOWLEDGEMENT} (owed by the receiving State) or
     *                {@link DeadlineKind#USE_CONSENT_DECISION} (owed by the providing State)
     * @param owedBy  the State that owes it
     */
    record DeadlineOverdue(
            UUID informationId,
            DeadlineKind kind,
            LocalDate dueDate,
            StateCode owedBy,
            Instant detectedAt) implements SpontaneousInformationEvent {
    }

    /**
     * The information's personal data was erased, as a request's ({@link RequestEvent.PersonalDataErased}): its data key
     * is destroyed, so every text sealed with it, in the log, on the topic and in backups, no longer opens. The event
     * itself names nobody.
     *
     * @param erasedBy the providing State, which supplied the data and erased it; {@code null} when an operator applied a
     *                 retention rule
     */
    record PersonalDataErased(
            UUID informationId,
            StateCode erasedBy,
            ErasureReason reason,
            Instant erasedAt) implements SpontaneousInformationEvent {
    }
}
