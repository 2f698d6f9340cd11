package org.mlaexchange.evidence.domain;

import org.mlaexchange.contracts.rules.DomainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.CONSENT_ID;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.DOC_SIZE;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.ITEMS;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.SHA_DOC;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.TRANSFERS;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.actorOf;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.date;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.day;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.docMetadata;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.givenItem;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.givenTransfer;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.itemHistoryIn;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.objectRegistered;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.then;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.thenTransfer;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.transferFor;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.withPendingConsent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.evidence.ItemEvent;
import org.mlaexchange.contracts.evidence.TransferEvent;
import org.mlaexchange.contracts.evidence.UseConsentDecision;
import org.mlaexchange.contracts.evidence.UsePurpose;
import org.mlaexchange.contracts.rules.DomainException.TransitionForbidden;

/**
 * The tables of {@link TransferAction} and {@link ItemAction}, checked cell by cell: every (action,
 * status) they allow produces the action's event and the expected status; every other cell is a
 * {@link TransitionForbidden}.
 */
class TransitionTableTest {

    private static final Map<ItemAction, Class<? extends ItemEvent>> ITEM_EVENT_OF = Map.of(
            ItemAction.STORE_CONTENT, ItemEvent.ContentStored.class,
            ItemAction.DISPATCH, ItemEvent.Dispatched.class,
            ItemAction.RECORD_RECEIPT, ItemEvent.ReceiptRecorded.class,
            ItemAction.ACCESS, ItemEvent.Accessed.class,
            ItemAction.REQUEST_USE_CONSENT, ItemEvent.UseConsentRequested.class,
            ItemAction.DECIDE_USE_CONSENT, ItemEvent.UseConsentDecided.class,
            ItemAction.NOTIFY_EXCULPATORY_DISCLOSURE, ItemEvent.ExculpatoryDisclosureNotified.class,
            ItemAction.RECORD_RETURN, ItemEvent.Returned.class,
            ItemAction.DISPOSE, ItemEvent.Disposed.class);

    @Test
    void every_item_action_is_checked() {
        assertEquals(EnumSet.allOf(ItemAction.class), EnumSet.copyOf(ITEM_EVENT_OF.keySet()));
    }

