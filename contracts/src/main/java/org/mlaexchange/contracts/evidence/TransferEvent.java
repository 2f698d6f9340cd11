package org.mlaexchange.contracts.evidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.seal.ErasureReason;
import org.mlaexchange.contracts.seal.NotPersonal;

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
            @NotPersonal List<String> requestMeasureIds,
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

    /**
     * The personal data of the transfer and of its items was erased: the transfer's data key is destroyed,
     * so every text sealed with it, in the log, on the topic and in backups, no longer opens, and the stored
     * content of its items was deleted (their digests stay in the log: what was handed over can still be
     * proven, not read). The event itself names nobody.
     *
     * @param erasedBy            the providing State, which supplied the data and erased it; {@code null} when an
     *                            operator applied a retention rule
     * @param contentErasedItemIds the items whose stored content was deleted with the erasure (may be empty)
     */
    record PersonalDataErased(
            UUID transferId,
            StateCode erasedBy,
            ErasureReason reason,
            List<UUID> contentErasedItemIds,
            Instant erasedAt) implements TransferEvent {

        public PersonalDataErased {
            contentErasedItemIds = ContractLists.copy(contentErasedItemIds);
        }
    }
}
