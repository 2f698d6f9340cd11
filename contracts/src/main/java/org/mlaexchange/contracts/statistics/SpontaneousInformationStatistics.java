package org.mlaexchange.contracts.statistics;

import java.time.Instant;
import java.util.Map;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent;
import org.mlaexchange.contracts.request.SpontaneousInformationEventTypes;
import org.mlaexchange.contracts.request.SpontaneousInformationFacts;
import org.mlaexchange.contracts.request.SpontaneousStatus;

/**
 * Spontaneous information, folded from the same log as the requests (request-service): the providing State
 * is counted as the first party, the receiving State as the second; acknowledge = sending to the receiving
 * State's acknowledgement. Its figures are {@link Statistics#spontaneousInformation()}.
 */
final class SpontaneousInformationStatistics extends LogStatistics {

    static final String FOLD = "spontaneous-information";
    private static final String ACKNOWLEDGED = "acknowledged";

    SpontaneousInformationStatistics() {
        super("request-service", FOLD, Map.of(ACKNOWLEDGE, new String[] {OPENED, ACKNOWLEDGED}));
    }

    @Override
    protected boolean counts(CloudEvent event) {
        return SpontaneousInformationEventTypes.isSpontaneousInformation(event.type());
    }

    @Override
    void apply(CaseFigures c, CloudEvent event, Instant at) {
        SpontaneousInformationEvent e = data(event, SpontaneousInformationEventTypes::classOf);
        SpontaneousStatus status = SpontaneousInformationFacts.statusAfter(c.status == null ? null : SpontaneousStatus.valueOf(c.status), e);
        c.status = status.name();
        // returned or closed: nothing more is owed in the case (closing does not end the conditions, but no deadline runs)
        c.terminal = status == SpontaneousStatus.RETURNED || status == SpontaneousStatus.CLOSED;
        if (e instanceof SpontaneousInformationEvent.Sent s) {
            c.opened(s.providingState(), s.receivingState(), s.sentAt(), OPENED);
        } else if (e instanceof SpontaneousInformationEvent.Acknowledged a) {
            c.reached(ACKNOWLEDGED, a.acknowledgedAt());
        } else if (e instanceof SpontaneousInformationEvent.ConditionsDeclined) {
            c.conditionsDeclined++;
        } else if (e instanceof SpontaneousInformationEvent.UseConsentDecided d) {
            c.consentDecided(d.decision().name());
        } else if (e instanceof SpontaneousInformationEvent.DeadlineOverdue d) {
            reminder(c, d.kind().name(), d.owedBy());
        }
    }

    /** The figures of the spontaneous information the query covers: those every service has, and its own. */
    Statistics.SpontaneousFigures figures(Totals totals) {
        Statistics common = statistics(totals, null);
        return new Statistics.SpontaneousFigures(common.cases(), common.casesByStatus(), totals.secondParties, totals.firstParties,
                common.timings().get(ACKNOWLEDGE), totals.conditionsDeclined, common.consents(), common.overdueNow());
    }
}
