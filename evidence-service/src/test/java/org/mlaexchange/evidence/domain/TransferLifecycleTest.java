package org.mlaexchange.evidence.domain;

import org.mlaexchange.contracts.rules.DomainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.AR;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.DOC_ID;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.DOC_SIZE;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.ITEMS;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.M123;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.NL;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.OBJECT_ID;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.REQUEST_ID;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.SEAL;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.SHA_DOC;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.SN;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.T0;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.TRANSFERS;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.TRANSFER_ID;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.VIDEO_ID;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.day;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.docDispatched;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.docEntry;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.docMetadata;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.givenItem;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.givenTransfer;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.itemHistoryIn;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.objectRegistered;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.opened;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.request;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.then;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.thenTransfer;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.transferDispatched;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.videoRegistered;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.evidence.ItemEvent;
import org.mlaexchange.contracts.evidence.ItemKind;
import org.mlaexchange.contracts.evidence.ManifestEntry;
import org.mlaexchange.contracts.evidence.TransferEvent;
import org.mlaexchange.contracts.evidence.TransferPurpose;
import org.mlaexchange.contracts.request.RequestStatus;
import org.mlaexchange.contracts.request.SpontaneousInformationFacts;
import org.mlaexchange.contracts.request.SpontaneousStatus;
import org.mlaexchange.contracts.rules.DomainException.InvalidCommand;
import org.mlaexchange.contracts.rules.DomainException.NotAParty;
import org.mlaexchange.contracts.rules.DomainException.TransitionForbidden;
import org.mlaexchange.contracts.rules.DomainException.Violation;
import org.mlaexchange.contracts.rules.DomainException.WrongParty;

/** A transfer from opening to dispatch or cancellation, given the request and the items. */
class TransferLifecycleTest {

    private static final EnumSet<RequestStatus> IN_EXECUTION = EnumSet.of(RequestStatus.ACCEPTED, RequestStatus.IN_EXECUTION,
            RequestStatus.PARTIALLY_EXECUTED, RequestStatus.EXECUTED);
    private static final EnumSet<RequestStatus> OVER = EnumSet.of(RequestStatus.REFUSED, RequestStatus.CLOSED, RequestStatus.WITHDRAWN);

    @Test
    void the_requested_state_opens_a_transfer_of_results_while_the_request_is_in_execution() {
        for (RequestStatus status : IN_EXECUTION) {
            List<TransferEvent> events = TRANSFERS.open(request(status), new TransferCommand.Open(TRANSFER_ID, "Results of measure m2"), NL, T0);

            assertEquals(List.of(opened()), events, status.name());
            Transfer state = thenTransfer(null, events);
            assertEquals(TransferStatus.OPEN, state.status());
            assertEquals(1, state.version());
            assertEquals(NL, state.providingState());
            assertEquals(AR, state.receivingState());
            assertEquals(REQUEST_ID, state.requestId());
            assertEquals(TransferPurpose.EXECUTION_RESULTS, state.purpose());
            assertEquals(M123, state.requestMeasureIds());
            assertEquals(List.of(), state.itemIds());
        }
    }

    @Test
    void the_requested_state_hands_nothing_over_before_or_after_execution() {
        for (RequestStatus status : EnumSet.complementOf(IN_EXECUTION)) {
            TransitionForbidden e = assertThrows(TransitionForbidden.class, () -> TRANSFERS.open(request(status),
                    new TransferCommand.Open(TRANSFER_ID, null), NL, T0), status.name());

            assertEquals(status, e.status());
            assertEquals(TransferAction.OPEN, e.action());
            assertTrue(e.getMessage().contains("only while the request is in execution"), e.getMessage());
        }
    }

    @Test
    void the_requesting_state_provides_supporting_material_while_its_request_is_open() {
        for (RequestStatus status : EnumSet.complementOf(OVER)) {
            List<TransferEvent> events = TRANSFERS.open(request(status), new TransferCommand.Open(TRANSFER_ID, "Photographs for the hearing"),
                    AR, T0);

            assertEquals(List.of(new TransferEvent.Opened(TRANSFER_ID, REQUEST_ID, AR, NL, TransferPurpose.SUPPORTING_MATERIAL, M123,
                    "Photographs for the hearing", T0)), events, status.name());
        }
        for (RequestStatus status : OVER) {
            TransitionForbidden e = assertThrows(TransitionForbidden.class, () -> TRANSFERS.open(request(status),
                    new TransferCommand.Open(TRANSFER_ID, null), AR, T0), status.name());
            assertEquals(status, e.status());
        }
    }

    @Test
    void a_state_that_is_not_a_party_to_the_request_cannot_open_a_transfer_for_it() {
        NotAParty e = assertThrows(NotAParty.class, () -> TRANSFERS.open(request(RequestStatus.IN_EXECUTION),
                new TransferCommand.Open(TRANSFER_ID, null), SN, T0));

        assertEquals("request", e.caseKind());
        assertEquals(REQUEST_ID, e.caseId());
    }

