package org.mlaexchange.evidence.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.AR;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.DOC_ID;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.NL;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.OBJECT_ID;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.SEAL;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.SHA_DOC;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.SN;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.TRANSFER_ID;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.VIDEO_ID;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.date;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.day;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.docMetadata;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.docRegistered;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.docStored;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.objectMetadata;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.opened;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.request;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.sha256;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.videoMetadata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.evidence.ItemEvent;
import org.mlaexchange.contracts.evidence.TransferEvent;
import org.mlaexchange.contracts.evidence.UseConsentDecision;
import org.mlaexchange.contracts.evidence.UsePurpose;
import org.mlaexchange.contracts.request.RequestStatus;

/** Folding a history gives the same state as evolving step by step, for the transfer and for every item. */
class FoldTest {

    private static final UUID CONSENT_1 = UUID.fromString("9a7c3e15-2b8d-4c6f-a1e0-000000000001");
    private static final UUID CONSENT_2 = UUID.fromString("9a7c3e15-2b8d-4c6f-a1e0-000000000002");
    private static final String SHA_VIDEO = sha256("hearing of W1.mp4");

    /** Runs commands through the deciders, evolving after each event, and keeps every stream's events and states. */
    private static final class Story {
        private final List<UUID> consentIds = new ArrayList<>(List.of(CONSENT_1, CONSENT_2));
        final TransferDecider transfers = new TransferDecider();
        final ItemDecider items = new ItemDecider(() -> consentIds.remove(0));
        final List<TransferEvent> transferHistory = new ArrayList<>();
        final List<Transfer> transferStates = new ArrayList<>();
        Transfer transfer;
        final Map<UUID, List<ItemEvent>> itemHistories = new LinkedHashMap<>();
        final Map<UUID, List<EvidenceItem>> itemStates = new LinkedHashMap<>();
        final Map<UUID, EvidenceItem> item = new LinkedHashMap<>();

        Story transfer(List<TransferEvent> events) {
            for (TransferEvent e : events) {
                transferHistory.add(e);
                transfer = TransferDecider.evolve(transfer, e);
                transferStates.add(transfer);
            }
            return this;
        }

        Story items(List<ItemEvent> events) {
            for (ItemEvent e : events) {
                itemHistories.computeIfAbsent(e.itemId(), id -> new ArrayList<>()).add(e);
                EvidenceItem next = ItemDecider.evolve(item.get(e.itemId()), e);
                item.put(e.itemId(), next);
                itemStates.computeIfAbsent(e.itemId(), id -> new ArrayList<>()).add(next);
            }
            return this;
        }

        Story both(Outcome outcome) {
            return transfer(outcome.transferEvents()).items(outcome.itemEvents());
        }

        Story act(UUID id, ItemCommand command, StateCode actor, Instant now) {
            return items(items.decide(item.get(id), command, actor, now));
        }

        List<EvidenceItem> allItems() {
            return List.copyOf(item.values());
        }
    }

