package org.mlaexchange.contracts.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.seal.NotPersonal;

/**
 * The chain of custody of one evidence item: its events, append-only, in order. Both parties to the
 * transfer see them all. Digests are lower-case hex SHA-256; sizes are bytes.
 */
public sealed interface ItemEvent extends EvidenceEvent {

    UUID itemId();

    @Override
    UUID transferId();

    /** The providing State registered the item in an open transfer, with its metadata and conditions. */
    record Registered(
            UUID itemId,
            UUID transferId,
            UUID requestId,
            StateCode providingState,
            StateCode receivingState,
            ItemMetadata metadata,
            Instant registeredAt) implements ItemEvent {
    }

    /** The providing State stored the item's content; digest and size are those computed while storing. */
    record ContentStored(
            UUID itemId,
            UUID transferId,
            @NotPersonal String sha256,
            long size,
            @NotPersonal String mediaType,
            Instant storedAt) implements ItemEvent {
    }

    /**
     * The item left with its transfer, sealed: its digest, size and seal number are fixed from here on.
     *
     * @param sha256     {@code null} for a physical object
     * @param size       {@code null} for a physical object
     * @param sealNumber {@code null} when the item carries no seal
     */
    record Dispatched(
            UUID itemId,
            UUID transferId,
            @NotPersonal String sha256,
            Long size,
            @NotPersonal String sealNumber,
            Instant dispatchedAt) implements ItemEvent {
    }

    /**
     * The receiving State's receipt: a legal acknowledgement, distinct from delivery, with what it found
     * itself. Followed in the same decision by {@link Verified} or {@link DiscrepancyFound}.
     *
     * @param sha256     the receiving State's own digest of the content; {@code null} for a physical object
     * @param sealNumber the seal number found on a physical object; {@code null} otherwise
     * @param note       optional
     */
    record ReceiptRecorded(
            UUID itemId,
            UUID transferId,
            StateCode receivedBy,
            @NotPersonal String sha256,
            @NotPersonal String sealNumber,
            String note,
            Instant receivedAt) implements ItemEvent {
    }

    /** What the receiving State found matches what was sealed at dispatch. */
    record Verified(
            UUID itemId,
            UUID transferId,
            Instant verifiedAt) implements ItemEvent {
    }

    /** What the receiving State found differs from what was sealed at dispatch: the item is quarantined. */
    record DiscrepancyFound(
            UUID itemId,
            UUID transferId,
            DiscrepancyKind kind,
            @NotPersonal String expected,
            @NotPersonal String found,
            Instant foundAt) implements ItemEvent {
    }

    /**
     * The content was accessed (every download is recorded).
     *
     * @param subject   who, as identified by the accessing State's identity provider
     * @param consentId the use consent relied on; {@code null} when none was needed
     */
    record Accessed(
            UUID itemId,
            UUID transferId,
            StateCode accessedBy,
            String subject,
            UsePurpose purpose,
            UUID consentId,
            Instant accessedAt) implements ItemEvent {
    }

    /**
     * The receiving State asked the providing State's prior consent to use the item beyond the
     * proceedings named in the request (speciality of evidence, model UNTOC 18(19)).
     *
     * @param consentId  assigned when asked; the decision refers to it
     * @param thirdState the State of an onward transfer; {@code null} for other proceedings
     */
    record UseConsentRequested(
            UUID itemId,
            UUID transferId,
            UUID consentId,
            UsePurpose purpose,
            StateCode thirdState,
            String description,
            Instant requestedAt) implements ItemEvent {
    }

    /**
     * The providing State decided on a use consent.
     *
     * @param conditions required when GRANTED_WITH_CONDITIONS, empty otherwise
     * @param reasons    required when DENIED, optional otherwise
     */
    record UseConsentDecided(
            UUID itemId,
            UUID transferId,
            UUID consentId,
            UseConsentDecision decision,
            List<String> conditions,
            String reasons,
            Instant decidedAt) implements ItemEvent {

        public UseConsentDecided {
            conditions = ContractLists.copy(conditions);
        }
    }

    /**
     * Prior notice by the receiving State that it will disclose the item as exculpatory in its
     * proceedings (model UNTOC 18(19): such disclosure needs no consent, only notice beforehand).
     *
     * @param disclosedTo    to whom, e.g. the defence of an accused
     * @param disclosureDate the day of the intended disclosure
     */
    record ExculpatoryDisclosureNotified(
            UUID itemId,
            UUID transferId,
            String disclosedTo,
            String description,
            LocalDate disclosureDate,
            Instant notifiedAt) implements ItemEvent {
    }

    /** The item must be returned to the providing State by {@code dueDate} (emitted with the receipt). */
    record ReturnDue(
            UUID itemId,
            UUID transferId,
            LocalDate dueDate,
            Instant recordedAt) implements ItemEvent {
    }

    /** The providing State acknowledged that the item came back. {@code note} is optional. */
    record Returned(
            UUID itemId,
            UUID transferId,
            String note,
            Instant returnedAt) implements ItemEvent {
    }

    /** The receiving State disposed of the item (destroyed the object, erased every copy), and how. */
    record Disposed(
            UUID itemId,
            UUID transferId,
            String method,
            Instant disposedAt) implements ItemEvent {
    }
}
