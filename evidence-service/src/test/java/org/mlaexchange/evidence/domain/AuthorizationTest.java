package org.mlaexchange.evidence.domain;

import org.mlaexchange.contracts.rules.DomainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.AR;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.ITEMS;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.NL;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.SHA_DOC;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.SN;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.TRANSFERS;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.TRANSFER_ID;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.day;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.docMetadata;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.givenItem;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.givenTransfer;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.itemHistoryIn;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.transferFor;
import static org.mlaexchange.evidence.domain.TransitionTableTest.decideItem;
import static org.mlaexchange.evidence.domain.TransitionTableTest.givenItemFor;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.rules.DomainException.NotAParty;
import org.mlaexchange.contracts.rules.DomainException.TransitionForbidden;
import org.mlaexchange.contracts.rules.DomainException.WrongParty;

/** Who may act: each action belongs to one party (access: to either); a non-party does not see the case at all. */
class AuthorizationTest {

    @TestFactory
    Stream<DynamicTest> the_other_party_taking_an_item_action_is_the_wrong_party() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ItemAction action : ItemAction.values()) {
            if (action.by() == Party.EITHER) {
                continue;
            }
            ItemStatus from = action.allowedFrom().iterator().next();
            tests.add(DynamicTest.dynamicTest(action.label() + " by the " + (action.by() == Party.PROVIDING ? "receiving" : "providing")
                    + " State", () -> {
                EvidenceItem state = givenItemFor(action, from);
                StateCode other = action.by() == Party.PROVIDING ? state.receivingState() : state.providingState();

                WrongParty e = assertThrows(WrongParty.class, () -> decideItem(action, state, other, day(10)));

                assertEquals(other, e.state());
                assertEquals(action == ItemAction.DISPATCH ? TransferAction.DISPATCH : action, e.action(), "items are dispatched with their transfer");
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> a_state_that_is_not_a_party_is_told_the_item_does_not_exist() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ItemAction action : ItemAction.values()) {
            for (ItemStatus from : ItemStatus.values()) {
                tests.add(DynamicTest.dynamicTest(action.label() + " from " + from, () -> {
                    EvidenceItem state = givenItemFor(action, from);
                    if (action == ItemAction.DISPATCH) {
                        assertThrows(NotAParty.class, () -> decideItem(action, state, SN, day(10)));
                        return;
                    }
                    NotAParty e = assertThrows(NotAParty.class, () -> decideItem(action, state, SN, day(10)));
                    assertEquals(SN, e.state());
                    assertEquals("item", e.caseKind());
                    assertEquals(state.id(), e.caseId());
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void only_the_providing_state_registers_dispatches_and_cancels() {
        Transfer open = givenTransfer(TransferStatus.OPEN);
        EvidenceItem stored = givenItem(itemHistoryIn(ItemStatus.CONTENT_STORED));

        assertThrows(WrongParty.class, () -> ITEMS.register(open, new ItemCommand.Register(UUID.randomUUID(), docMetadata()), AR, day(1)));
        assertThrows(WrongParty.class, () -> TRANSFERS.dispatch(open, List.of(stored), new TransferCommand.Dispatch(null), AR, day(3)));
        WrongParty e = assertThrows(WrongParty.class, () -> TRANSFERS.decide(open, new TransferCommand.Cancel("No"), AR, day(2)));
        assertEquals("'cancel' is an action of the providing State, not of AR", e.getMessage());
    }

    @Test
    void a_state_that_is_not_a_party_is_told_the_transfer_does_not_exist() {
        Transfer open = givenTransfer(TransferStatus.OPEN);

        NotAParty e = assertThrows(NotAParty.class, () -> TRANSFERS.decide(open, new TransferCommand.Cancel("No"), SN, day(2)));
        assertEquals("transfer", e.caseKind());
        assertEquals(TRANSFER_ID, e.caseId());
        assertThrows(NotAParty.class, () -> ITEMS.register(open, new ItemCommand.Register(UUID.randomUUID(), docMetadata()), SN, day(1)));
        assertThrows(NotAParty.class, () -> TRANSFERS.dispatch(open, List.of(), new TransferCommand.Dispatch(null), SN, day(3)));
    }

    @Test
    void not_a_party_comes_before_the_status_check_so_the_status_does_not_leak() {
        EvidenceItem disposed = givenItem(ItemStatus.DISPOSED);
        Transfer cancelled = givenTransfer(TransferStatus.CANCELLED);

        assertThrows(NotAParty.class, () -> ITEMS.decide(disposed, new ItemCommand.Dispose("again"), SN, day(40)));
        assertThrows(NotAParty.class, () -> TRANSFERS.decide(cancelled, new TransferCommand.Cancel("again"), SN, day(40)));
    }

    @Test
    void wrong_party_comes_before_the_status_check() {
        EvidenceItem registered = givenItem(ItemStatus.REGISTERED);

        assertThrows(WrongParty.class, () -> ITEMS.decide(registered, new ItemCommand.Dispose("erased"), NL, day(2)));
        assertThrows(TransitionForbidden.class, () -> ITEMS.decide(registered, new ItemCommand.Dispose("erased"), AR, day(2)));
    }

    @Test
    void the_receiving_state_cannot_store_content_nor_the_providing_state_record_a_receipt() {
        EvidenceItem registered = givenItem(ItemStatus.REGISTERED);
        EvidenceItem dispatched = givenItem(ItemStatus.DISPATCHED);

        WrongParty store = assertThrows(WrongParty.class, () -> ITEMS.storeContent(registered, transferFor(registered),
                new ItemCommand.StoreContent(SHA_DOC, 1, null), AR, day(2)));
        assertEquals("'store-content' is an action of the providing State, not of AR", store.getMessage());
        WrongParty receipt = assertThrows(WrongParty.class, () -> ITEMS.recordReceipt(dispatched, transferFor(dispatched),
                List.of(dispatched), new ItemCommand.RecordReceipt(SHA_DOC, null, null), NL, day(5)));
        assertEquals("'record-receipt' is an action of the receiving State, not of NL", receipt.getMessage());
    }

    @Test
    void commands_that_need_more_than_the_item_are_not_decided_alone() {
        EvidenceItem registered = givenItem(ItemStatus.REGISTERED);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ITEMS.decide(registered,
                new ItemCommand.StoreContent(SHA_DOC, 1, null), NL, day(2)));
        assertEquals("'store-content' needs the item's transfer: use ItemDecider.storeContent", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ITEMS.decide(null, new ItemCommand.Dispose("x"), AR, day(2)));
        assertThrows(IllegalArgumentException.class, () -> TRANSFERS.decide(givenTransfer(TransferStatus.OPEN),
                new TransferCommand.Dispatch(null), NL, day(2)));
    }
}
