package org.mlaexchange.evidence.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.AR;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.DOC_ID;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.NL;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.SN;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.TRANSFERS;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.TRANSFER_ID;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.day;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.givenItem;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.givenTransfer;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.itemHistoryIn;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.evidence.TransferEvent;
import org.mlaexchange.contracts.rules.DomainException;
import org.mlaexchange.contracts.seal.ErasureReason;

/**
 * Erasure of a transfer's personal data (its items' too): by the providing State, which supplied it, once the
 * transfer ended and every item handed over is out of custody, once; the event names nobody and lists the
 * items whose stored content goes with it.
 */
class ErasureTest {

    private static final TransferCommand.ErasePersonalData ERASE = new TransferCommand.ErasePersonalData(ErasureReason.PURPOSE_FULFILLED);

    @Test
    void the_providing_state_erases_an_ended_transfer_and_the_event_names_nobody() {
        EvidenceItem disposed = givenItem(itemHistoryIn(ItemStatus.DISPOSED));
        Transfer completed = givenTransfer(TransferStatus.COMPLETED);
        List<TransferEvent> events = TRANSFERS.erase(completed, List.of(disposed), ERASE, NL, day(400));
        assertEquals(List.of(new TransferEvent.PersonalDataErased(TRANSFER_ID, NL, ErasureReason.PURPOSE_FULFILLED, List.of(DOC_ID),
                day(400))), events);
        Transfer after = TransferDecider.evolve(completed, events.get(0));
        assertEquals(TransferStatus.COMPLETED, after.status(), "an erasure leaves the status as it is");
        assertEquals(completed.version() + 1, after.version());
        assertEquals(new Transfer.Erasure(NL, ErasureReason.PURPOSE_FULFILLED, day(400)), after.erasure());
        assertNull(completed.erasure());
        // a cancelled transfer's items never left: their content goes too
        EvidenceItem stored = givenItem(itemHistoryIn(ItemStatus.CONTENT_STORED));
        assertEquals(List.of(DOC_ID), ((TransferEvent.PersonalDataErased) TRANSFERS.erase(givenTransfer(TransferStatus.CANCELLED),
                List.of(stored), ERASE, NL, day(400)).get(0)).contentErasedItemIds());
    }

    @Test
    void the_exchanges_retention_rule_erases_an_ended_transfer_without_an_acting_state_under_the_same_rules() {
        TransferCommand.ErasePersonalData retention = new TransferCommand.ErasePersonalData(ErasureReason.RETENTION_PERIOD_ENDED);
        List<TransferEvent> events = TRANSFERS.erase(givenTransfer(TransferStatus.COMPLETED), List.of(givenItem(itemHistoryIn(ItemStatus.DISPOSED))),
                retention, null, day(400));
        assertEquals(List.of(new TransferEvent.PersonalDataErased(TRANSFER_ID, null, ErasureReason.RETENTION_PERIOD_ENDED, List.of(DOC_ID),
                day(400))), events);
        assertThrows(DomainException.TransitionForbidden.class, () -> TRANSFERS.erase(givenTransfer(TransferStatus.COMPLETED),
                List.of(givenItem(itemHistoryIn(ItemStatus.VERIFIED))), retention, null, day(400)));
        assertThrows(DomainException.TransitionForbidden.class,
                () -> TRANSFERS.erase(givenTransfer(TransferStatus.DISPATCHED), List.of(), retention, null, day(400)));
    }

    @Test
    void a_transfer_under_way_or_an_item_in_custody_is_not_erased() {
        for (TransferStatus open : List.of(TransferStatus.OPEN, TransferStatus.DISPATCHED)) {
            assertThrows(DomainException.TransitionForbidden.class, () -> TRANSFERS.erase(givenTransfer(open), List.of(), ERASE, NL, day(400)));
        }
        for (ItemStatus held : List.of(ItemStatus.VERIFIED, ItemStatus.QUARANTINED)) {
            DomainException.TransitionForbidden e = assertThrows(DomainException.TransitionForbidden.class, () -> TRANSFERS.erase(
                    givenTransfer(TransferStatus.COMPLETED), List.of(givenItem(itemHistoryIn(held))), ERASE, NL, day(400)));
            assertTrue(e.getMessage().contains("returned or disposed of"), e.getMessage());
        }
    }

    @Test
    void only_the_providing_state_erases_and_a_third_state_learns_nothing() {
        Transfer completed = givenTransfer(TransferStatus.COMPLETED);
        assertThrows(DomainException.WrongParty.class, () -> TRANSFERS.erase(completed, List.of(), ERASE, AR, day(400)));
        assertThrows(DomainException.NotAParty.class, () -> TRANSFERS.erase(completed, List.of(), ERASE, SN, day(400)));
    }

    @Test
    void the_ground_is_required_and_a_transfer_is_erased_once() {
        Transfer cancelled = givenTransfer(TransferStatus.CANCELLED);
        DomainException.InvalidCommand e = assertThrows(DomainException.InvalidCommand.class,
                () -> TRANSFERS.erase(cancelled, List.of(), new TransferCommand.ErasePersonalData(null), NL, day(400)));
        assertTrue(e.getMessage().contains("reason"), e.getMessage());
        Transfer erased = TransferDecider.evolve(cancelled, TRANSFERS.erase(cancelled, List.of(), ERASE, NL, day(400)).get(0));
        DomainException.TransitionForbidden twice = assertThrows(DomainException.TransitionForbidden.class,
                () -> TRANSFERS.erase(erased, List.of(), ERASE, NL, day(401)));
        assertTrue(twice.getMessage().contains("erased"), twice.getMessage());
    }
}
