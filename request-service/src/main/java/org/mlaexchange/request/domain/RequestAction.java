package org.mlaexchange.request.domain;

import org.mlaexchange.contracts.rules.DomainAction;

import static org.mlaexchange.contracts.request.RequestStatus.ACCEPTED;
import static org.mlaexchange.contracts.request.RequestStatus.ACKNOWLEDGED;
import static org.mlaexchange.contracts.request.RequestStatus.CLOSED;
import static org.mlaexchange.contracts.request.RequestStatus.CONDITIONS_PROPOSED;
import static org.mlaexchange.contracts.request.RequestStatus.CONFIDENTIALITY_NOT_ASSURED;
import static org.mlaexchange.contracts.request.RequestStatus.CONSULTATION;
import static org.mlaexchange.contracts.request.RequestStatus.EXECUTED;
import static org.mlaexchange.contracts.request.RequestStatus.INFORMATION_REQUESTED;
import static org.mlaexchange.contracts.request.RequestStatus.IN_EXECUTION;
import static org.mlaexchange.contracts.request.RequestStatus.PARTIALLY_EXECUTED;
import static org.mlaexchange.contracts.request.RequestStatus.POSTPONED;
import static org.mlaexchange.contracts.request.RequestStatus.REFUSED;
import static org.mlaexchange.contracts.request.RequestStatus.SUBMITTED;
import static org.mlaexchange.contracts.request.RequestStatus.UNDER_ASSESSMENT;
import static org.mlaexchange.contracts.request.RequestStatus.WITHDRAWN;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

import org.mlaexchange.contracts.request.RequestStatus;

/**
 * The actions on a request, and the whole transition table: who may take each action, from which
 * statuses and, for some, on which further condition of the request (the guard column, also used for
 * {@link #availableTo}). The resulting status is noted on each line; {@link RequestDecider} applies the
 * rules that depend on the command (measures named, content).
 */
public enum RequestAction implements DomainAction {

