package org.mlaexchange.evidence.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.evidence.DiscrepancyKind;
import org.mlaexchange.contracts.evidence.ItemMetadata;
import org.mlaexchange.contracts.evidence.UseConsentDecision;
import org.mlaexchange.contracts.evidence.UsePurpose;

/**
 * State of one evidence item, as rebuilt by folding its chain of custody ({@link ItemDecider#fold}).
 * Immutable. Every access is an event of the chain; the state keeps only their count and the last one.
 *
 * @param version       number of events folded so far (the {@code caseseq} of the last one)
 * @param content       the stored content, {@code null} before it is stored (always for a physical object)
 * @param seal          what was sealed at dispatch, {@code null} before
 * @param receipt       the receiving State's receipt, {@code null} before
 * @param discrepancy   what the receipt found wrong, {@code null} unless quarantined
 * @param useConsents   every use consent asked for, oldest first
 * @param returnDueDate set with the receipt when the conditions require return
 */
public record EvidenceItem(
        UUID id,
        UUID transferId,
        UUID requestId,
        StateCode providingState,
        StateCode receivingState,
        ItemStatus status,
        int version,
        ItemMetadata metadata,
        StoredContent content,
        Seal seal,
        Receipt receipt,
        Discrepancy discrepancy,
        List<UseConsent> useConsents,
        List<ExculpatoryNotice> exculpatoryNotices,
        int accessCount,
        Instant lastAccessedAt,
        LocalDate returnDueDate,
        Return returned,
        Disposal disposal,
        Instant registeredAt) implements EvidenceCase {

    /** Calendar dates (return by, disclosure, obtained on) are days in this zone, as for request deadlines. */
    public static final ZoneOffset DATE_ZONE = ZoneOffset.UTC;

    public EvidenceItem {
        useConsents = List.copyOf(useConsents);
        exculpatoryNotices = List.copyOf(exculpatoryNotices);
    }

    /** The same item described by other metadata: what an audience that may not see the item's facts is shown. */
    public EvidenceItem withMetadata(ItemMetadata shown) {
        return new EvidenceItem(id, transferId, requestId, providingState, receivingState, status, version, shown, content, seal,
                receipt, discrepancy, useConsents, exculpatoryNotices, accessCount, lastAccessedAt, returnDueDate, returned, disposal,
                registeredAt);
    }

    public Optional<UseConsent> useConsent(UUID consentId) {
        return useConsents.stream().filter(c -> c.id().equals(consentId)).findFirst();
    }

    /** Content as stored by the providing State, digest and size computed while storing. */
    public record StoredContent(String sha256, long size, String mediaType, Instant storedAt) {
    }

    /** What was fixed at dispatch; {@code sha256} and {@code size} are {@code null} for a physical object. */
    public record Seal(String sha256, Long size, String sealNumber, Instant dispatchedAt) {
    }

    /** The receiving State's receipt: what it found itself. */
    public record Receipt(StateCode receivedBy, String sha256, String sealNumber, String note, Instant receivedAt) {
    }

    public record Discrepancy(DiscrepancyKind kind, String expected, String found, Instant foundAt) {
    }

    /**
     * A use consent asked by the receiving State and, once decided, the providing State's answer.
     *
     * @param thirdState {@code null} unless the purpose is ONWARD_TRANSFER
     * @param decision   {@code null} while pending
     */
    public record UseConsent(
            UUID id,
            UsePurpose purpose,
            StateCode thirdState,
            String description,
            Instant requestedAt,
            UseConsentDecision decision,
            List<String> conditions,
            String reasons,
            Instant decidedAt) {

        public UseConsent {
            conditions = List.copyOf(conditions);
        }

        public boolean pending() {
            return decision == null;
        }
    }

    public record ExculpatoryNotice(String disclosedTo, String description, LocalDate disclosureDate, Instant notifiedAt) {
    }

    public record Return(String note, Instant returnedAt) {
    }

    public record Disposal(String method, Instant disposedAt) {
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** A mutable copy used by {@link ItemDecider#evolve} to build the next state. */
    static final class Builder {
        UUID id;
        UUID transferId;
        UUID requestId;
        StateCode providingState;
        StateCode receivingState;
        ItemStatus status;
        int version;
        ItemMetadata metadata;
        StoredContent content;
        Seal seal;
        Receipt receipt;
        Discrepancy discrepancy;
        List<UseConsent> useConsents = new ArrayList<>();
        List<ExculpatoryNotice> exculpatoryNotices = new ArrayList<>();
        int accessCount;
        Instant lastAccessedAt;
        LocalDate returnDueDate;
        Return returned;
        Disposal disposal;
        Instant registeredAt;

        Builder() {
        }

        private Builder(EvidenceItem i) {
            id = i.id;
            transferId = i.transferId;
            requestId = i.requestId;
            providingState = i.providingState;
            receivingState = i.receivingState;
            status = i.status;
            version = i.version;
            metadata = i.metadata;
            content = i.content;
            seal = i.seal;
            receipt = i.receipt;
            discrepancy = i.discrepancy;
            useConsents = new ArrayList<>(i.useConsents);
            exculpatoryNotices = new ArrayList<>(i.exculpatoryNotices);
            accessCount = i.accessCount;
            lastAccessedAt = i.lastAccessedAt;
            returnDueDate = i.returnDueDate;
            returned = i.returned;
            disposal = i.disposal;
            registeredAt = i.registeredAt;
        }

        EvidenceItem build() {
            return new EvidenceItem(id, transferId, requestId, providingState, receivingState, status, version, metadata,
                    content, seal, receipt, discrepancy, useConsents, exculpatoryNotices, accessCount, lastAccessedAt,
                    returnDueDate, returned, disposal, registeredAt);
        }
    }
}
