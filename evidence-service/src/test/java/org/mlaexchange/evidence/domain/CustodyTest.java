package org.mlaexchange.evidence.domain;

import org.mlaexchange.contracts.rules.DomainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.AR;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.DOC_ID;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.DOC_SIZE;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.ITEMS;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.NL;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.OBJECT_ID;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.SEAL;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.SHA_DOC;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.SHA_OTHER;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.TRANSFERS;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.TRANSFER_ID;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.VIDEO_ID;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.date;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.day;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.docDispatched;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.docMetadata;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.docReceipt;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.docRegistered;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.docStored;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.givenItem;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.givenTransfer;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.objectRegistered;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.sha256;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.then;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.thenTransfer;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.videoRegistered;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.evidence.DiscrepancyKind;
import org.mlaexchange.contracts.evidence.ItemEvent;
import org.mlaexchange.contracts.evidence.ManifestEntry;
import org.mlaexchange.contracts.evidence.TransferEvent;
import org.mlaexchange.contracts.evidence.UsePurpose;
import org.mlaexchange.contracts.rules.DomainException.InvalidCommand;
import org.mlaexchange.contracts.rules.DomainException.TransitionForbidden;
import org.mlaexchange.contracts.rules.DomainException.Violation;

/** The chain of custody of an item: registration, content, dispatch, receipt, verification, return and disposal. */
class CustodyTest {

    @Test
    void register_records_the_metadata_with_the_parties_and_request_of_the_transfer() {
        Transfer open = givenTransfer(TransferStatus.OPEN);

        List<ItemEvent> events = ITEMS.register(open, new ItemCommand.Register(DOC_ID, docMetadata()), NL, day(1));

        assertEquals(List.of(docRegistered()), events);
        EvidenceItem item = then(null, events);
        assertEquals(ItemStatus.REGISTERED, item.status());
        assertEquals(1, item.version());
        assertEquals(TRANSFER_ID, item.transferId());
        assertEquals(NL, item.providingState());
        assertEquals(AR, item.receivingState());
        assertEquals(docMetadata(), item.metadata());
        assertNull(item.content());
    }

    @Test
    void store_content_records_the_digest_size_and_media_type_computed_while_storing() {
        EvidenceItem registered = givenItem(docRegistered());

        List<ItemEvent> events = ITEMS.storeContent(registered, givenTransfer(TransferStatus.OPEN),
                new ItemCommand.StoreContent(SHA_DOC, DOC_SIZE, "application/pdf"), NL, day(2));

        assertEquals(List.of(docStored()), events);
        EvidenceItem after = then(registered, events);
        assertEquals(ItemStatus.CONTENT_STORED, after.status());
        assertEquals(new EvidenceItem.StoredContent(SHA_DOC, DOC_SIZE, "application/pdf", day(2)), after.content());
    }

    @Test
    void stored_content_must_match_the_declared_digest_and_size() {
        EvidenceItem registered = givenItem(docRegistered());

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> ITEMS.storeContent(registered, givenTransfer(TransferStatus.OPEN),
                new ItemCommand.StoreContent(SHA_OTHER, DOC_SIZE + 1, null), NL, day(2)));