    // action               path segment              by          allowed from                                   → status after
    SUBMIT(                 "submit",                 Party.REQUESTING),                                         // → SUBMITTED (creates the request)
    ACKNOWLEDGE(            "acknowledge",            Party.REQUESTED, SUBMITTED),                                // → ACKNOWLEDGED
    REQUEST_INFORMATION(    "request-information",    Party.REQUESTED, ACKNOWLEDGED, UNDER_ASSESSMENT),           // → INFORMATION_REQUESTED
    PROVIDE_INFORMATION(    "provide-information",    Party.REQUESTING, INFORMATION_REQUESTED),                   // → UNDER_ASSESSMENT, new content version
    OPEN_CONSULTATION(      "open-consultation",      Party.REQUESTED, ACKNOWLEDGED, UNDER_ASSESSMENT, POSTPONED,
                                                                       ACCEPTED, IN_EXECUTION, PARTIALLY_EXECUTED), // → CONSULTATION (from execution: only while a measure is undecided)
    POSTPONE(               "postpone",               Party.REQUESTED, CONSULTATION),                             // → POSTPONED
    PROPOSE_CONDITIONS(     "propose-conditions",     Party.REQUESTED, CONSULTATION),                             // → CONDITIONS_PROPOSED
    ACCEPT_CONDITIONS(      "accept-conditions",      Party.REQUESTING, CONDITIONS_PROPOSED),                     // → UNDER_ASSESSMENT (or the execution status), conditions bind
    REJECT_CONDITIONS(      "reject-conditions",      Party.REQUESTING, CONDITIONS_PROPOSED),                     // → CONSULTATION
    REFUSE(                 "refuse",                 Party.REQUESTED, CONSULTATION),                             // → REFUSED when every measure is refused, else from the measures
    ACCEPT(                 "accept",                 Party.REQUESTED, ACKNOWLEDGED, UNDER_ASSESSMENT, CONSULTATION, POSTPONED,
                                                                       ACCEPTED, IN_EXECUTION, PARTIALLY_EXECUTED), // → ACCEPTED (stays IN_EXECUTION / PARTIALLY_EXECUTED)
    REPORT_PROGRESS(        "report-progress",        Party.REQUESTED, ACCEPTED, IN_EXECUTION, PARTIALLY_EXECUTED), // → from the measures
    COMPLETE(               "complete",               Party.REQUESTED, PARTIALLY_EXECUTED),                       // → EXECUTED (every measure executed or refused)
    CLOSE(                  "close",                  Party.REQUESTING, EXECUTED),                                // → CLOSED
    WITHDRAW(               "withdraw",               Party.REQUESTING, SUBMITTED, ACKNOWLEDGED, UNDER_ASSESSMENT,
                                                                       INFORMATION_REQUESTED, CONSULTATION, POSTPONED,
                                                                       CONDITIONS_PROPOSED, CONFIDENTIALITY_NOT_ASSURED,
                                                                       ACCEPTED, IN_EXECUTION, PARTIALLY_EXECUTED), // → WITHDRAWN
    ANSWER_CONSULTATION(    "answer-consultation",    Party.REQUESTING, CONSULTATION),                            // → CONSULTATION: its position, changes it accepts; the requested State decides
    DECLARE_IMPOSSIBLE(     "declare-impossible",     Party.REQUESTED, Guard.MEASURE_AWAITING_EXECUTION,
                                                                       ACCEPTED, IN_EXECUTION, PARTIALLY_EXECUTED), // → from the measures: accepted ones closed as IMPOSSIBLE, with reasons
    ASK_STATUS(             "ask-status",             Party.REQUESTING, Guard.NO_OPEN_STATUS_QUESTION,
                                                                       SUBMITTED, ACKNOWLEDGED, UNDER_ASSESSMENT, CONSULTATION,
                                                                       POSTPONED, ACCEPTED, IN_EXECUTION, PARTIALLY_EXECUTED), // → unchanged, an answer is due
    ANSWER_STATUS(          "answer-status",          Party.REQUESTED, Guard.OPEN_STATUS_QUESTION, SUBMITTED, ACKNOWLEDGED,
                                                                       UNDER_ASSESSMENT, INFORMATION_REQUESTED, CONSULTATION, POSTPONED,
                                                                       CONDITIONS_PROPOSED, CONFIDENTIALITY_NOT_ASSURED, ACCEPTED,
                                                                       IN_EXECUTION, PARTIALLY_EXECUTED, EXECUTED), // → unchanged
    SUPPLEMENT(             "supplement",             Party.REQUESTING, SUBMITTED, ACKNOWLEDGED, UNDER_ASSESSMENT, CONSULTATION,
                                                                       POSTPONED, ACCEPTED, IN_EXECUTION, PARTIALLY_EXECUTED), // → unchanged, new content version
    DECLINE_CONFIDENTIALITY("cannot-keep-confidential", Party.REQUESTED, Guard.CONFIDENTIALITY_MAY_BE_DECLINED,
                                                                       ACKNOWLEDGED, UNDER_ASSESSMENT, CONSULTATION, POSTPONED,
                                                                       ACCEPTED),                                 // → CONFIDENTIALITY_NOT_ASSURED (before execution only)
    CONTINUE_WITHOUT_CONFIDENTIALITY("continue-without-confidentiality", Party.REQUESTING, CONFIDENTIALITY_NOT_ASSURED), // → the status before (or withdraw)
    EXTEND_DECISION_DEADLINE("extend-decision-deadline", Party.REQUESTED, Guard.DECISION_DEADLINE_EXTENSIBLE,
                                                                       ACKNOWLEDGED, UNDER_ASSESSMENT, INFORMATION_REQUESTED, CONSULTATION,
                                                                       POSTPONED, CONDITIONS_PROPOSED, CONFIDENTIALITY_NOT_ASSURED), // → unchanged, decision due later (once)
    ERASE_PERSONAL_DATA(    "erase-personal-data",    Party.REQUESTING, REFUSED, CLOSED, WITHDRAWN),               // → unchanged, once; the data key is destroyed (a request in progress is withdrawn first)
    RECORD_OVERDUE_DEADLINES("record-overdue-deadlines", Party.SYSTEM, RequestStatus.values());                    // → unchanged, one reminder per overdue deadline

