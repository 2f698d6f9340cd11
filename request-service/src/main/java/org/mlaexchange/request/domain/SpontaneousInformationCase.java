package org.mlaexchange.request.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.evidence.UseConsentDecision;
import org.mlaexchange.contracts.evidence.UsePurpose;
import org.mlaexchange.contracts.request.ContactPerson;
import org.mlaexchange.contracts.request.DeadlineKind;
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
 * @param acknowledgementDueDate when the receiving State's answer (acknowledgement, or declining the conditions) is due; {@code null}
 *                         for information sent before due dates
 * @param remindedDeadlines deadlines for which a {@code deadline-overdue} reminder was recorded (once per due date)
 * @param erasure          the erasure of the information's personal data by the providing State, {@code null} if it was not
 *                         erased: every personal text then reads "erased" and the case takes no more actions
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
        Instant updatedAt,
        LocalDate acknowledgementDueDate,
        Set<DeadlineKind> remindedDeadlines,
        Erasure erasure) {

    public SpontaneousInformationCase {
        evidenceItemIds = evidenceItemIds == null ? List.of() : List.copyOf(evidenceItemIds);
        useConsents = useConsents == null ? List.of() : List.copyOf(useConsents);
        remindedDeadlines = remindedDeadlines == null || remindedDeadlines.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(remindedDeadlines));
    }

    /**
     * A request for consent to another use and, once decided, the providing State's answer (decision null while open).
     *
     * @param decisionDueDate when the decision is due; {@code null} for a request from before due dates
     */
    public record UseConsent(UsePurpose purpose, StateCode thirdState, String description, Instant requestedAt,
                             UseConsentDecision decision, List<String> conditions, String reasons, Instant decidedAt,
                             LocalDate decisionDueDate) {

        public UseConsent {
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
        }
    }

    /** The due date of a deadline of the case; {@code null} when none runs (or it is from before due dates). */
    public LocalDate dueDate(DeadlineKind kind) {
        return switch (kind) {
            case ACKNOWLEDGEMENT -> acknowledgementDueDate;
            case USE_CONSENT_DECISION -> openUseConsent().map(UseConsent::decisionDueDate).orElse(null);
            default -> null;
        };
    }

    /** Who owes it: the receiving State its answer to the information, the providing State a use-consent decision. */
    public StateCode owedBy(DeadlineKind kind) {
        return kind == DeadlineKind.USE_CONSENT_DECISION ? providingState : receivingState;
    }

    /**
     * The deadlines past due at {@code now} and still owed (reminded or not): the answer while the information is
     * {@code SENT} (acknowledge, or decline the conditions), a use-consent decision while the request for it is open.
     */
    public Set<DeadlineKind> overdueAt(Instant now) {
        EnumSet<DeadlineKind> overdue = EnumSet.noneOf(DeadlineKind.class);
        LocalDate today = LocalDate.ofInstant(now, MlaRequest.DEADLINE_ZONE);
        if (status == SpontaneousStatus.SENT && passed(DeadlineKind.ACKNOWLEDGEMENT, today)) {
            overdue.add(DeadlineKind.ACKNOWLEDGEMENT);
        }
        if (status == SpontaneousStatus.ACKNOWLEDGED && passed(DeadlineKind.USE_CONSENT_DECISION, today)) {
            overdue.add(DeadlineKind.USE_CONSENT_DECISION);
        }
        return overdue;
    }

    private boolean passed(DeadlineKind kind, LocalDate today) {
        LocalDate due = dueDate(kind);
        return due != null && today.isAfter(due);
    }

    /** When the earliest deadline still owed and not reminded yet passes (the day after its due date), or {@code null}. */
    public Instant nextReminderAt() {
        return EnumSet.of(DeadlineKind.ACKNOWLEDGEMENT, DeadlineKind.USE_CONSENT_DECISION).stream()
                .filter(kind -> !remindedDeadlines.contains(kind) && owed(kind))
                .map(this::dueDate)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .map(due -> due.plusDays(1).atStartOfDay(MlaRequest.DEADLINE_ZONE).toInstant())
                .orElse(null);
    }

    private boolean owed(DeadlineKind kind) {
        return kind == DeadlineKind.ACKNOWLEDGEMENT ? status == SpontaneousStatus.SENT
                : status == SpontaneousStatus.ACKNOWLEDGED && openUseConsent().isPresent();
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

    /** The State of a side; {@code null} for the system, which is no State. */
    public StateCode stateOf(SpontaneousAction.Side side) {
        return switch (side) {
            case PROVIDING -> providingState;
            case RECEIVING -> receivingState;
            case SYSTEM -> null;
        };
    }

    /** Whether the providing State attached any condition (a purpose, a limit or confidentiality). */
    public boolean hasConditions() {
        return conditions != null && (conditions.permittedUse() != null || !conditions.useLimits().isEmpty() || conditions.confidential());
    }

    SpontaneousInformationCase with(SpontaneousStatus status, Instant at) {
        return new SpontaneousInformationCase(id, providingState, receivingState, status, version + 1, information, conditions,
                conditionsBind, confidential, evidenceItemIds, sentAt, acknowledgement, conditionsDeclined, returnNote, closingNote,
                useConsents, at, acknowledgementDueDate, remindedDeadlines, erasure);
    }

    /** The case after its personal data was erased: the same case, marked erased (the texts were refolded as "erased" before). */
    SpontaneousInformationCase erased(Erasure by) {
        return new SpontaneousInformationCase(id, providingState, receivingState, status, version, information, conditions,
                conditionsBind, confidential, evidenceItemIds, sentAt, acknowledgement, conditionsDeclined, returnNote, closingNote,
                useConsents, updatedAt, acknowledgementDueDate, remindedDeadlines, by);
    }
}
