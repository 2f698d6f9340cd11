package org.mlaexchange.contracts.statistics;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.mlaexchange.contracts.StateCode;
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

    private static final String ACKNOWLEDGED = "acknowledged";

    SpontaneousInformationStatistics() {
        super("request-service", Map.of(ACKNOWLEDGE, new String[] {OPENED, ACKNOWLEDGED}));
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
            c.consentDecisions.add(d.decision().name());
        } else if (e instanceof SpontaneousInformationEvent.DeadlineOverdue d) {
            reminder(c, d.kind().name(), d.owedBy());
        }
    }

    /** The figures of the spontaneous information the query covers: those every service has, and its own. */
    Statistics.SpontaneousFigures figures(StatisticsQuery query) {
        Statistics common = result(query);
        TreeMap<String, Long> sentTo = new TreeMap<>();
        TreeMap<String, Long> receivedFrom = new TreeMap<>();
        long declined = 0;
        StateCode scope = query.state();
        for (CaseFigures c : covered(query)) {
            if (scope == null || scope.equals(c.requesting)) {
                sentTo.merge(c.requested.value(), 1L, Long::sum);
            }
            if (scope == null || scope.equals(c.requested)) {
                receivedFrom.merge(c.requesting.value(), 1L, Long::sum);
            }
            declined += c.conditionsDeclined;
        }
        return new Statistics.SpontaneousFigures(common.cases(), common.casesByStatus(), sentTo, receivedFrom,
                common.timings().get(ACKNOWLEDGE), declined, common.consents(), common.overdueNow());
    }
}