    /** The guard column: a condition on the request beyond its status, and what is said when it does not hold. */
    public enum Guard {
        MEASURE_AWAITING_EXECUTION(MlaRequest::anyMeasureAwaitingExecution, "no accepted measure awaits execution"),
        NO_OPEN_STATUS_QUESTION(r -> r.openStatusQuestion().isEmpty(), "a status question is still unanswered"),
        OPEN_STATUS_QUESTION(r -> r.openStatusQuestion().isPresent(), "no status question is open"),
        CONFIDENTIALITY_MAY_BE_DECLINED(MlaRequest::confidentialityMayBeDeclined,
                "the request is not confidential, or the requested State already said it cannot keep it confidential"),
        DECISION_DEADLINE_EXTENSIBLE(MlaRequest::decisionDeadlineExtensible,
                "the decision deadline is extended once, before any measure is decided");

        private final Predicate<MlaRequest> holds;
        private final String otherwise;

        Guard(Predicate<MlaRequest> holds, String otherwise) {
            this.holds = holds;
            this.otherwise = otherwise;
        }

        public boolean holds(MlaRequest request) {
            return holds.test(request);
        }

        public String otherwise() {
            return otherwise;
        }
    }

    private final String pathSegment;
    private final Party by;
    private final Set<RequestStatus> allowedFrom;
    private final Guard guard;

    RequestAction(String pathSegment, Party by, RequestStatus... allowedFrom) {
        this(pathSegment, by, null, allowedFrom);
    }

    RequestAction(String pathSegment, Party by, Guard guard, RequestStatus... allowedFrom) {
        this.pathSegment = pathSegment;
        this.by = by;
        this.guard = guard;
        EnumSet<RequestStatus> from = EnumSet.noneOf(RequestStatus.class);
        Collections.addAll(from, allowedFrom);
        this.allowedFrom = Collections.unmodifiableSet(from);
    }

    /** The name of the action in the API ({@code POST /api/requests/{id}/<pathSegment>}) and in messages. */
    public String pathSegment() {
        return pathSegment;
    }

    /** The party that may take this action. */
    public Party by() {
        return by;
    }

    @Override
    public String label() {
        return pathSegment;
    }

    @Override
    public String party() {
        return by == Party.SYSTEM ? "system" : by.name().toLowerCase(java.util.Locale.ROOT) + " State";
    }

    /** The statuses this action may be taken from (empty for {@link #SUBMIT}, which creates the request). */
    public Set<RequestStatus> allowedFrom() {
        return allowedFrom;
    }

    public boolean isAllowedFrom(RequestStatus status) {
        return allowedFrom.contains(status);
    }

    /** The condition beyond the status, if the action has one. */
    public java.util.Optional<Guard> guard() {
        return java.util.Optional.ofNullable(guard);
    }

    /**
     * Whether the request meets the action's guard (true when it has none). Once its personal data is
     * erased a request takes no party's action: it would record personal data nobody can read again (the
     * system's deadline reminders name nobody).
     */
    public boolean guardHolds(MlaRequest request) {
        return (request.erasure() == null || by == Party.SYSTEM) && (guard == null || guard.holds(request));
    }

    /**
     * What the State may do on the request now, by this table (the decider may still refuse one on a
     * guard beyond it, e.g. completing while a measure is open): clients render these, never the rules.
     */
    public static java.util.List<RequestAction> availableTo(MlaRequest request, org.mlaexchange.contracts.StateCode state) {
        if (state == null || !request.isParty(state)) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(values())
                .filter(a -> a.by != Party.SYSTEM && !a.allowedFrom.isEmpty())
                .filter(a -> state.equals(request.stateOf(a.by)) && a.isAllowedFrom(request.status()) && a.guardHolds(request))
                .toList();
    }
}
