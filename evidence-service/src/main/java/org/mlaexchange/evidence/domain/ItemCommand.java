package org.mlaexchange.evidence.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.evidence.ItemMetadata;
import org.mlaexchange.contracts.evidence.UseConsentDecision;
import org.mlaexchange.contracts.evidence.UsePurpose;

/**
 * What a party asks to do with an evidence item. The acting State is passed to {@link ItemDecider}
 * beside the command; which party may take each command is in {@link ItemAction} (registration: in
 * {@link TransferAction}). Optional values are {@code null}; absent lists may be {@code null} or empty.
 */
public sealed interface ItemCommand {

    EvidenceAction action();

    /** Register a new item in an open transfer ({@link ItemDecider#register}). */
    record Register(UUID itemId, ItemMetadata metadata) implements ItemCommand {
        public EvidenceAction action() {
            return TransferAction.REGISTER_ITEM;
        }
    }

    /**
     * Record the content just stored ({@link ItemDecider#storeContent}): its digest and size as computed
     * while streaming it in.
     *
     * @param mediaType the content's media type; absent means the one declared at registration
     */
    record StoreContent(String sha256, long size, String mediaType) implements ItemCommand {
        public EvidenceAction action() {
            return ItemAction.STORE_CONTENT;
        }
    }

    /**
     * The receiving State's receipt ({@link ItemDecider#recordReceipt}).
     *
     * @param sha256     its own digest of the content (required, except for a physical object)
     * @param sealNumber the seal number it found (required for a physical object)
     * @param note       optional
     */
    record RecordReceipt(String sha256, String sealNumber, String note) implements ItemCommand {
        public EvidenceAction action() {
            return ItemAction.RECORD_RECEIPT;
        }
    }

    /**
     * Access the content (a download).
     *
     * @param subject   who, as identified by the acting State's identity provider
     * @param consentId the granted use consent relied on; only for a use that needs one
     */
    record Access(String subject, UsePurpose purpose, UUID consentId) implements ItemCommand {
        public EvidenceAction action() {
            return ItemAction.ACCESS;
        }
    }

    /** @param thirdState required for ONWARD_TRANSFER, absent otherwise */
    record RequestUseConsent(UsePurpose purpose, StateCode thirdState, String description) implements ItemCommand {
        public EvidenceAction action() {
            return ItemAction.REQUEST_USE_CONSENT;
        }
    }

    /**
     * @param conditions required when GRANTED_WITH_CONDITIONS, absent otherwise
     * @param reasons    required when DENIED, optional otherwise
     */
    record DecideUseConsent(UUID consentId, UseConsentDecision decision, List<String> conditions, String reasons)
            implements ItemCommand {
        public EvidenceAction action() {
            return ItemAction.DECIDE_USE_CONSENT;
        }
    }

    record NotifyExculpatoryDisclosure(String disclosedTo, String description, LocalDate disclosureDate)
            implements ItemCommand {
        public EvidenceAction action() {
            return ItemAction.NOTIFY_EXCULPATORY_DISCLOSURE;
        }
    }

    /** The providing State acknowledges the item came back. {@code note} is optional. */
    record RecordReturn(String note) implements ItemCommand {
        public EvidenceAction action() {
            return ItemAction.RECORD_RETURN;
        }
    }

    /** @param method how the item was disposed of (destroyed, every copy erased) */
    record Dispose(String method) implements ItemCommand {
        public EvidenceAction action() {
            return ItemAction.DISPOSE;
        }
    }
}
