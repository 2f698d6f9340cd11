package org.mlaexchange.evidence.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.evidence.ManifestEntry;
import org.mlaexchange.contracts.evidence.TransferPurpose;
import org.mlaexchange.contracts.seal.ErasureReason;

/**
 * State of one transfer, as rebuilt by folding its events ({@link TransferDecider#fold}). Immutable.
 *
 * @param version            number of events folded so far (the {@code caseseq} of the last one)
 * @param requestMeasureIds  the measure ids of the request, which items may refer to
 * @param manifest           the items sealed at dispatch, empty before
 * @param quarantinedItemIds items whose receipt found a discrepancy, known at completion
 * @param erasure            the erasure of the personal data of the transfer and its items, {@code null} if it was not
 *                           erased: every personal text then reads "erased" and neither the transfer nor its items take
 *                           any more actions
 */
public record Transfer(
        UUID id,
        UUID requestId,
        StateCode providingState,
        StateCode receivingState,
        TransferPurpose purpose,
        TransferStatus status,
        int version,
        List<String> requestMeasureIds,
        String note,
        List<ManifestEntry> manifest,
        String dispatchReference,
        List<UUID> quarantinedItemIds,
        String cancellationReasons,
        Instant openedAt,
        Instant dispatchedAt,
        Instant completedAt,
        Instant cancelledAt,
        Erasure erasure) implements EvidenceCase {

    public Transfer {
        requestMeasureIds = List.copyOf(requestMeasureIds);
        manifest = List.copyOf(manifest);
        quarantinedItemIds = List.copyOf(quarantinedItemIds);
    }

    /** The ids of the items sealed at dispatch, in manifest order (empty before dispatch). */
    public List<UUID> itemIds() {
        return manifest.stream().map(ManifestEntry::itemId).toList();
    }

    /** Who erased the personal data ({@code null}: an operator's retention rule), why and when. */
    public record Erasure(StateCode erasedBy, ErasureReason reason, Instant erasedAt) {
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** A mutable copy used by {@link TransferDecider#evolve} to build the next state. */
    static final class Builder {
        UUID id;
        UUID requestId;
        StateCode providingState;
        StateCode receivingState;
        TransferPurpose purpose;
        TransferStatus status;
        int version;
        List<String> requestMeasureIds = new ArrayList<>();
        String note;
        List<ManifestEntry> manifest = new ArrayList<>();
        String dispatchReference;
        List<UUID> quarantinedItemIds = new ArrayList<>();
        String cancellationReasons;
        Instant openedAt;
        Instant dispatchedAt;
        Instant completedAt;
        Instant cancelledAt;
        Erasure erasure;

        Builder() {
        }

        private Builder(Transfer t) {
            id = t.id;
            requestId = t.requestId;
            providingState = t.providingState;
            receivingState = t.receivingState;
            purpose = t.purpose;
            status = t.status;
            version = t.version;
            requestMeasureIds = new ArrayList<>(t.requestMeasureIds);
            note = t.note;
            manifest = new ArrayList<>(t.manifest);
            dispatchReference = t.dispatchReference;
            quarantinedItemIds = new ArrayList<>(t.quarantinedItemIds);
            cancellationReasons = t.cancellationReasons;
            openedAt = t.openedAt;
            dispatchedAt = t.dispatchedAt;
            completedAt = t.completedAt;
            cancelledAt = t.cancelledAt;
            erasure = t.erasure;
        }

        Transfer build() {
            return new Transfer(id, requestId, providingState, receivingState, purpose, status, version, requestMeasureIds,
                    note, manifest, dispatchReference, quarantinedItemIds, cancellationReasons, openedAt, dispatchedAt,
                    completedAt, cancelledAt, erasure);
        }
    }
}
