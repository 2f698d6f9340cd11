package org.mlaexchange.contracts.request;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.mlaexchange.contracts.StateCode;

/**
 * What other services know of an MLA request, folded from its published events alone (a local
 * projection, never a synchronous call): its parties, status, flags and measures.
 *
 * @param version the {@code caseseq} of the last event folded
 */
public record RequestFacts(
        UUID requestId,
        StateCode requestingState,
        StateCode requestedState,
        RequestStatus status,
        boolean urgent,
        boolean confidential,
        List<String> measureIds,
        int version) {

    /** Statuses in which measures are being carried out and their results may be handed over. */
    private static final Set<RequestStatus> EXECUTING = EnumSet.of(RequestStatus.ACCEPTED, RequestStatus.IN_EXECUTION,
            RequestStatus.PARTIALLY_EXECUTED, RequestStatus.EXECUTED);

    public RequestFacts {
        measureIds = ContractLists.copy(measureIds);
    }

    public boolean isParty(StateCode state) {
        return requestingState.equals(state) || requestedState.equals(state);
    }

    public boolean inExecution() {
        return EXECUTING.contains(status);
    }

    /** The facts after one more event of the same request ({@code facts} is null before {@code Submitted}). */
    public static RequestFacts apply(RequestFacts facts, RequestEvent event) {
        if (event instanceof RequestEvent.Submitted s) {
            return new RequestFacts(s.requestId(), s.requestingState(), s.requestedState(), RequestStatus.SUBMITTED,
                    s.urgent(), s.confidential(), s.measureIds(), 1);
        }
        if (facts == null) {
            throw new IllegalArgumentException("the first event of a request is Submitted, not " + event.getClass().getSimpleName());
        }
        return facts.with(statusAfter(facts.status(), event));
    }

    private RequestFacts with(RequestStatus next) {
        return new RequestFacts(requestId, requestingState, requestedState, next, urgent, confidential, measureIds, version + 1);
    }

    /**
     * The one place that says which status an event leads to: request-service's decider evolves its
     * state with it and the other services' projections fold it, so the two cannot disagree.
     */
    public static RequestStatus statusAfter(RequestStatus current, RequestEvent event) {
        if (event instanceof RequestEvent.Submitted) {
            return RequestStatus.SUBMITTED;
        }
        if (event instanceof RequestEvent.Acknowledged) {
            return RequestStatus.ACKNOWLEDGED;
        } else if (event instanceof RequestEvent.InformationRequested) {
            return RequestStatus.INFORMATION_REQUESTED;
        } else if (event instanceof RequestEvent.InformationProvided) {
            return RequestStatus.UNDER_ASSESSMENT;
        } else if (event instanceof RequestEvent.ConsultationOpened) {
            return RequestStatus.CONSULTATION;
        } else if (event instanceof RequestEvent.Postponed) {
            return RequestStatus.POSTPONED;
        } else if (event instanceof RequestEvent.ConditionsProposed) {
            return RequestStatus.CONDITIONS_PROPOSED;
        } else if (event instanceof RequestEvent.ConditionsAccepted a) {
            return a.status();
        } else if (event instanceof RequestEvent.ConditionsRejected) {
            return RequestStatus.CONSULTATION;
        } else if (event instanceof RequestEvent.Refused r) {
            return r.status();
        } else if (event instanceof RequestEvent.Accepted a) {
            return a.status();
        } else if (event instanceof RequestEvent.ProgressReported p) {
            return p.status();
        } else if (event instanceof RequestEvent.Completed) {
            return RequestStatus.EXECUTED;
        } else if (event instanceof RequestEvent.Closed) {
            return RequestStatus.CLOSED;
        } else if (event instanceof RequestEvent.Withdrawn) {
            return RequestStatus.WITHDRAWN;
        } else if (event instanceof RequestEvent.MeasuresImpossible m) {
            return m.status();
        } else if (event instanceof RequestEvent.ConfidentialityNotAssured) {
            return RequestStatus.CONFIDENTIALITY_NOT_ASSURED;
        } else if (event instanceof RequestEvent.ContinuedWithoutConfidentiality c) {
            return c.status();
        }
        // DeadlineOverdue, ConsultationAnswered, StatusRequested, StatusAnswered, Supplemented and
        // DecisionDeadlineExtended do not change the status
        return current;
    }
}
