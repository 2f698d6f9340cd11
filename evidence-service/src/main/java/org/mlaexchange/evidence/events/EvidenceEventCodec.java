package org.mlaexchange.evidence.events;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.evidence.EvidenceEvent;
import org.mlaexchange.contracts.evidence.EvidenceEventTypes;
import org.mlaexchange.contracts.evidence.ItemEvent;
import org.mlaexchange.contracts.evidence.TransferEvent;
import org.mlaexchange.evidence.domain.EvidenceCase;
import org.mlaexchange.evidence.domain.EvidenceItem;
import org.mlaexchange.evidence.domain.Transfer;
import org.mlaexchange.evidence.security.EvidenceDisclosure;
import org.mlaexchange.platform.identity.CurrentCaller;
import org.mlaexchange.evidence.domain.ItemDecider;
import org.mlaexchange.evidence.domain.TransferDecider;
import org.mlaexchange.platform.audit.CaseProjector;
import org.mlaexchange.platform.eventlog.NewEvent;
import org.mlaexchange.platform.seal.OpenedLog;

/**
 * Evidence events to and from the log: a transfer and each item are cases of their own, but their personal
 * data is sealed with the transfer's data key (one key per transfer, so erasing the transfer erases its
 * items), opened here with it; the fold behind the auditors' as-of view shows an item as
 * {@link EvidenceDisclosure} says for the auditor asking.
 */
@ApplicationScoped
public class EvidenceEventCodec implements CaseProjector {

    private final CurrentCaller caller;
    private final OpenedLog log;

    public EvidenceEventCodec(CurrentCaller caller, OpenedLog log) {
        this.caller = caller;
        this.log = log;
    }

    public NewEvent toLogEntry(EvidenceCase of, EvidenceEvent event, StateCode actor) {
        String caseId = event instanceof ItemEvent item ? item.itemId().toString() : event.transferId().toString();
        return new NewEvent(caseId, EvidenceEventTypes.typeOf(event), actor, Set.of(of.providingState(), of.receivingState()), event,
                event.transferId().toString());
    }

    /** The typed event of a log entry whose personal data is opened already (or was never sealed). */
    public static EvidenceEvent fromCloudEvent(CloudEvent event) {
        return EventJson.fromData(event.data(), EvidenceEventTypes.classOf(event.type()));
    }

    /** An item's chain of custody as published, personal data opened ("erased" once its transfer's was erased). */
    public List<CloudEvent> custody(EvidenceItem item) {
        return log.caseEvents(item.id().toString(), null, EvidenceEventTypes::classOf, item.transferId().toString());
    }

    /**
     * Erases the personal data of a transfer and its items in the unit recording the erasure: the transfer's
     * key destroyed, the transfer and each item folded again, so their stored states read "erased".
     */
    public Erased erase(TransferEvent.PersonalDataErased erased, List<UUID> itemIds) {
        String transferId = erased.transferId().toString();
        Transfer transfer = log.erase(transferId, erased.erasedBy(), erased.reason(), erased.erasedAt(), EvidenceEventTypes::classOf,
                EvidenceEventCodec::foldTransfer);
        List<EvidenceItem> items = itemIds.stream().map(id -> log.refold(transferId, id.toString(), EvidenceEventTypes::classOf,
                EvidenceEventCodec::foldItem)).toList();
        return new Erased(transfer, items);
    }

    /** A transfer and its items as they read after an erasure. */
    public record Erased(Transfer transfer, List<EvidenceItem> items) {
    }

    @Override
    public EvidenceCase project(List<CloudEvent> events) {
        // an item's events carry their transfer's id in clear: its key opens them
        String sealingCase = events.get(0).data().path("transferId").asText();
        if (TransferEvent.class.isAssignableFrom(EvidenceEventTypes.classOf(events.get(0).type()))) {
            return log.fold(sealingCase, events, EvidenceEventTypes::classOf, EvidenceEventCodec::foldTransfer);
        }
        EvidenceItem item = log.fold(sealingCase, events, EvidenceEventTypes::classOf, EvidenceEventCodec::foldItem);
        return item == null || !Arc.container().requestContext().isActive() ? item : EvidenceDisclosure.itemFor(caller.get(), item);
    }

    private static Transfer foldTransfer(List<EvidenceEvent> events) {
        return TransferDecider.fold(events.stream().map(TransferEvent.class::cast).toList());
    }

    private static EvidenceItem foldItem(List<EvidenceEvent> events) {
        return ItemDecider.fold(events.stream().map(ItemEvent.class::cast).toList());
    }
}