    @Test
    void open_needs_a_transfer_id() {
        InvalidCommand e = assertThrows(InvalidCommand.class, () -> TRANSFERS.open(request(RequestStatus.IN_EXECUTION),
                new TransferCommand.Open(null, null), NL, T0));

        assertEquals(List.of(new Violation("transferId", "is required")), e.violations());
    }

    @Test
    void dispatch_seals_the_transfer_and_dispatches_every_item_with_its_digest_or_seal() {
        Transfer open = givenTransfer(TransferStatus.OPEN);
        EvidenceItem doc = givenItem(itemHistoryIn(ItemStatus.CONTENT_STORED));
        EvidenceItem object = givenItem(objectRegistered());

        Outcome outcome = TRANSFERS.dispatch(open, List.of(doc, object), new TransferCommand.Dispatch("NL-DIPBAG-2025-17"), NL, day(3));

        ManifestEntry objectEntry = new ManifestEntry(OBJECT_ID, ItemKind.PHYSICAL_OBJECT, null, null, SEAL);
        assertEquals(List.of(new TransferEvent.Dispatched(TRANSFER_ID, List.of(docEntry(), objectEntry), "NL-DIPBAG-2025-17", day(3))),
                outcome.transferEvents());
        assertEquals(List.of(docDispatched(), new ItemEvent.Dispatched(OBJECT_ID, TRANSFER_ID, null, null, SEAL, day(3))),
                outcome.itemEvents());
        Transfer after = thenTransfer(open, outcome.transferEvents());
        assertEquals(TransferStatus.DISPATCHED, after.status());
        assertEquals(List.of(DOC_ID, OBJECT_ID), after.itemIds());
        assertEquals(day(3), after.dispatchedAt());
        EvidenceItem docAfter = then(doc, List.of(outcome.itemEvents().get(0)));
        assertEquals(ItemStatus.DISPATCHED, docAfter.status());
        assertEquals(new EvidenceItem.Seal(SHA_DOC, DOC_SIZE, null, day(3)), docAfter.seal());
    }

    @Test
    void dispatch_needs_the_content_of_every_item_except_a_physical_object() {
        Transfer open = givenTransfer(TransferStatus.OPEN);
        EvidenceItem doc = givenItem(itemHistoryIn(ItemStatus.CONTENT_STORED));
        EvidenceItem video = givenItem(videoRegistered());
        EvidenceItem object = givenItem(objectRegistered());

        TransitionForbidden e = assertThrows(TransitionForbidden.class, () -> TRANSFERS.dispatch(open, List.of(doc, video, object),
                new TransferCommand.Dispatch(null), NL, day(3)));

        assertEquals(TransferStatus.OPEN, e.status());
        assertEquals(TransferAction.DISPATCH, e.action());
        assertTrue(e.getMessage().endsWith("item " + VIDEO_ID + " has no content stored"), e.getMessage());
    }

    @Test
    void an_empty_transfer_cannot_be_dispatched() {
        TransitionForbidden e = assertThrows(TransitionForbidden.class, () -> TRANSFERS.dispatch(givenTransfer(TransferStatus.OPEN),
                List.of(), new TransferCommand.Dispatch(null), NL, day(3)));

        assertTrue(e.getMessage().endsWith("the transfer has no items"), e.getMessage());
    }

    @Test
    void dispatch_takes_only_the_transfers_own_items_each_once() {
        Transfer open = givenTransfer(TransferStatus.OPEN);
        EvidenceItem doc = givenItem(itemHistoryIn(ItemStatus.CONTENT_STORED));
        EvidenceItem foreign = givenItem(new ItemEvent.Registered(UUID.randomUUID(), UUID.randomUUID(), REQUEST_ID, NL, AR,
                EvidenceFixtures.objectMetadata(), day(1)));

        assertThrows(IllegalArgumentException.class, () -> TRANSFERS.dispatch(open, List.of(doc, foreign), new TransferCommand.Dispatch(null), NL, day(3)));
        assertThrows(IllegalArgumentException.class, () -> TRANSFERS.dispatch(open, List.of(doc, doc), new TransferCommand.Dispatch(null), NL, day(3)));
    }

