package org.mlaexchange.contracts.request;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.mlaexchange.contracts.StateCode;

/**
 * What other services know of a case of spontaneous information, folded from its published events alone
 * (as {@link RequestFacts} is for a request): its two States and status. evidence-service accepts a transfer
 * of evidence items with the information on these facts.
 *
 * @param version the {@code caseseq} of the last event folded
 */
public record SpontaneousInformationFacts(
        UUID informationId,
        StateCode providingState,
        StateCode receivingState,
        SpontaneousStatus status,
        int version) {

    /** Statuses in which the information is still on offer: sent and not refused, or acknowledged. */
    private static final Set<SpontaneousStatus> OPEN = EnumSet.of(SpontaneousStatus.SENT, SpontaneousStatus.ACKNOWLEDGED);

    public boolean isParty(StateCode state) {
        return providingState.equals(state) || receivingState.equals(state);
    }

    /**
     * Whether the providing State may still hand evidence items over with the information: not once the
     * receiving State declined its conditions (it must not use what comes under them), returned it, or the case
     * was closed.
     */
    public boolean open() {
        return OPEN.contains(status);
    }

    /** The facts after one more event of the same case ({@code facts} is null before {@code Sent}). */
    public static SpontaneousInformationFacts apply(SpontaneousInformationFacts facts, SpontaneousInformationEvent event) {
        if (event instanceof SpontaneousInformationEvent.Sent s) {
            return new SpontaneousInformationFacts(s.informationId(), s.providingState(), s.receivingState(), SpontaneousStatus.SENT, 1);
        }
        if (facts == null) {
            throw new IllegalArgumentException("the first event of spontaneous information is Sent, not " + event.getClass().getSimpleName());
        }
        return new SpontaneousInformationFacts(facts.informationId, facts.providingState, facts.receivingState,
                statusAfter(facts.status, event), facts.version + 1);
    }

    /**
     * The one place that says which status an event leads to: request-service's decider evolves its case with it
     * and the other services' projections fold it, so the two cannot disagree.
     */
    public static SpontaneousStatus statusAfter(SpontaneousStatus current, SpontaneousInformationEvent event) {
        if (event instanceof SpontaneousInformationEvent.Sent || event instanceof SpontaneousInformationEvent.ConditionsRevised) {
            return SpontaneousStatus.SENT; // revised conditions are answered again
        } else if (event instanceof SpontaneousInformationEvent.Acknowledged) {
            return SpontaneousStatus.ACKNOWLEDGED;
        } else if (event instanceof SpontaneousInformationEvent.ConditionsDeclined) {
            return SpontaneousStatus.CONDITIONS_DECLINED;
        } else if (event instanceof SpontaneousInformationEvent.Returned) {
            return SpontaneousStatus.RETURNED;
        } else if (event instanceof SpontaneousInformationEvent.Closed) {
            return SpontaneousStatus.CLOSED;
        }
        return current; // consent to another use is asked and decided within the case's status
    }
}