    private static Story longStory() {
        Story s = new Story();
        s.transfer(s.transfers.open(request(RequestStatus.IN_EXECUTION), new TransferCommand.Open(TRANSFER_ID, "Results of measure m2"),
                NL, EvidenceFixtures.T0));
        s.items(s.items.register(s.transfer, new ItemCommand.Register(DOC_ID, docMetadata()), NL, day(1)));
        s.items(s.items.register(s.transfer, new ItemCommand.Register(OBJECT_ID, objectMetadata()), NL, day(1)));
        s.items(s.items.register(s.transfer, new ItemCommand.Register(VIDEO_ID, videoMetadata()), NL, day(1)));
        s.items(s.items.storeContent(s.item.get(DOC_ID), s.transfer, new ItemCommand.StoreContent(SHA_DOC, EvidenceFixtures.DOC_SIZE,
                "application/pdf"), NL, day(2)));
        s.items(s.items.storeContent(s.item.get(VIDEO_ID), s.transfer, new ItemCommand.StoreContent(SHA_VIDEO, 7_340_032_000L, null),
                NL, day(2)));
        s.act(DOC_ID, new ItemCommand.Access("k.jansen@nl", UsePurpose.PROCEEDINGS_OF_REQUEST, null), NL, day(2));
        s.both(s.transfers.dispatch(s.transfer, s.allItems(), new TransferCommand.Dispatch("NL-DIPBAG-2025-17"), NL, day(3)));
        s.both(s.items.recordReceipt(s.item.get(DOC_ID), s.transfer, s.allItems(), new ItemCommand.RecordReceipt(SHA_DOC, null, null), AR, day(5)));
        s.both(s.items.recordReceipt(s.item.get(VIDEO_ID), s.transfer, s.allItems(),
                new ItemCommand.RecordReceipt(sha256("truncated download"), null, "Download broke off"), AR, day(5)));
        s.act(DOC_ID, new ItemCommand.Access("j.perez@ar", UsePurpose.PROCEEDINGS_OF_REQUEST, null), AR, day(6));
        s.act(DOC_ID, new ItemCommand.RequestUseConsent(UsePurpose.OTHER_PROCEEDINGS, null, "Case CFP 99/2025"), AR, day(6));
        s.act(DOC_ID, new ItemCommand.RequestUseConsent(UsePurpose.ONWARD_TRANSFER, SN, "Senegalese case 12/2025"), AR, day(6));
        s.act(DOC_ID, new ItemCommand.DecideUseConsent(CONSENT_1, UseConsentDecision.GRANTED_WITH_CONDITIONS,
                List.of("Only against the same suspect"), null), NL, day(8));
        s.act(DOC_ID, new ItemCommand.DecideUseConsent(CONSENT_2, UseConsentDecision.DENIED, null, "No agreement with that State"), NL, day(8));
        s.act(DOC_ID, new ItemCommand.Access("j.perez@ar", UsePurpose.OTHER_PROCEEDINGS, CONSENT_1), AR, day(9));
        s.act(DOC_ID, new ItemCommand.NotifyExculpatoryDisclosure("Defence of the accused", "Alibi in the statements", date(40)), AR, day(30));
        s.both(s.items.recordReceipt(s.item.get(OBJECT_ID), s.transfer, s.allItems(), new ItemCommand.RecordReceipt(null, SEAL, "Intact"),
                AR, day(10)));
        s.act(VIDEO_ID, new ItemCommand.Dispose("Corrupt copy erased"), AR, day(11));
        s.act(OBJECT_ID, new ItemCommand.RecordReturn("Back in the evidence room"), NL, day(60));
        return s;
    }

    @Test
    void folding_the_transfer_history_gives_the_state_reached_step_by_step() {
        Story story = longStory();

        for (int i = 1; i <= story.transferHistory.size(); i++) {
            assertEquals(story.transferStates.get(i - 1), TransferDecider.fold(story.transferHistory.subList(0, i)), "after event " + i);
        }
        Transfer end = TransferDecider.fold(story.transferHistory);
        assertEquals(TransferStatus.COMPLETED, end.status());
        assertEquals(3, end.version());
        assertEquals(List.of(DOC_ID, OBJECT_ID, VIDEO_ID), end.itemIds());
        assertEquals(List.of(VIDEO_ID), end.quarantinedItemIds());
        assertEquals(day(10), end.completedAt());
    }

    @Test
    void folding_each_chain_of_custody_gives_the_state_reached_step_by_step() {
        Story story = longStory();

        for (Map.Entry<UUID, List<ItemEvent>> chain : story.itemHistories.entrySet()) {
            List<ItemEvent> history = chain.getValue();
            for (int i = 1; i <= history.size(); i++) {
                assertEquals(story.itemStates.get(chain.getKey()).get(i - 1), ItemDecider.fold(history.subList(0, i)),
                        chain.getKey() + " after event " + i);
            }
        }
    }