    @Test
    void a_dispatched_transfer_is_sealed_nothing_is_added_or_changed() {
        Transfer dispatched = givenTransfer(TransferStatus.DISPATCHED);
        EvidenceItem doc = givenItem(ItemStatus.DISPATCHED);

        TransitionForbidden add = assertThrows(TransitionForbidden.class, () -> ITEMS.register(dispatched,
                new ItemCommand.Register(UUID.randomUUID(), docMetadata()), NL, day(4)));
        assertEquals(TransferStatus.DISPATCHED, add.status());
        assertEquals(TransferAction.REGISTER_ITEM, add.action());
        TransitionForbidden store = assertThrows(TransitionForbidden.class, () -> ITEMS.storeContent(doc, dispatched,
                new ItemCommand.StoreContent(SHA_DOC, DOC_SIZE, null), NL, day(4)));
        assertEquals(ItemStatus.DISPATCHED, store.status());
        assertThrows(TransitionForbidden.class, () -> TRANSFERS.dispatch(dispatched, List.of(doc), new TransferCommand.Dispatch(null), NL, day(4)));
        assertThrows(TransitionForbidden.class, () -> TRANSFERS.decide(dispatched, new TransferCommand.Cancel("Too late"), NL, day(4)));
        assertEquals(List.of(opened(), transferDispatched()).size(), dispatched.version());
    }

    @Test
    void the_providing_state_cancels_an_open_transfer_with_reasons() {
        Transfer open = givenTransfer(TransferStatus.OPEN);

        List<TransferEvent> events = TRANSFERS.decide(open, new TransferCommand.Cancel("Sent through another channel"), NL, day(1));

        assertEquals(List.of(new TransferEvent.Cancelled(TRANSFER_ID, "Sent through another channel", day(1))), events);
        Transfer after = thenTransfer(open, events);
        assertEquals(TransferStatus.CANCELLED, after.status());
        assertEquals("Sent through another channel", after.cancellationReasons());
        InvalidCommand e = assertThrows(InvalidCommand.class, () -> TRANSFERS.decide(open, new TransferCommand.Cancel(" "), NL, day(1)));
        assertEquals(List.of(new Violation("reasons", "is required")), e.violations());
    }

    @Test
    void nothing_is_registered_or_stored_in_a_cancelled_transfer() {
        Transfer cancelled = givenTransfer(TransferStatus.CANCELLED);
        EvidenceItem registered = givenItem(ItemStatus.REGISTERED);

        assertThrows(TransitionForbidden.class, () -> ITEMS.register(cancelled, new ItemCommand.Register(UUID.randomUUID(), docMetadata()),
                NL, day(2)));
        TransitionForbidden e = assertThrows(TransitionForbidden.class, () -> ITEMS.storeContent(registered, cancelled,
                new ItemCommand.StoreContent(SHA_DOC, DOC_SIZE, null), NL, day(2)));
        assertEquals(ItemStatus.REGISTERED, e.status());
        assertTrue(e.getMessage().endsWith("transfer " + TRANSFER_ID + " is CANCELLED"), e.getMessage());
    }

    @Test
    void onlyTheStateThatSentSpontaneousInformationHandsItemsOverWithIt() {
        for (SpontaneousStatus status : EnumSet.of(SpontaneousStatus.SENT, SpontaneousStatus.ACKNOWLEDGED)) {
            List<TransferEvent> events = TRANSFERS.openWithSpontaneousInformation(spontaneous(status),
                    new TransferCommand.Open(TRANSFER_ID, "The photographs mentioned"), AR, T0);
            assertEquals(List.of(new TransferEvent.Opened(TRANSFER_ID, REQUEST_ID, AR, NL, TransferPurpose.SPONTANEOUS_INFORMATION, List.of(),
                    "The photographs mentioned", T0)), events, status.name());
        }
        assertThrows(WrongParty.class, () -> TRANSFERS.openWithSpontaneousInformation(spontaneous(SpontaneousStatus.ACKNOWLEDGED),
                new TransferCommand.Open(TRANSFER_ID, null), NL, T0));
        assertThrows(NotAParty.class, () -> TRANSFERS.openWithSpontaneousInformation(spontaneous(SpontaneousStatus.ACKNOWLEDGED),
                new TransferCommand.Open(TRANSFER_ID, null), SN, T0));
        InvalidCommand invalid = assertThrows(InvalidCommand.class, () -> TRANSFERS.openWithSpontaneousInformation(
                spontaneous(SpontaneousStatus.SENT), new TransferCommand.Open(null, null), AR, T0));
        assertEquals(List.of(new Violation("transferId", "is required")), invalid.violations());
    }

    @Test
    void nothingIsHandedOverWithSpontaneousInformationNoLongerOnOffer() {
        for (SpontaneousStatus status : EnumSet.of(SpontaneousStatus.CONDITIONS_DECLINED, SpontaneousStatus.RETURNED, SpontaneousStatus.CLOSED)) {
            TransitionForbidden e = assertThrows(TransitionForbidden.class, () -> TRANSFERS.openWithSpontaneousInformation(spontaneous(status),
                    new TransferCommand.Open(TRANSFER_ID, null), AR, T0), status.name());
            assertEquals(status, e.status());
        }
    }

    /** AR sent spontaneous information to NL (its id is REQUEST_ID: the transfer names it there). */
    private static SpontaneousInformationFacts spontaneous(SpontaneousStatus status) {
        return new SpontaneousInformationFacts(REQUEST_ID, AR, NL, status, 2);
    }
}
