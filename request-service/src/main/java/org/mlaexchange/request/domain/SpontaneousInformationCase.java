package org.mlaexchange.request.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.evidence.UseConsentDecision;
import org.mlaexchange.contracts.evidence.UsePurpose;
import org.mlaexchange.contracts.request.ContactPerson;
import org.mlaexchange.contracts.request.SpontaneousInformation;
import org.mlaexchange.contracts.request.SpontaneousStatus;
import org.mlaexchange.contracts.request.UseConditions;

/**
 * State of one case of spontaneous information, the fold of its events ({@link SpontaneousDecider#fold}).
 *
 * @param version          number of events folded (the caseseq of the last one), the ETag
 * @param conditions       the conditions now attached (the latest revision)
 * @param conditionsBind   whether the receiving State acknowledged them: they then bind it like use limits
 * @param conditionsDeclined the receiving State's latest refusal of the conditions, {@code null} if none
 * @param confidential     whether a confidentiality condition was ever attached: the facts stay withheld from the
 *                         oversight body even if a revision drops it (what it was shown cannot be unshown)
 * @param useConsents      the receiving State's requests for consent to other uses, oldest first
 * @param evidenceItemIds  evidence items the information refers to (references; the items live in evidence-service)
 */
public record SpontaneousInformationCase(
        UUID id,
        StateCode providingState,
        StateCode receivingState,
        SpontaneousStatus status,
        int version,
        SpontaneousInformation information,
        UseConditions conditions,
        boolean conditionsBind,
        boolean confidential,
        List<UUID> evidenceItemIds,
        Instant sentAt,
        ReceiptAcknowledged acknowledgement,
        Declined conditionsDeclined,
        String returnNote,
        String closingNote,
        List<UseConsent> useConsents,
        Instant updatedAt) {

    public SpontaneousInformationCase {
        evidenceItemIds = evidenceItemIds == null ? List.of() : List.copyOf(evidenceItemIds);
        useConsents = useConsents == null ? List.of() : List.copyOf(useConsents);
    }

    /** A request for consent to another use and, once decided, the providing State's answer (decision null while open). */
    public record UseConsent(UsePurpose purpose, StateCode thirdState, String description, Instant requestedAt,
                             UseConsentDecision decision, List<String> conditions, String reasons, Instant decidedAt) {

        public UseConsent {
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
        }
    }

    /** The consent request awaiting the providing State's decision, if any. */
    public Optional<UseConsent> openUseConsent() {
        return useConsents.stream().filter(c -> c.decision() == null).findFirst();
    }

    public record ReceiptAcknowledged(String caseReference, ContactPerson contact, Instant acknowledgedAt) {
    }

    public record Declined(String reasons, Instant declinedAt) {
    }

    public boolean isParty(StateCode state) {
        return providingState.equals(state) || receivingState.equals(state);
    }

    public StateCode stateOf(SpontaneousAction.Side side) {
        return side == SpontaneousAction.Side.PROVIDING ? providingState : receivingState;
    }

    /** Whether the providing State attached any condition (a purpose, a limit or confidentiality). */
    public boolean hasConditions() {
        return conditions != null && (conditions.permittedUse() != null || !conditions.useLimits().isEmpty() || conditions.confidential());
    }

    SpontaneousInformationCase with(SpontaneousStatus status, Instant at) {
        return new SpontaneousInformationCase(id, providingState, receivingState, status, version + 1, information, conditions,
                conditionsBind, confidential, evidenceItemIds, sentAt, acknowledgement, conditionsDeclined, returnNote, closingNote,
                useConsents, at);
    }
}