        assertEquals(List.of(new Violation("sha256", "does not match the declared SHA-256 " + SHA_DOC),
                new Violation("size", "does not match the declared size of " + DOC_SIZE + " bytes")), e.violations());
    }

    @Test
    void without_a_declaration_any_well_formed_digest_is_stored_with_the_declared_media_type() {
        EvidenceItem video = givenItem(videoRegistered());
        String sha = sha256("hearing.mp4");

        List<ItemEvent> events = ITEMS.storeContent(video, givenTransfer(TransferStatus.OPEN),
                new ItemCommand.StoreContent(sha, 7_340_032_000L, null), NL, day(2));

        assertEquals(List.of(new ItemEvent.ContentStored(VIDEO_ID, TRANSFER_ID, sha, 7_340_032_000L, "video/mp4", day(2))), events);
    }

    @Test
    void a_digest_is_64_lower_case_hex_digits_and_a_size_is_not_negative() {
        EvidenceItem video = givenItem(videoRegistered());

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> ITEMS.storeContent(video, givenTransfer(TransferStatus.OPEN),
                new ItemCommand.StoreContent(SHA_DOC.toUpperCase(), -1, "video"), NL, day(2)));

        assertEquals(List.of(new Violation("sha256", "must be 64 lower-case hex digits (SHA-256)"),
                new Violation("size", "must not be negative"),
                new Violation("mediaType", "is not a media type (type/subtype)")), e.violations());
    }

    @Test
    void a_physical_object_has_no_content_to_store() {
        EvidenceItem object = givenItem(objectRegistered());

        TransitionForbidden e = assertThrows(TransitionForbidden.class, () -> ITEMS.storeContent(object, givenTransfer(TransferStatus.OPEN),
                new ItemCommand.StoreContent(SHA_DOC, 1, null), NL, day(2)));

        assertTrue(e.getMessage().endsWith("a physical object has no content"), e.getMessage());
    }

    @Test
    void content_is_stored_once() {
        EvidenceItem stored = givenItem(docRegistered(), docStored());

        TransitionForbidden e = assertThrows(TransitionForbidden.class, () -> ITEMS.storeContent(stored, givenTransfer(TransferStatus.OPEN),
                new ItemCommand.StoreContent(SHA_DOC, DOC_SIZE, null), NL, day(2)));

        assertEquals(ItemStatus.CONTENT_STORED, e.status());
    }

    @Test
    void a_matching_receipt_verifies_the_item_and_completes_a_transfer_of_one_item() {
        EvidenceItem dispatched = givenItem(ItemStatus.DISPATCHED);
        Transfer transfer = givenTransfer(TransferStatus.DISPATCHED);

        Outcome outcome = ITEMS.recordReceipt(dispatched, transfer, List.of(dispatched),
                new ItemCommand.RecordReceipt(SHA_DOC, null, "Received through the secure channel"), AR, day(5));

        assertEquals(List.of(docReceipt(SHA_DOC), new ItemEvent.Verified(DOC_ID, TRANSFER_ID, day(5))), outcome.itemEvents());
        assertEquals(List.of(new TransferEvent.Completed(TRANSFER_ID, 1, List.of(), day(5))), outcome.transferEvents());
        EvidenceItem after = then(dispatched, outcome.itemEvents());
        assertEquals(ItemStatus.VERIFIED, after.status());
        assertEquals(new EvidenceItem.Receipt(AR, SHA_DOC, null, "Received through the secure channel", day(5)), after.receipt());
        assertNull(after.returnDueDate());
        assertEquals(TransferStatus.COMPLETED, thenTransfer(transfer, outcome.transferEvents()).status());
    }

    @Test
    void a_digest_mismatch_quarantines_the_item_and_nobody_may_access_it() {
        EvidenceItem dispatched = givenItem(ItemStatus.DISPATCHED);
        Transfer transfer = givenTransfer(TransferStatus.DISPATCHED);

        Outcome outcome = ITEMS.recordReceipt(dispatched, transfer, List.of(dispatched),
                new ItemCommand.RecordReceipt(SHA_OTHER, null, null), AR, day(5));

        assertEquals(new ItemEvent.DiscrepancyFound(DOC_ID, TRANSFER_ID, DiscrepancyKind.DIGEST_MISMATCH, SHA_DOC, SHA_OTHER, day(5)),
                outcome.itemEvents().get(1));
        assertEquals(List.of(new TransferEvent.Completed(TRANSFER_ID, 1, List.of(DOC_ID), day(5))), outcome.transferEvents(),
                "the receipt covers the item, discrepancy or not");
        EvidenceItem quarantined = then(dispatched, outcome.itemEvents());
        assertEquals(ItemStatus.QUARANTINED, quarantined.status());
        assertEquals(new EvidenceItem.Discrepancy(DiscrepancyKind.DIGEST_MISMATCH, SHA_DOC, SHA_OTHER, day(5)), quarantined.discrepancy());
        for (var actor : List.of(AR, NL)) {
            TransitionForbidden e = assertThrows(TransitionForbidden.class, () -> ITEMS.decide(quarantined,
                    new ItemCommand.Access("officer", UsePurpose.PROCEEDINGS_OF_REQUEST, null), actor, day(6)));
            assertEquals(ItemStatus.QUARANTINED, e.status());
        }
    }

    @Test
    void the_receipt_of_a_physical_object_checks_its_seal_and_records_when_it_is_due_back() {
        EvidenceItem object = givenItem(objectRegistered(), new ItemEvent.Dispatched(OBJECT_ID, TRANSFER_ID, null, null, SEAL, day(3)));
        Transfer transfer = thenTransfer(givenTransfer(TransferStatus.OPEN), List.of(new TransferEvent.Dispatched(TRANSFER_ID,
                List.of(new ManifestEntry(OBJECT_ID, object.metadata().kind(), null, null, SEAL)),
                null, day(3))));

        Outcome intact = ITEMS.recordReceipt(object, transfer, List.of(object), new ItemCommand.RecordReceipt(null, SEAL, "Seal intact"), AR, day(8));
        Outcome broken = ITEMS.recordReceipt(object, transfer, List.of(object), new ItemCommand.RecordReceipt(null, "AR-SEAL-77", "Resealed"), AR, day(8));

        assertEquals(List.of(new ItemEvent.ReceiptRecorded(OBJECT_ID, TRANSFER_ID, AR, null, SEAL, "Seal intact", day(8)),
                new ItemEvent.Verified(OBJECT_ID, TRANSFER_ID, day(8)),
                new ItemEvent.ReturnDue(OBJECT_ID, TRANSFER_ID, date(90), day(8))), intact.itemEvents());
        assertEquals(new ItemEvent.DiscrepancyFound(OBJECT_ID, TRANSFER_ID, DiscrepancyKind.SEAL_MISMATCH, SEAL, "AR-SEAL-77", day(8)),
                broken.itemEvents().get(1));
        assertEquals(date(90), then(object, intact.itemEvents()).returnDueDate());
        assertEquals(date(90), then(object, broken.itemEvents()).returnDueDate());
    }

    @Test
    void a_receipt_states_what_the_receiving_state_found() {
        EvidenceItem dispatched = givenItem(ItemStatus.DISPATCHED);
        EvidenceItem object = givenItem(objectRegistered(), new ItemEvent.Dispatched(OBJECT_ID, TRANSFER_ID, null, null, SEAL, day(3)));
        Transfer transfer = givenTransfer(TransferStatus.DISPATCHED);

        InvalidCommand noDigest = assertThrows(InvalidCommand.class, () -> ITEMS.recordReceipt(dispatched, transfer, List.of(dispatched),
                new ItemCommand.RecordReceipt(null, null, null), AR, day(5)));
        InvalidCommand noSeal = assertThrows(InvalidCommand.class, () -> ITEMS.recordReceipt(object, transfer, List.of(object),
                new ItemCommand.RecordReceipt(SHA_DOC, " ", null), AR, day(5)));

        assertEquals(List.of(new Violation("sha256", "is required")), noDigest.violations());
        assertEquals(List.of(new Violation("sha256", "must be absent: a physical object has no content"),
                new Violation("sealNumber", "is required")), noSeal.violations());
    }

    @Test
    void a_receipt_comes_only_after_dispatch_and_once_per_item() {
        EvidenceItem stored = givenItem(docRegistered(), docStored());
        EvidenceItem verified = givenItem(ItemStatus.VERIFIED);
        Transfer open = givenTransfer(TransferStatus.OPEN);
        Transfer completed = givenTransfer(TransferStatus.COMPLETED);
        ItemCommand.RecordReceipt receipt = new ItemCommand.RecordReceipt(SHA_DOC, null, null);

        assertEquals(ItemStatus.CONTENT_STORED, assertThrows(TransitionForbidden.class,
                () -> ITEMS.recordReceipt(stored, open, List.of(stored), receipt, AR, day(2))).status());
        assertEquals(ItemStatus.VERIFIED, assertThrows(TransitionForbidden.class,
                () -> ITEMS.recordReceipt(verified, completed, List.of(verified), receipt, AR, day(6))).status());
    }

    @Test
    void the_transfer_completes_when_the_receipts_cover_every_item() {
        EvidenceItem doc = givenItem(ItemStatus.DISPATCHED);
        EvidenceItem object = givenItem(objectRegistered(), new ItemEvent.Dispatched(OBJECT_ID, TRANSFER_ID, null, null, SEAL, day(3)));
        Transfer open = givenTransfer(TransferStatus.OPEN);
        Transfer transfer = thenTransfer(open, TRANSFERS.dispatch(open, List.of(givenItem(docRegistered(), docStored()), givenItem(objectRegistered())),
                new TransferCommand.Dispatch(null), NL, day(3)).transferEvents());

        Outcome first = ITEMS.recordReceipt(object, transfer, List.of(doc, object), new ItemCommand.RecordReceipt(null, SEAL, null), AR, day(5));
        EvidenceItem objectReceipted = then(object, first.itemEvents());
        Outcome second = ITEMS.recordReceipt(doc, transfer, List.of(doc, objectReceipted), new ItemCommand.RecordReceipt(SHA_OTHER, null, null),
                AR, day(6));

        assertEquals(List.of(), first.transferEvents(), "the document is not receipted yet");
        assertEquals(List.of(new TransferEvent.Completed(TRANSFER_ID, 2, List.of(DOC_ID), day(6))), second.transferEvents());
        Transfer completed = thenTransfer(transfer, second.transferEvents());
        assertEquals(TransferStatus.COMPLETED, completed.status());
        assertEquals(List.of(DOC_ID), completed.quarantinedItemIds());
    }

    @Test
    void completion_needs_the_state_of_every_item_of_the_transfer() {
        EvidenceItem object = givenItem(objectRegistered(), new ItemEvent.Dispatched(OBJECT_ID, TRANSFER_ID, null, null, SEAL, day(3)));
        Transfer open = givenTransfer(TransferStatus.OPEN);
        Transfer transfer = thenTransfer(open, TRANSFERS.dispatch(open, List.of(givenItem(docRegistered(), docStored()), givenItem(objectRegistered())),
                new TransferCommand.Dispatch(null), NL, day(3)).transferEvents());

        assertThrows(IllegalArgumentException.class, () -> ITEMS.recordReceipt(object, transfer, List.of(object),
                new ItemCommand.RecordReceipt(null, SEAL, null), AR, day(5)));
    }

    @Test
    void the_providing_state_records_the_return_of_an_item() {
        EvidenceItem verified = givenItem(ItemStatus.VERIFIED);

        List<ItemEvent> events = ITEMS.decide(verified, new ItemCommand.RecordReturn("Original statements back"), NL, day(30));

        assertEquals(List.of(new ItemEvent.Returned(DOC_ID, TRANSFER_ID, "Original statements back", day(30))), events);
        EvidenceItem returned = then(verified, events);
        assertEquals(ItemStatus.RETURNED, returned.status());
        assertEquals(new EvidenceItem.Return("Original statements back", day(30)), returned.returned());
        assertThrows(TransitionForbidden.class, () -> ITEMS.decide(returned,
                new ItemCommand.Access("officer", UsePurpose.PROCEEDINGS_OF_REQUEST, null), AR, day(31)));
    }

    @Test
    void the_receiving_state_disposes_of_an_item_it_need_not_return() {
        EvidenceItem verified = givenItem(ItemStatus.VERIFIED);

        List<ItemEvent> events = ITEMS.decide(verified, new ItemCommand.Dispose("Every copy erased"), AR, day(30));

        assertEquals(List.of(new ItemEvent.Disposed(DOC_ID, TRANSFER_ID, "Every copy erased", day(30))), events);
        EvidenceItem disposed = then(verified, events);
        assertEquals(ItemStatus.DISPOSED, disposed.status());
        assertThrows(TransitionForbidden.class, () -> ITEMS.decide(disposed,
                new ItemCommand.Access("officer", UsePurpose.PROCEEDINGS_OF_REQUEST, null), NL, day(31)));
        InvalidCommand e = assertThrows(InvalidCommand.class, () -> ITEMS.decide(verified, new ItemCommand.Dispose(null), AR, day(30)));
        assertEquals(List.of(new Violation("method", "is required")), e.violations());
    }

    @Test
    void an_item_that_must_be_returned_is_not_disposed_of() {
        EvidenceItem object = givenItem(objectRegistered(), new ItemEvent.Dispatched(OBJECT_ID, TRANSFER_ID, null, null, SEAL, day(3)),
                new ItemEvent.ReceiptRecorded(OBJECT_ID, TRANSFER_ID, AR, null, SEAL, null, day(8)),
                new ItemEvent.Verified(OBJECT_ID, TRANSFER_ID, day(8)),
                new ItemEvent.ReturnDue(OBJECT_ID, TRANSFER_ID, date(90), day(8)));

        TransitionForbidden e = assertThrows(TransitionForbidden.class, () -> ITEMS.decide(object, new ItemCommand.Dispose("Destroyed"), AR, day(20)));

        assertTrue(e.getMessage().endsWith("must be returned to the providing State by " + date(90)), e.getMessage());
        assertEquals(ItemStatus.RETURNED, then(object, ITEMS.decide(object, new ItemCommand.RecordReturn(null), NL, day(60))).status());
    }

    @Test
    void dispatch_fixes_what_the_receipt_is_checked_against() {
        EvidenceItem dispatched = givenItem(docRegistered(), docStored(), docDispatched());

        assertEquals(new EvidenceItem.Seal(SHA_DOC, DOC_SIZE, null, day(3)), dispatched.seal());
    }
}
