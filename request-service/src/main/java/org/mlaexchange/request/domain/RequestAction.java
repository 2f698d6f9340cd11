package org.mlaexchange.request.domain;

import org.mlaexchange.contracts.rules.DomainAction;

import static org.mlaexchange.contracts.request.RequestStatus.ACCEPTED;
import static org.mlaexchange.contracts.request.RequestStatus.ACKNOWLEDGED;
import static org.mlaexchange.contracts.request.RequestStatus.CONDITIONS_PROPOSED;
import static org.mlaexchange.contracts.request.RequestStatus.CONSULTATION;
import static org.mlaexchange.contracts.request.RequestStatus.EXECUTED;
import static org.mlaexchange.contracts.request.RequestStatus.INFORMATION_REQUESTED;
import static org.mlaexchange.contracts.request.RequestStatus.IN_EXECUTION;
import static org.mlaexchange.contracts.request.RequestStatus.PARTIALLY_EXECUTED;
import static org.mlaexchange.contracts.request.RequestStatus.POSTPONED;
import static org.mlaexchange.contracts.request.RequestStatus.SUBMITTED;
import static org.mlaexchange.contracts.request.RequestStatus.UNDER_ASSESSMENT;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.mlaexchange.contracts.request.RequestStatus;

/**
 * The actions on a request, and the whole transition table: who may take each action and from which
 * statuses. The resulting status is noted on each line; {@link RequestDecider} applies the guards that
 * depend on more than the status (measures, content).
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
                                                                       CONDITIONS_PROPOSED, ACCEPTED, IN_EXECUTION,
                                                                       PARTIALLY_EXECUTED),                       // → WITHDRAWN
    RECORD_OVERDUE_DEADLINES("record-overdue-deadlines", Party.SYSTEM, RequestStatus.values());                    // → unchanged, one reminder per overdue deadline

    private final String pathSegment;
    private final Party by;
    private final Set<RequestStatus> allowedFrom;

    RequestAction(String pathSegment, Party by, RequestStatus... allowedFrom) {
        this.pathSegment = pathSegment;
        this.by = by;
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
                .filter(a -> state.equals(request.stateOf(a.by)) && a.isAllowedFrom(request.status()))
                .toList();
    }
}