    @Test
    void the_folded_items_keep_the_whole_story() {
        Story story = longStory();
        EvidenceItem doc = ItemDecider.fold(story.itemHistories.get(DOC_ID));
        EvidenceItem object = ItemDecider.fold(story.itemHistories.get(OBJECT_ID));
        EvidenceItem video = ItemDecider.fold(story.itemHistories.get(VIDEO_ID));

        assertEquals(ItemStatus.VERIFIED, doc.status());
        assertEquals(3, doc.accessCount());
        assertEquals(day(9), doc.lastAccessedAt());
        assertEquals(2, doc.useConsents().size());
        assertEquals(UseConsentDecision.GRANTED_WITH_CONDITIONS, doc.useConsent(CONSENT_1).orElseThrow().decision());
        assertEquals(UseConsentDecision.DENIED, doc.useConsent(CONSENT_2).orElseThrow().decision());
        assertEquals(1, doc.exculpatoryNotices().size());
        assertEquals(13, doc.version());
        assertEquals(ItemStatus.RETURNED, object.status());
        assertEquals(date(90), object.returnDueDate());
        assertEquals(ItemStatus.DISPOSED, video.status());
        assertEquals(sha256("truncated download"), video.discrepancy().found());
    }

    @Test
    void replaying_the_same_history_twice_gives_equal_states() {
        assertEquals(TransferDecider.fold(longStory().transferHistory), TransferDecider.fold(longStory().transferHistory));
        assertEquals(ItemDecider.fold(longStory().itemHistories.get(DOC_ID)), ItemDecider.fold(longStory().itemHistories.get(DOC_ID)));
    }

    @Test
    void an_empty_history_is_no_case() {
        assertNull(TransferDecider.fold(List.of()));
        assertNull(ItemDecider.fold(List.of()));
    }

    @Test
    void evolve_rejects_histories_that_cannot_be() {
        assertThrows(IllegalArgumentException.class, () -> TransferDecider.evolve(null,
                new TransferEvent.Cancelled(TRANSFER_ID, "x", day(1))), "must start with Opened");
        Transfer open = TransferDecider.fold(List.of(opened()));
        assertThrows(IllegalArgumentException.class, () -> TransferDecider.evolve(open, opened()), "opened twice");
        assertThrows(IllegalArgumentException.class, () -> TransferDecider.evolve(open,
                new TransferEvent.Cancelled(UUID.randomUUID(), "x", day(1))), "another transfer's event");

        assertThrows(IllegalArgumentException.class, () -> ItemDecider.evolve(null, docStored()), "must start with Registered");
        EvidenceItem registered = ItemDecider.fold(List.of(docRegistered()));
        assertThrows(IllegalArgumentException.class, () -> ItemDecider.evolve(registered, docRegistered()), "registered twice");
        assertThrows(IllegalArgumentException.class, () -> ItemDecider.evolve(registered,
                new ItemEvent.ContentStored(OBJECT_ID, TRANSFER_ID, SHA_DOC, 1, "application/pdf", day(2))), "another item's event");
        assertThrows(IllegalArgumentException.class, () -> ItemDecider.evolve(registered,
                new ItemEvent.ContentStored(DOC_ID, UUID.randomUUID(), SHA_DOC, 1, "application/pdf", day(2))), "another transfer");
    }

    @Test
    void states_are_immutable() {
        Story story = longStory();
        Transfer transfer = story.transfer;
        EvidenceItem doc = story.item.get(DOC_ID);

        assertThrows(UnsupportedOperationException.class, () -> transfer.manifest().clear());
        assertThrows(UnsupportedOperationException.class, () -> transfer.requestMeasureIds().clear());
        assertThrows(UnsupportedOperationException.class, () -> doc.useConsents().clear());
        assertThrows(UnsupportedOperationException.class, () -> doc.exculpatoryNotices().clear());
        assertThrows(UnsupportedOperationException.class, () -> doc.metadata().conditions().useLimits().clear());
    }
}
