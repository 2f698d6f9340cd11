package org.mlaexchange.contracts.statistics;

import java.time.Instant;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.evidence.EvidenceEvent;
import org.mlaexchange.contracts.evidence.EvidenceEventTypes;
import org.mlaexchange.contracts.evidence.ItemEvent;
import org.mlaexchange.contracts.evidence.TransferEvent;

/**
 * Evidence transfers (the cases) and their items: acknowledge = dispatch to completion (the receiving
 * State's receipts cover every item); decide = the transfer's first use-consent request to its
 * decision; execute = opening to dispatch. The parties are the providing and the receiving State.
 */
final class EvidenceStatistics extends LogStatistics {

    EvidenceStatistics() {
        super("evidence-service", "transfer", new String[] {"dispatched", "completed"}, new String[] {"consent-requested", "consent-decided"},
                new String[] {OPENED, "dispatched"});
    }

    @Override
    protected String caseOf(CloudEvent event) {
        return event.data().path("transferId").asText();
    }

    @Override
    void apply(CaseFigures c, CloudEvent event, Instant at) {
        EvidenceEvent e = data(event, EvidenceEventTypes::classOf);
        if (e instanceof TransferEvent.Opened o) {
            c.opened(o.providingState(), o.receivingState(), o.openedAt(), OPENED);
            c.status = "OPEN";
        } else if (e instanceof TransferEvent.Dispatched d) {
            c.status = "DISPATCHED";
            c.reached("dispatched", d.dispatchedAt());
        } else if (e instanceof TransferEvent.Completed done) {
            c.status = "COMPLETED";
            c.reached("completed", done.completedAt());
        } else if (e instanceof TransferEvent.Cancelled) {
            c.status = "CANCELLED";
            c.terminal = true;
        } else if (e instanceof ItemEvent item) {
            item(c, item);
        }
    }

    private static void item(CaseFigures c, ItemEvent e) {
        String id = e.itemId().toString();
        if (e instanceof ItemEvent.Registered) {
            c.item(id, "REGISTERED");
        } else if (e instanceof ItemEvent.ContentStored) {
            c.item(id, "CONTENT_STORED");
        } else if (e instanceof ItemEvent.Dispatched) {
            c.item(id, "DISPATCHED");
        } else if (e instanceof ItemEvent.Verified) {
            c.item(id, "VERIFIED");
        } else if (e instanceof ItemEvent.DiscrepancyFound) {
            c.item(id, "QUARANTINED");
        } else if (e instanceof ItemEvent.Returned) {
            c.item(id, "RETURNED");
            c.returnDue(id, null);
        } else if (e instanceof ItemEvent.Disposed) {
            c.item(id, "DISPOSED");
            c.returnDue(id, null);
        } else if (e instanceof ItemEvent.ReturnDue r) {
            c.returnDue(id, r.dueDate());
        } else if (e instanceof ItemEvent.UseConsentRequested r) {
            c.reached("consent-requested", r.requestedAt());
        } else if (e instanceof ItemEvent.UseConsentDecided d) {
            c.reached("consent-decided", d.decidedAt());
            c.consentDecided(d.decision().name());
        }
    }
}
