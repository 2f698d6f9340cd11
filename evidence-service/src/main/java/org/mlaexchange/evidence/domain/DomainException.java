package org.mlaexchange.evidence.domain;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.evidence.UsePurpose;

/** Why a decider refused a command. The API maps each kind to one problem type and HTTP status. */
public abstract sealed class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private DomainException(String message) {
        super(message);
    }

    /** The acting State is not a party to the transfer, item or request: for it the case does not exist (404). */
    public static final class NotAParty extends DomainException {
        private static final long serialVersionUID = 1L;
        private final transient StateCode state;
        private final String caseKind;
        private final UUID caseId;

        /** @param caseKind {@code transfer}, {@code item} or {@code request} */
        public NotAParty(StateCode state, String caseKind, UUID caseId) {
            super(state + " is not a party to " + caseKind + " " + caseId);
            this.state = state;
            this.caseKind = caseKind;
            this.caseId = caseId;
        }

        public StateCode state() {
            return state;
        }

        public String caseKind() {
            return caseKind;
        }

        public UUID caseId() {
            return caseId;
        }
    }

    /** A party took an action that belongs to the other party (or to the system) (403). */
    public static final class WrongParty extends DomainException {
        private static final long serialVersionUID = 1L;
        private final transient StateCode state;
        private final EvidenceAction action;

        public WrongParty(StateCode state, EvidenceAction action) {
            super("'" + action.label() + "' is an action of the " + action.by().name().toLowerCase()
                    + (action.by() == Party.SYSTEM ? "" : " State") + ", not of " + state);
            this.state = state;
            this.action = action;
        }

        public StateCode state() {
            return state;
        }

        public EvidenceAction action() {
            return action;
        }
    }

    /**
     * The action is not allowed in the current status (409): of the item or transfer acted on, or of the
     * request when a transfer is opened.
     */
    public static final class TransitionForbidden extends DomainException {
        private static final long serialVersionUID = 1L;
        private final Enum<?> status;
        private final EvidenceAction action;

        public TransitionForbidden(Enum<?> status, EvidenceAction action) {
            this(status, action, null);
        }

        /** @param reason why, when the status alone allows the action but something else does not */
        public TransitionForbidden(Enum<?> status, EvidenceAction action, String reason) {
            super("'" + action.label() + "' is not allowed in status " + status + (reason == null ? "" : ": " + reason));
            this.status = status;
            this.action = action;
        }

        /** A {@link TransferStatus}, an {@link ItemStatus} or a request status. */
        public Enum<?> status() {
            return status;
        }

        public EvidenceAction action() {
            return action;
        }
    }

    /** The command's content breaks the rules; every violation is listed (422). */
    public static final class InvalidCommand extends DomainException {
        private static final long serialVersionUID = 1L;
        private final transient List<Violation> violations;

        public InvalidCommand(List<Violation> violations) {
            super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ", "invalid command: ", "")));
            this.violations = List.copyOf(violations);
        }

        public List<Violation> violations() {
            return violations;
        }
    }

    /**
     * The receiving State may not use the item for that purpose: the speciality of evidence (model UNTOC
     * 18(19)) requires the providing State's prior consent, and none permits it (403, with the reason).
     */
    public static final class UseNotPermitted extends DomainException {
        private static final long serialVersionUID = 1L;
        private final transient StateCode state;
        private final UUID itemId;
        private final UsePurpose purpose;
        private final String reason;

        public UseNotPermitted(StateCode state, UUID itemId, UsePurpose purpose, String reason) {
            super("use of item " + itemId + " for " + purpose + " is not permitted: " + reason);
            this.state = state;
            this.itemId = itemId;
            this.purpose = purpose;
            this.reason = reason;
        }

        public StateCode state() {
            return state;
        }

        public UUID itemId() {
            return itemId;
        }

        public UsePurpose purpose() {
            return purpose;
        }

        /** Why, in a sentence fit for the API's answer. */
        public String reason() {
            return reason;
        }
    }

    /**
     * One rule broken by a command.
     *
     * @param field path of the offending field, e.g. {@code metadata.provenance.place}
     */
    public record Violation(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }
}
