package org.mlaexchange.contracts.statistics;

import java.time.Instant;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.extradition.ExtraditionEvent;
import org.mlaexchange.contracts.extradition.ExtraditionEventTypes;
import org.mlaexchange.contracts.extradition.ExtraditionFacts;
import org.mlaexchange.contracts.extradition.ExtraditionStatus;

/**
 * Extradition cases: acknowledge = formal request to acknowledgement; decide = formal request to grant
 * or refusal; execute = grant to surrender. Outcome: SURRENDERED, REFUSED_SUBMITTED_FOR_PROSECUTION
 * (aut dedere aut judicare), REFUSED, NOT_TAKEN_OVER, WITHDRAWN, CLOSED, else PENDING.
 */
final class ExtraditionStatistics extends LogStatistics {

    private static final String PENDING = "PENDING";
    ExtraditionStatistics() {
        super("extradition-service", "extradition", new String[] {"formal-request", "acknowledged"}, new String[] {"formal-request", "decided"},
                new String[] {"decided", "surrendered"});
    }

    @Override
    void apply(CaseFigures c, CloudEvent event, Instant at) {
        ExtraditionEvent e = data(event, ExtraditionEventTypes::classOf);
        ExtraditionStatus status = ExtraditionFacts.statusAfter(c.status == null ? null : ExtraditionStatus.valueOf(c.status), e);
        c.status = status.name();
        c.terminal = ExtraditionFacts.TERMINAL.contains(status);
        if (e instanceof ExtraditionEvent.ProvisionalArrestRequested p) {
            opened(c, p.requestingState(), p.requestedState(), p.requestedAt());
        } else if (e instanceof ExtraditionEvent.ExtraditionRequested r) {
            opened(c, r.requestingState(), r.requestedState(), r.submittedAt());
            c.reached("formal-request", r.submittedAt());
        } else if (e instanceof ExtraditionEvent.FormalRequestSubmitted f) {
            c.reached("formal-request", f.submittedAt());
        } else if (e instanceof ExtraditionEvent.RequestAcknowledged a) {
            c.reached("acknowledged", a.acknowledgedAt());
        } else if (e instanceof ExtraditionEvent.Granted g) {
            c.reached("decided", g.grantedAt());
        } else if (e instanceof ExtraditionEvent.Refused r) {
            c.reached("decided", r.refusedAt());
            r.grounds().forEach(g -> c.refusedOn(g.name()));
            c.outcome = "REFUSED";
        } else if (e instanceof ExtraditionEvent.SubmittedForProsecution) {
            c.outcome = "REFUSED_SUBMITTED_FOR_PROSECUTION";
        } else if (e instanceof ExtraditionEvent.Surrendered s) {
            c.reached("surrendered", s.surrenderedAt());
            c.outcome = "SURRENDERED";
        } else if (e instanceof ExtraditionEvent.NotTakenOver) {
            c.outcome = "NOT_TAKEN_OVER";
        } else if (e instanceof ExtraditionEvent.SurrenderPostponed) {
            c.postponements++;
        } else if (e instanceof ExtraditionEvent.SpecialityConsentDecided d) {
            c.consentDecided(d.decision().name());
        } else if (e instanceof ExtraditionEvent.ReExtraditionConsentDecided d) {
            c.consentDecided(d.decision().name());
        } else if (e instanceof ExtraditionEvent.DeadlineOverdue d) {
            reminder(c, d.kind().name(), d.owedBy());
        } else if (e instanceof ExtraditionEvent.Withdrawn && PENDING.equals(c.outcome)) {
            c.outcome = "WITHDRAWN";
        } else if (e instanceof ExtraditionEvent.Closed && PENDING.equals(c.outcome)) {
            c.outcome = "CLOSED";
        }
    }

    private static void opened(CaseFigures c, StateCode requesting, StateCode requested, Instant at) {
        c.requesting = CaseFigures.shared(requesting);
        c.requested = CaseFigures.shared(requested);
        c.openedAt = at;
        c.outcome = PENDING;
    }
}