    @TestFactory
    Stream<DynamicTest> every_allowed_item_transition_emits_its_event_and_reaches_its_status() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ItemAction action : ItemAction.values()) {
            for (ItemStatus from : action.allowedFrom()) {
                tests.add(DynamicTest.dynamicTest(action.label() + " from " + from, () -> {
                    // given
                    EvidenceItem state = givenItemFor(action, from);
                    // when
                    List<ItemEvent> events = decideItem(action, state, actorOf(action.by(), state), day(10));
                    // then
                    assertInstanceOf(ITEM_EVENT_OF.get(action), events.get(0));
                    EvidenceItem after = then(state, events);
                    assertEquals(expectedStatus(action, from), after.status());
                    assertEquals(state.version() + events.size(), after.version());
                }));
            }
        }
        return tests.stream();
    }

    /**
     * Dispatch goes through the transfer, which is open exactly while its items are REGISTERED or
     * CONTENT_STORED: no other item status can meet it (see {@code TransferLifecycleTest}).
     */
    @TestFactory
    Stream<DynamicTest> every_other_item_status_forbids_the_action() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ItemAction action : ItemAction.values()) {
            if (action == ItemAction.DISPATCH) {
                continue;
            }
            for (ItemStatus from : EnumSet.complementOf(EnumSet.copyOf(action.allowedFrom()))) {
                tests.add(DynamicTest.dynamicTest(action.label() + " from " + from, () -> {
                    EvidenceItem state = givenItemFor(action, from);
                    TransitionForbidden e = assertThrows(TransitionForbidden.class,
                            () -> decideItem(action, state, actorOf(action.by(), state), day(10)));
                    assertEquals(from, e.status());
                    assertEquals(action, e.action());
                    assertTrue(e.getMessage().contains(action.label()) && e.getMessage().contains(from.name()), e.getMessage());
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> every_transfer_action_is_allowed_from_open_only() {
        List<DynamicTest> tests = new ArrayList<>();
        for (TransferAction action : List.of(TransferAction.REGISTER_ITEM, TransferAction.DISPATCH, TransferAction.CANCEL)) {
            assertEquals(EnumSet.of(TransferStatus.OPEN), action.allowedFrom(), action.name());
            for (TransferStatus from : TransferStatus.values()) {
                tests.add(DynamicTest.dynamicTest(action.label() + " from " + from, () -> {
                    Transfer state = givenTransfer(from);
                    if (from == TransferStatus.OPEN) {
                        assertEquals(expectedTransferStatus(action), decideTransfer(action, state).status());
                    } else {
                        TransitionForbidden e = assertThrows(TransitionForbidden.class, () -> decideTransfer(action, state));
                        assertEquals(from, e.status());
                        assertEquals(action, e.action());
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void completion_is_the_systems_and_follows_dispatch() {
        assertEquals(Party.SYSTEM, TransferAction.COMPLETE.by());
        assertEquals(EnumSet.of(TransferStatus.DISPATCHED), TransferAction.COMPLETE.allowedFrom());
        assertEquals(EnumSet.noneOf(TransferStatus.class), TransferAction.OPEN.allowedFrom());
    }

    @Test
    void nothing_is_allowed_on_a_returned_or_disposed_item_but_deciding_a_pending_consent() {
        for (ItemStatus terminal : List.of(ItemStatus.RETURNED, ItemStatus.DISPOSED)) {
            for (ItemAction action : ItemAction.values()) {
                assertEquals(action == ItemAction.DECIDE_USE_CONSENT, action.isAllowedFrom(terminal), action + " from " + terminal);
            }
        }
    }

    /**
     * The document item in the status, with a pending use consent when the action decides one; to
     * dispatch from REGISTERED, the physical object (any other item needs its content first).
     */
    static EvidenceItem givenItemFor(ItemAction action, ItemStatus from) {
        if (action == ItemAction.DISPATCH && from == ItemStatus.REGISTERED) {
            return givenItem(objectRegistered());
        }
        List<ItemEvent> history = itemHistoryIn(from);
        EvidenceItem state = givenItem(action == ItemAction.DECIDE_USE_CONSENT ? withPendingConsent(history) : history);
        assertEquals(from, state.status());
        return state;
    }

    /** Routes the action to the decider method that takes it, with what it needs beside the item. */
    static List<ItemEvent> decideItem(ItemAction action, EvidenceItem state, StateCode actor, Instant now) {
        Transfer transfer = transferFor(state);
        return switch (action) {
            case STORE_CONTENT -> ITEMS.storeContent(state, transfer, new ItemCommand.StoreContent(SHA_DOC, DOC_SIZE, null), actor, now);
            case DISPATCH -> TRANSFERS.dispatch(transfer, List.of(state), new TransferCommand.Dispatch(null), actor, now).itemEvents();
            case RECORD_RECEIPT -> ITEMS.recordReceipt(state, transfer, List.of(state),
                    new ItemCommand.RecordReceipt(SHA_DOC, null, null), actor, now).itemEvents();
            default -> ITEMS.decide(state, validCommand(action), actor, now);
        };
    }

    /** A command for an action of {@link ItemDecider#decide} that passes every rule on the document item. */
    static ItemCommand validCommand(ItemAction action) {
        return switch (action) {
            case ACCESS -> new ItemCommand.Access("officer@nl", UsePurpose.PROCEEDINGS_OF_REQUEST, null);
            case REQUEST_USE_CONSENT -> new ItemCommand.RequestUseConsent(UsePurpose.OTHER_PROCEEDINGS, null,
                    "Prosecution of the same suspect in case CFP 99/2025");
            case DECIDE_USE_CONSENT -> new ItemCommand.DecideUseConsent(CONSENT_ID, UseConsentDecision.GRANTED, null, null);
            case NOTIFY_EXCULPATORY_DISCLOSURE -> new ItemCommand.NotifyExculpatoryDisclosure("Defence of the accused in CFP 1234/2020",
                    "The statements show the accused was abroad", date(40));
            case RECORD_RETURN -> new ItemCommand.RecordReturn("Back in the archive");
            case DISPOSE -> new ItemCommand.Dispose("Every copy erased");
            case STORE_CONTENT, DISPATCH, RECORD_RECEIPT -> throw new IllegalArgumentException(action + " needs the transfer");
        };
    }

    /** Takes the transfer action with a valid command; returns the transfer after it. */
    static Transfer decideTransfer(TransferAction action, Transfer state) {
        return switch (action) {
            case REGISTER_ITEM -> {
                ITEMS.register(state, new ItemCommand.Register(UUID.randomUUID(), docMetadata()), state.providingState(), day(1));
                yield state;
            }
            case DISPATCH -> {
                EvidenceItem item = givenItem(itemHistoryIn(ItemStatus.CONTENT_STORED));
                List<TransferEvent> events = TRANSFERS.dispatch(state, List.of(item), new TransferCommand.Dispatch(null),
                        state.providingState(), day(3)).transferEvents();
                yield thenTransfer(state, events);
            }
            case CANCEL -> thenTransfer(state, TRANSFERS.decide(state, new TransferCommand.Cancel("Wrong request"),
                    state.providingState(), day(2)));
            case OPEN, COMPLETE, ERASE_PERSONAL_DATA -> throw new IllegalArgumentException(action.name());
        };
    }

    private static TransferStatus expectedTransferStatus(TransferAction action) {
        return switch (action) {
            case REGISTER_ITEM -> TransferStatus.OPEN;
            case DISPATCH -> TransferStatus.DISPATCHED;
            case CANCEL -> TransferStatus.CANCELLED;
            case OPEN, COMPLETE, ERASE_PERSONAL_DATA -> throw new IllegalArgumentException(action.name());
        };
    }

    private static ItemStatus expectedStatus(ItemAction action, ItemStatus from) {
        return switch (action) {
            case STORE_CONTENT -> ItemStatus.CONTENT_STORED;
            case DISPATCH -> ItemStatus.DISPATCHED;
            case RECORD_RECEIPT -> ItemStatus.VERIFIED;
            case ACCESS, REQUEST_USE_CONSENT, DECIDE_USE_CONSENT, NOTIFY_EXCULPATORY_DISCLOSURE -> from;
            case RECORD_RETURN -> ItemStatus.RETURNED;
            case DISPOSE -> ItemStatus.DISPOSED;
        };
    }
}
