package org.mlaexchange.contracts.statistics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
            c.requesting = s.providingState();
            c.requested = s.receivingState();
            c.openedAt = s.sentAt();
            c.reached(OPENED, s.sentAt());
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

    /** The figures of the spontaneous information the query covers. */
    Statistics.SpontaneousFigures figures(StatisticsQuery query) {
        TreeMap<String, Long> byStatus = new TreeMap<>();
        TreeMap<String, Long> sentTo = new TreeMap<>();
        TreeMap<String, Long> receivedFrom = new TreeMap<>();
        TreeMap<String, Long> consents = new TreeMap<>();
        List<Long> toAcknowledge = new ArrayList<>();
        long count = 0;
        long declined = 0;
        long overdue = 0;
        for (CaseFigures c : covered(query)) {
            count++;
            byStatus.merge(c.status, 1L, Long::sum);
            StateCode scope = query.state();
            if (scope == null || scope.equals(c.requesting)) {
                sentTo.merge(c.requested.value(), 1L, Long::sum);
            }
            if (scope == null || scope.equals(c.requested)) {
                receivedFrom.merge(c.requesting.value(), 1L, Long::sum);
            }
            Long millis = c.between(OPENED, ACKNOWLEDGED);
            if (millis != null) {
                toAcknowledge.add(millis);
            }
            declined += c.conditionsDeclined;
            c.consentDecisions.forEach(d -> consents.merge(d, 1L, Long::sum));
            if (c.overdue(query.today())) {
                overdue++;
            }
        }
        return new Statistics.SpontaneousFigures(count, byStatus, sentTo, receivedFrom, Statistics.Timing.of(toAcknowledge), declined,
                consents, overdue);
    }
}
