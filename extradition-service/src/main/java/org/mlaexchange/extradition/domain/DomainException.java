package org.mlaexchange.extradition.domain;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.extradition.ExtraditionStatus;

/** Why the decider refused a command. The API maps each kind to one problem type and HTTP status. */
public abstract sealed class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private DomainException(String message) {
        super(message);
    }

    /** The acting State is not a party to the case (or no longer a transit State): for it the case does not exist (404). */
    public static final class NotAParty extends DomainException {
        private static final long serialVersionUID = 1L;
        private final transient StateCode state;
        private final UUID caseId;

        public NotAParty(StateCode state, UUID caseId) {
            super(state + " is not a party to extradition case " + caseId);
            this.state = state;
            this.caseId = caseId;
        }

        public StateCode state() {
            return state;
        }

        public UUID caseId() {
            return caseId;
        }
    }

    /** A party took an action that belongs to another party (or to the system) (403). */
    public static final class WrongParty extends DomainException {
        private static final long serialVersionUID = 1L;
        private final transient StateCode state;
        private final ExtraditionAction action;

        public WrongParty(StateCode state, ExtraditionAction action) {
            super("'" + action.pathSegment() + "' is an action of the " + action.by().name().toLowerCase()
                    + (action.by() == Party.SYSTEM ? "" : " State") + ", not of " + state);
            this.state = state;
            this.action = action;
        }

        public StateCode state() {
            return state;
        }

        public ExtraditionAction action() {
            return action;
        }
    }

    /** The action is not allowed in the case's current status (409). */
    public static final class TransitionForbidden extends DomainException {
        private static final long serialVersionUID = 1L;
        private final ExtraditionStatus status;
        private final ExtraditionAction action;

        public TransitionForbidden(ExtraditionStatus status, ExtraditionAction action) {
            this(status, action, null);
        }

        /** @param reason why, when the status alone allows the action but the rest of the case does not */
        public TransitionForbidden(ExtraditionStatus status, ExtraditionAction action, String reason) {
            super("'" + action.pathSegment() + "' is not allowed in status " + status + (reason == null ? "" : ": " + reason));
            this.status = status;
            this.action = action;
        }

        public ExtraditionStatus status() {
            return status;
        }

        public ExtraditionAction action() {
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
     * One rule broken by a command.
     *
     * @param field path of the offending field, e.g. {@code request.offences[1].place}
     */
    public record Violation(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }
}
