package org.mlaexchange.evidence.events;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.evidence.EvidenceEvent;
import org.mlaexchange.contracts.evidence.EvidenceEventTypes;
import org.mlaexchange.contracts.evidence.ItemEvent;
import org.mlaexchange.contracts.evidence.TransferEvent;
import org.mlaexchange.evidence.domain.EvidenceCase;
import org.mlaexchange.evidence.domain.EvidenceItem;
import org.mlaexchange.evidence.security.EvidenceDisclosure;
import org.mlaexchange.platform.identity.CurrentCaller;
import org.mlaexchange.evidence.domain.ItemDecider;
import org.mlaexchange.evidence.domain.TransferDecider;
import org.mlaexchange.platform.audit.CaseProjector;
import org.mlaexchange.platform.eventlog.NewEvent;

/**
 * Evidence events to and from the log: a transfer and each item are cases of their own; the fold behind
 * the auditors' as-of view shows an item as {@link EvidenceDisclosure} says for the auditor asking.
 */
@ApplicationScoped
public class EvidenceEventCodec implements CaseProjector {

    private final CurrentCaller caller;

    public EvidenceEventCodec(CurrentCaller caller) {
        this.caller = caller;
    }

    public NewEvent toLogEntry(EvidenceCase of, EvidenceEvent event, StateCode actor) {
        String caseId = event instanceof ItemEvent item ? item.itemId().toString() : event.transferId().toString();
        return new NewEvent(caseId, EvidenceEventTypes.typeOf(event), actor, Set.of(of.providingState(), of.receivingState()), event);
    }

    public static EvidenceEvent fromCloudEvent(CloudEvent event) {
        return EventJson.fromData(event.data(), EvidenceEventTypes.classOf(event.type()));
    }

    @Override
    public EvidenceCase project(List<CloudEvent> events) {
        List<EvidenceEvent> typed = events.stream().map(EvidenceEventCodec::fromCloudEvent).toList();
        if (typed.get(0) instanceof TransferEvent) {
            return TransferDecider.fold(typed.stream().map(TransferEvent.class::cast).toList());
        }
        EvidenceItem item = ItemDecider.fold(typed.stream().map(ItemEvent.class::cast).toList());
        return item == null || !Arc.container().requestContext().isActive() ? item : EvidenceDisclosure.itemFor(caller.get(), item);
    }
}
