package org.mlaexchange.request.domain;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.request.RequestStatus;

/** Why the decider refused a command. The API maps each kind to one problem type and HTTP status. */
public abstract sealed class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private DomainException(String message) {
        super(message);
    }

    /** The acting State is not a party to the request: for it the request does not exist (404). */
    public static final class NotAParty extends DomainException {
        private static final long serialVersionUID = 1L;
        private final transient StateCode state;
        private final UUID requestId;

        public NotAParty(StateCode state, UUID requestId) {
            super(state + " is not a party to request " + requestId);
            this.state = state;
            this.requestId = requestId;
        }

        public StateCode state() {
            return state;
        }

        public UUID requestId() {
            return requestId;
        }
    }

    /** A party took an action that belongs to the other party (or to the system) (403). */
    public static final class WrongParty extends DomainException {
        private static final long serialVersionUID = 1L;
        private final transient StateCode state;
        private final RequestAction action;

        public WrongParty(StateCode state, RequestAction action) {
            super("'" + action.pathSegment() + "' is an action of the " + action.by().name().toLowerCase()
                    + (action.by() == Party.SYSTEM ? "" : " State") + ", not of " + state);
            this.state = state;
            this.action = action;
        }

        public StateCode state() {
            return state;
        }

        public RequestAction action() {
            return action;
        }
    }

    /** The action is not allowed in the request's current status (409). */
    public static final class TransitionForbidden extends DomainException {
        private static final long serialVersionUID = 1L;
        private final RequestStatus status;
        private final RequestAction action;

        public TransitionForbidden(RequestStatus status, RequestAction action) {
            this(status, action, null);
        }

        /** @param reason why, when the status alone allows the action but the request's measures do not */
        public TransitionForbidden(RequestStatus status, RequestAction action, String reason) {
            super("'" + action.pathSegment() + "' is not allowed in status " + status + (reason == null ? "" : ": " + reason));
            this.status = status;
            this.action = action;
        }

        public RequestStatus status() {
            return status;
        }

        public RequestAction action() {
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
     * @param field path of the offending field, e.g. {@code content.measures[1].specifics}
     */
    public record Violation(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }
}
