package org.mlaexchange.contracts.rules;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mlaexchange.contracts.StateCode;

/**
 * Why a decider refused a command, in the words every service shares; the API answers each kind with
 * one status and one problem type: not a party 404, wrong party 403, not permitted 403, transition
 * forbidden 409, invalid command 422.
 */
public abstract class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private DomainException(String message) {
        super(message);
    }

    /** The acting State is not a party to the case: for it the case does not exist (404). */
    public static final class NotAParty extends DomainException {
        private static final long serialVersionUID = 1L;
        private final transient StateCode state;
        private final String caseKind;
        private final UUID caseId;

        /** @param caseKind what the case is, in messages: {@code request}, {@code transfer}, {@code item}, … */
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

    /** A party took an action that belongs to another party (or to the system) (403). */
    public static final class WrongParty extends DomainException {
        private static final long serialVersionUID = 1L;
        private final transient StateCode state;
        private final transient DomainAction action;

        public WrongParty(StateCode state, DomainAction action) {
            super("'" + action.label() + "' is an action of the " + action.party() + ", not of " + state);
            this.state = state;
            this.action = action;
        }

        public StateCode state() {
            return state;
        }

        public DomainAction action() {
            return action;
        }
    }

    /** The action is not allowed in the case's current status (409). */
    public static final class TransitionForbidden extends DomainException {
        private static final long serialVersionUID = 1L;
        private final transient Enum<?> status;
        private final transient DomainAction action;

        public TransitionForbidden(Enum<?> status, DomainAction action) {
            this(status, action, null);
        }

        /** @param reason why, when the status alone allows the action but something else does not */
        public TransitionForbidden(Enum<?> status, DomainAction action, String reason) {
            super("'" + action.label() + "' is not allowed in status " + status + (reason == null ? "" : ": " + reason));
            this.status = status;
            this.action = action;
        }

        public Enum<?> status() {
            return status;
        }

        public DomainAction action() {
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

    /** The party may take the action in general, but a rule forbids this use of it (403 with the reason). */
    public static class NotPermitted extends DomainException {
        private static final long serialVersionUID = 1L;
        private final String code;
        private final String reason;

        /** @param code the stable problem type, e.g. {@code use-not-permitted} */
        public NotPermitted(String code, String reason) {
            this(code, reason, reason);
        }

        /** @param message the full message (for logs), when it says more than {@code reason} */
        protected NotPermitted(String code, String message, String reason) {
            super(message);
            this.code = code;
            this.reason = reason;
        }

        public String code() {
            return code;
        }

        public String reason() {
            return reason;
        }
    }

    /**
     * One rule broken by a command.
     *
     * @param field path of the offending field, e.g. {@code content.measures[1].specifics}
     */
    public record Violation(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }
}
