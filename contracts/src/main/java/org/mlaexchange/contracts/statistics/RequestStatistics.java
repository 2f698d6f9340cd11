package org.mlaexchange.contracts.statistics;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.request.RequestEventTypes;
import org.mlaexchange.contracts.request.RequestFacts;
import org.mlaexchange.contracts.request.RequestStatus;

/**
 * MLA requests: acknowledge = submission to acknowledgement; decide = submission to the first decision
 * on a measure (accepted or refused); execute = that decision to completion.
 */
final class RequestStatistics extends LogStatistics {

    private static final Set<RequestStatus> TERMINAL = EnumSet.of(RequestStatus.REFUSED, RequestStatus.CLOSED, RequestStatus.WITHDRAWN);

    /** Spontaneous information shares the log; it is folded beside the requests and reported apart. */
    private final SpontaneousInformationStatistics spontaneous = new SpontaneousInformationStatistics();

    RequestStatistics() {
        super("request-service", "request", new String[] {OPENED, "acknowledged"}, new String[] {OPENED, "decided"},
                new String[] {"decided", "executed"});
    }

    /** Requests only: spontaneous information shares the log but is no request (no decision, no execution). */
    @Override
    protected boolean counts(CloudEvent event) {
        return RequestEventTypes.all().contains(event.type());
    }

    @Override
    public void accept(CloudEvent event) {
        super.accept(event);
        spontaneous.accept(event);
    }

    @Override
    List<LogStatistics> folds() {
        return List.of(this, spontaneous);
    }

    @Override
    Statistics.SpontaneousFigures spontaneousInformation(Map<String, Totals> totals) {
        return spontaneous.figures(totals.get(SpontaneousInformationStatistics.FOLD));
    }

    @Override
    void apply(CaseFigures c, CloudEvent event, Instant at) {
        RequestEvent e = data(event, RequestEventTypes::classOf);
        RequestStatus status = RequestFacts.statusAfter(c.status == null ? null : RequestStatus.valueOf(c.status), e);
        c.status = status.name();
        c.terminal = TERMINAL.contains(status);
        if (e instanceof RequestEvent.Submitted s) {
            c.opened(s.requestingState(), s.requestedState(), s.submittedAt(), OPENED);
        } else if (e instanceof RequestEvent.Acknowledged a) {
            c.reached("acknowledged", a.acknowledgedAt());
        } else if (e instanceof RequestEvent.Accepted a) {
            c.reached("decided", a.acceptedAt());
        } else if (e instanceof RequestEvent.Refused r) {
            c.reached("decided", r.refusedAt());
            r.grounds().forEach(g -> c.refusedOn(g.name()));
        } else if (e instanceof RequestEvent.Completed done) {
            c.reached("executed", done.completedAt());
        } else if (e instanceof RequestEvent.Postponed) {
            c.postponements++;
        } else if (e instanceof RequestEvent.DeadlineOverdue d) {
            reminder(c, d.kind().name(), d.owedBy());
        }
    }
}
