package org.mlaexchange.contracts.evidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.mlaexchange.contracts.StateCode;

/**
 * The events of a transfer: the items handed over together in execution of one MLA request, from the
 * providing State to the other party of the request, the receiving State. Each item has its own stream
 * of {@link ItemEvent}s (its chain of custody).
 */
public sealed interface TransferEvent extends EvidenceEvent {

    @Override
    UUID transferId();

    /**
     * The providing State opened a transfer for a request, or for spontaneous information it sent.
     *
     * @param requestId         the request; for {@link TransferPurpose#SPONTANEOUS_INFORMATION} the spontaneous information
     *                          (request-service keeps both kinds of case in one log and id space)
     * @param requestMeasureIds the measure ids of the request, which items may refer to (none for spontaneous information)
     * @param note              optional
     */
    record Opened(
            UUID transferId,
            UUID requestId,
            StateCode providingState,
            StateCode receivingState,
            TransferPurpose purpose,
            List<String> requestMeasureIds,
            String note,
            Instant openedAt) implements TransferEvent {

        public Opened {
            requestMeasureIds = ContractLists.copy(requestMeasureIds);
        }
    }

    /**
     * The providing State dispatched the transfer: it is sealed, its manifest fixed. Each item gets its
     * own {@link ItemEvent.Dispatched} in the same decision.
     *
     * @param reference optional consignment reference (e.g. courier or diplomatic bag number)
     */
    record Dispatched(
            UUID transferId,
            List<ManifestEntry> manifest,
            String reference,
            Instant dispatchedAt) implements TransferEvent {

        public Dispatched {
            manifest = ContractLists.copy(manifest);
        }
    }

    /**
     * The receiving State's receipts now cover every item of the transfer (emitted with the last receipt).
     *
     * @param quarantinedItemIds items whose receipt found a discrepancy (may be empty)
     */
    record Completed(
            UUID transferId,
            int itemCount,
            List<UUID> quarantinedItemIds,
            Instant completedAt) implements TransferEvent {

        public Completed {
            quarantinedItemIds = ContractLists.copy(quarantinedItemIds);
        }
    }

    /** The providing State cancelled the transfer before dispatch. */
    record Cancelled(
            UUID transferId,
            String reasons,
            Instant cancelledAt) implements TransferEvent {
    }
}
