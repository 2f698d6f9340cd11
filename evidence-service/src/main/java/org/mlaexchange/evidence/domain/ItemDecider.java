package org.mlaexchange.evidence.domain;

import org.mlaexchange.contracts.rules.DomainException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.evidence.DiscrepancyKind;
import org.mlaexchange.contracts.evidence.ItemEvent;
import org.mlaexchange.contracts.evidence.ItemEvent.Accessed;
import org.mlaexchange.contracts.evidence.ItemEvent.ContentStored;
import org.mlaexchange.contracts.evidence.ItemEvent.DiscrepancyFound;
import org.mlaexchange.contracts.evidence.ItemEvent.Dispatched;
import org.mlaexchange.contracts.evidence.ItemEvent.Disposed;
import org.mlaexchange.contracts.evidence.ItemEvent.ExculpatoryDisclosureNotified;
import org.mlaexchange.contracts.evidence.ItemEvent.ReceiptRecorded;
import org.mlaexchange.contracts.evidence.ItemEvent.Registered;
import org.mlaexchange.contracts.evidence.ItemEvent.ReturnDue;
import org.mlaexchange.contracts.evidence.ItemEvent.Returned;
import org.mlaexchange.contracts.evidence.ItemEvent.UseConsentDecided;
import org.mlaexchange.contracts.evidence.ItemEvent.UseConsentRequested;
import org.mlaexchange.contracts.evidence.ItemEvent.Verified;
import org.mlaexchange.contracts.evidence.ItemMetadata;
import org.mlaexchange.contracts.evidence.TransferEvent;
import org.mlaexchange.contracts.evidence.UseConsentDecision;
import org.mlaexchange.contracts.evidence.UsePurpose;
import org.mlaexchange.contracts.rules.DomainException.TransitionForbidden;
import org.mlaexchange.evidence.domain.EvidenceItem.Discrepancy;
import org.mlaexchange.evidence.domain.EvidenceItem.Disposal;
import org.mlaexchange.evidence.domain.EvidenceItem.ExculpatoryNotice;
import org.mlaexchange.evidence.domain.EvidenceItem.Receipt;
import org.mlaexchange.evidence.domain.EvidenceItem.Return;
import org.mlaexchange.evidence.domain.EvidenceItem.Seal;
import org.mlaexchange.evidence.domain.EvidenceItem.StoredContent;
import org.mlaexchange.evidence.domain.EvidenceItem.UseConsent;

/**
 * The state machine of an evidence item, whose events are its chain of custody: {@link #register},
 * {@link #storeContent}, {@link #recordReceipt} and {@link #decide} turn a command into events (or a
 * {@link DomainException}), {@link #evolve} applies one event to the state, {@link #fold} rebuilds the
 * state from the history. Who may act from which status is in {@link ItemAction}; the speciality of
 * evidence (model UNTOC 18(19)) is applied here. Dispatch is decided with the transfer
 * ({@link TransferDecider#dispatch}). Pure, given the consent id source: all times come from the caller
 * ({@code now}) or from the events.
 */
public final class ItemDecider {

    private final Supplier<UUID> consentIds;

    /** @param consentIds source of the ids of new use consents */
    public ItemDecider(Supplier<UUID> consentIds) {
        this.consentIds = Objects.requireNonNull(consentIds, "consentIds");
    }

    /**
     * Registers a new item, with its metadata and conditions, in an open transfer of the acting State.
     *
     * @throws DomainException.NotAParty           the acting State is not a party to the transfer
     * @throws DomainException.WrongParty          the receiving State tried to register
     * @throws DomainException.TransitionForbidden the transfer is not open (sealed once dispatched)
     * @throws DomainException.InvalidCommand      the metadata breaks the rules (all violations listed)
     */
    public List<ItemEvent> register(Transfer transfer, ItemCommand.Register command, StateCode actorState, Instant now) {
        Objects.requireNonNull(transfer, "transfer");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(now, "now");
        Authorization.authorize(transfer, TransferAction.REGISTER_ITEM, actorState);
        Violations v = new Violations();
        v.required(command.itemId(), "itemId");
        MetadataRules.check(v, command.metadata(), transfer, today(now));
        v.throwIfAny();
        return List.of(new Registered(command.itemId(), transfer.id(), transfer.requestId(), transfer.providingState(),
                transfer.receivingState(), command.metadata(), now));
    }

    /**
     * Records the content the providing State just stored. A declared digest or size must match what
     * was computed while storing.
     *
     * @param transfer the item's transfer, which must still be open
     * @throws DomainException.TransitionForbidden content already stored, a physical object, or the transfer not open
     * @throws DomainException.InvalidCommand      malformed digest or media type, or a mismatch with what was declared
     */
    /**
     * Whether the acting State may store content on the item now: asked before a byte of it is read.
     *
     * @throws DomainException when it may not (not a party, not the providing State, a physical object,
     *                         or the transfer no longer open)
     */
    public void checkMayStoreContent(EvidenceItem state, Transfer transfer, StateCode actorState) {
        requireTransferOf(state, transfer);
        Authorization.authorize(state, ItemAction.STORE_CONTENT, actorState);
        if (!state.metadata().kind().hasContent()) {
            throw new TransitionForbidden(state.status(), ItemAction.STORE_CONTENT, "a physical object has no content");
        }
        if (transfer.status() != TransferStatus.OPEN) {
            throw new TransitionForbidden(state.status(), ItemAction.STORE_CONTENT, "transfer " + transfer.id() + " is "
                    + transfer.status());
        }
    }

    public List<ItemEvent> storeContent(EvidenceItem state, Transfer transfer, ItemCommand.StoreContent command,
                                        StateCode actorState, Instant now) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(now, "now");
        checkMayStoreContent(state, transfer, actorState);
        ItemMetadata metadata = state.metadata();
        Violations v = new Violations();
        if (v.requiredText(command.sha256(), "sha256") && v.sha256(command.sha256(), "sha256")
                && metadata.declaredSha256() != null && !metadata.declaredSha256().equals(command.sha256())) {
            v.add("sha256", "does not match the declared SHA-256 " + metadata.declaredSha256());
        }
        if (command.size() < 0) {
            v.add("size", "must not be negative");
        } else if (metadata.declaredSize() != null && metadata.declaredSize() != command.size()) {
            v.add("size", "does not match the declared size of " + metadata.declaredSize() + " bytes");
        }
        v.mediaType(command.mediaType(), "mediaType");
        v.throwIfAny();
        String mediaType = command.mediaType() == null ? metadata.mediaType() : command.mediaType();
        return List.of(new ContentStored(state.id(), state.transferId(), command.sha256(), command.size(), mediaType, now));
    }

    /**
     * Records the receiving State's receipt of a dispatched item, then whether what it found matches
     * what was sealed: {@link Verified}, or {@link DiscrepancyFound} (the item is quarantined). When
     * the conditions require return, {@link ReturnDue} follows. When this receipt makes every item of
     * the transfer receipted, the transfer's {@link TransferEvent.Completed} is returned too.
     *
     * @param transferItems the states of every item of the transfer (this item's may be among them)
     * @throws DomainException.TransitionForbidden not dispatched yet, or already receipted
     * @throws DomainException.InvalidCommand      the receipt lacks the digest (or, for a physical object, the seal number)
     * @throws IllegalArgumentException            the transfer or its items do not match the item
     */
    public Outcome recordReceipt(EvidenceItem state, Transfer transfer, List<EvidenceItem> transferItems,
                                 ItemCommand.RecordReceipt command, StateCode actorState, Instant now) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(transferItems, "transferItems");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(now, "now");
        requireTransferOf(state, transfer);
        Authorization.authorize(state, ItemAction.RECORD_RECEIPT, actorState);
        boolean physical = !state.metadata().kind().hasContent();
        Violations v = new Violations();
        if (physical) {
            v.absent(command.sha256(), "sha256", "a physical object has no content");
            v.requiredText(command.sealNumber(), "sealNumber");
        } else if (v.requiredText(command.sha256(), "sha256")) {
            v.sha256(command.sha256(), "sha256");
        }
        v.throwIfAny();

        List<ItemEvent> events = new ArrayList<>();
        events.add(new ReceiptRecorded(state.id(), state.transferId(), actorState, command.sha256(), command.sealNumber(),
                command.note(), now));
        Seal seal = state.seal();
        boolean verified;
        if (physical) {
            verified = seal.sealNumber().equals(command.sealNumber());
            events.add(verified ? new Verified(state.id(), state.transferId(), now)
                    : new DiscrepancyFound(state.id(), state.transferId(), DiscrepancyKind.SEAL_MISMATCH, seal.sealNumber(),
                    command.sealNumber(), now));
        } else {
            verified = seal.sha256().equals(command.sha256());
            events.add(verified ? new Verified(state.id(), state.transferId(), now)
                    : new DiscrepancyFound(state.id(), state.transferId(), DiscrepancyKind.DIGEST_MISMATCH, seal.sha256(),
                    command.sha256(), now));
        }
        if (state.metadata().conditions().returnRequired()) {
            events.add(new ReturnDue(state.id(), state.transferId(), state.metadata().conditions().returnBy(), now));
        }
        return new Outcome(completion(state, verified, transfer, transferItems, now), events);
    }

    /** The transfer is complete when the receiving State's receipts cover every item of its manifest. */
    private static List<TransferEvent> completion(EvidenceItem receipted, boolean verified, Transfer transfer,
                                                  List<EvidenceItem> transferItems, Instant now) {
        Map<UUID, EvidenceItem> byId = new HashMap<>();
        for (EvidenceItem item : transferItems) {
            if (!transfer.id().equals(item.transferId())) {
                throw new IllegalArgumentException("item " + item.id() + " belongs to transfer " + item.transferId());
            }
            byId.put(item.id(), item);
        }
        List<UUID> quarantined = new ArrayList<>();
        for (UUID id : transfer.itemIds()) {
            if (id.equals(receipted.id())) {
                if (!verified) {
                    quarantined.add(id);
                }
                continue;
            }
            EvidenceItem item = byId.get(id);
            if (item == null) {
                throw new IllegalArgumentException("the state of item " + id + " of transfer " + transfer.id() + " is needed");
            }
            if (item.receipt() == null) {
                return List.of();
            }
            if (item.status() == ItemStatus.QUARANTINED) {
                quarantined.add(id);
            }
        }
        if (!TransferAction.COMPLETE.isAllowedFrom(transfer.status())) {
            return List.of();
        }
        return List.of(new TransferEvent.Completed(transfer.id(), transfer.itemIds().size(), quarantined, now));
    }

    /**
     * Decides a command that needs nothing but the item: access, use consents, exculpatory disclosure
     * notice, return, disposal.
     *
     * @param state the current state of the item
     * @throws DomainException.NotAParty           the acting State is not a party to the item's transfer
     * @throws DomainException.WrongParty          the action belongs to the other party
     * @throws DomainException.TransitionForbidden the action is not allowed in the current status
     * @throws DomainException.InvalidCommand      the command breaks a rule (all violations listed)
     * @throws UseNotPermitted     the receiving State's use needs a consent it does not have
     * @throws IllegalArgumentException            no state, or a command that needs the transfer (register,
     *                                             store content, receipt)
     */
    public List<ItemEvent> decide(EvidenceItem state, ItemCommand command, StateCode actorState, Instant now) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(now, "now");
        if (state == null) {
            throw new IllegalArgumentException("no item: '" + command.action().label() + "' needs a registered item");
        }
        if (command instanceof ItemCommand.Access c) {
            return List.of(access(state, c, actorState, now));
        } else if (command instanceof ItemCommand.RequestUseConsent c) {
            return List.of(requestUseConsent(state, c, actorState, now));
        } else if (command instanceof ItemCommand.DecideUseConsent c) {
            return List.of(decideUseConsent(state, c, actorState, now));
        } else if (command instanceof ItemCommand.NotifyExculpatoryDisclosure c) {
            return List.of(notifyExculpatoryDisclosure(state, c, actorState, now));
        } else if (command instanceof ItemCommand.RecordReturn c) {
            Authorization.authorize(state, ItemAction.RECORD_RETURN, actorState);
            return List.of(new Returned(state.id(), state.transferId(), c.note(), now));
        } else if (command instanceof ItemCommand.Dispose c) {
            return List.of(dispose(state, c, actorState, now));
        }
        throw new IllegalArgumentException("'" + command.action().label() + "' needs the item's transfer: use ItemDecider."
                + (command instanceof ItemCommand.Register ? "register"
                : command instanceof ItemCommand.StoreContent ? "storeContent" : "recordReceipt"));
    }

    /**
     * Every download is recorded. The providing State may always access its own item; the receiving
     * State once it is dispatched, freely for the proceedings named in the request and otherwise only
     * under a granted use consent for that purpose (speciality of evidence, model UNTOC 18(19)).
     */
    private static Accessed access(EvidenceItem state, ItemCommand.Access c, StateCode actor, Instant now) {
        Authorization.authorize(state, ItemAction.ACCESS, actor);
        boolean provider = actor.equals(state.providingState());
        if (!provider && state.status() == ItemStatus.CONTENT_STORED) {
            throw new TransitionForbidden(state.status(), ItemAction.ACCESS, "the item is not dispatched yet");
        }
        if (!state.metadata().kind().hasContent()) {
            throw new TransitionForbidden(state.status(), ItemAction.ACCESS, "a physical object has no content to access");
        }
        Violations v = new Violations();
        v.requiredText(c.subject(), "subject");
        boolean purposeGiven = v.required(c.purpose(), "purpose");
        boolean consentNeeded = !provider && purposeGiven && c.purpose().needsConsent();
        if (c.consentId() != null && provider) {
            v.add("consentId", "the providing State needs no consent to access its own item");
        } else if (c.consentId() != null && purposeGiven && !consentNeeded) {
            v.add("consentId", "no consent is needed for the proceedings named in the request");
        }
        v.throwIfAny();
        if (consentNeeded) {
            requireGrantedConsent(state, c, actor);
        }
        return new Accessed(state.id(), state.transferId(), actor, c.subject(), c.purpose(), c.consentId(), now);
    }

    private static void requireGrantedConsent(EvidenceItem state, ItemCommand.Access c, StateCode actor) {
        UsePurpose purpose = c.purpose();
        if (c.consentId() == null) {
            throw new UseNotPermitted(actor, state.id(), purpose, purpose
                    + " needs the providing State's prior consent (speciality of evidence); name a granted use consent");
        }
        UseConsent consent = state.useConsent(c.consentId()).orElseThrow(() -> new UseNotPermitted(actor, state.id(), purpose,
                "there is no use consent " + c.consentId() + " for this item"));
        if (consent.purpose() != purpose) {
            throw new UseNotPermitted(actor, state.id(), purpose,
                    "use consent " + consent.id() + " is for " + consent.purpose() + ", not " + purpose);
        }
        if (consent.pending()) {
            throw new UseNotPermitted(actor, state.id(), purpose,
                    "use consent " + consent.id() + " awaits the providing State's decision");
        }
        if (!consent.decision().permits()) {
            throw new UseNotPermitted(actor, state.id(), purpose,
                    "use consent " + consent.id() + " was denied: " + consent.reasons());
        }
    }

    /** Use beyond the proceedings named in the request needs the providing State's prior consent. */
    private UseConsentRequested requestUseConsent(EvidenceItem state, ItemCommand.RequestUseConsent c, StateCode actor,
                                                  Instant now) {
        Authorization.authorize(state, ItemAction.REQUEST_USE_CONSENT, actor);
        Violations v = new Violations();
        if (v.required(c.purpose(), "purpose")) {
            if (!c.purpose().needsConsent()) {
                v.add("purpose", "the proceedings named in the request need no consent");
            } else if (c.purpose() == UsePurpose.ONWARD_TRANSFER) {
                if (v.required(c.thirdState(), "thirdState") && state.isParty(c.thirdState())) {
                    v.add("thirdState", "must be a State other than the parties to the transfer");
                }
            } else {
                v.absent(c.thirdState(), "thirdState", "only for ONWARD_TRANSFER");
            }
        }
        v.requiredText(c.description(), "description");
        v.throwIfAny();
        return new UseConsentRequested(state.id(), state.transferId(), Objects.requireNonNull(consentIds.get(), "consent id"),
                c.purpose(), c.thirdState(), c.description(), now);
    }

    /** A denial gives reasons; a grant with conditions lists them, and they bind like use limits. */
    private static UseConsentDecided decideUseConsent(EvidenceItem state, ItemCommand.DecideUseConsent c, StateCode actor,
                                                      Instant now) {
        Authorization.authorize(state, ItemAction.DECIDE_USE_CONSENT, actor);
        Violations v = new Violations();
        if (v.required(c.consentId(), "consentId")) {
            UseConsent consent = state.useConsent(c.consentId()).orElse(null);
            if (consent == null) {
                v.add("consentId", "there is no use consent " + c.consentId() + " for this item");
            } else if (!consent.pending()) {
                throw new TransitionForbidden(state.status(), ItemAction.DECIDE_USE_CONSENT,
                        "use consent " + consent.id() + " is already decided (" + consent.decision() + ")");
            }
        }
        List<String> conditions = c.conditions() == null ? List.of() : c.conditions();
        if (v.required(c.decision(), "decision")) {
            if (c.decision() == UseConsentDecision.GRANTED_WITH_CONDITIONS) {
                v.requiredTexts(conditions, "conditions");
            } else if (!conditions.isEmpty()) {
                v.add("conditions", "only with GRANTED_WITH_CONDITIONS");
            }
            if (c.decision() == UseConsentDecision.DENIED) {
                v.requiredText(c.reasons(), "reasons");
            }
        }
        v.throwIfAny();
        return new UseConsentDecided(state.id(), state.transferId(), c.consentId(), c.decision(), conditions, c.reasons(), now);
    }

    /** Exculpatory material may be disclosed without consent, with notice before disclosure (model UNTOC 18(19)). */
    private static ExculpatoryDisclosureNotified notifyExculpatoryDisclosure(EvidenceItem state,
                                                                             ItemCommand.NotifyExculpatoryDisclosure c,
                                                                             StateCode actor, Instant now) {
        Authorization.authorize(state, ItemAction.NOTIFY_EXCULPATORY_DISCLOSURE, actor);
        Violations v = new Violations();
        v.requiredText(c.disclosedTo(), "disclosedTo");
        v.requiredText(c.description(), "description");
        if (v.required(c.disclosureDate(), "disclosureDate") && c.disclosureDate().isBefore(today(now))) {
            v.add("disclosureDate", "must not be in the past: notice comes before disclosure");
        }
        v.throwIfAny();
        return new ExculpatoryDisclosureNotified(state.id(), state.transferId(), c.disclosedTo(), c.description(),
                c.disclosureDate(), now);
    }

    /** An item that must be returned cannot be disposed of instead. */
    private static Disposed dispose(EvidenceItem state, ItemCommand.Dispose c, StateCode actor, Instant now) {
        Authorization.authorize(state, ItemAction.DISPOSE, actor);
        if (state.returnDueDate() != null) {
            throw new TransitionForbidden(state.status(), ItemAction.DISPOSE,
                    "the item must be returned to the providing State by " + state.returnDueDate());
        }
        Violations v = new Violations();
        v.requiredText(c.method(), "method");
        v.throwIfAny();
        return new Disposed(state.id(), state.transferId(), c.method(), now);
    }

    private static void requireTransferOf(EvidenceItem state, Transfer transfer) {
        Objects.requireNonNull(transfer, "transfer");
        if (!transfer.id().equals(state.transferId())) {
            throw new IllegalArgumentException("item " + state.id() + " belongs to transfer " + state.transferId()
                    + ", not " + transfer.id());
        }
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, EvidenceItem.DATE_ZONE);
    }

    // ---- evolve -------------------------------------------------------------------------------

    /**
     * The state after one event. Pure and deterministic: everything comes from the state and the
     * event, so replaying a chain of custody always gives the same state.
     *
     * @param state {@code null} before the {@link Registered} event
     * @throws IllegalArgumentException the event does not belong to this item or comes out of order
     */
    public static EvidenceItem evolve(EvidenceItem state, ItemEvent event) {
        Objects.requireNonNull(event, "event");
        if (event instanceof Registered e) {
            if (state != null) {
                throw new IllegalArgumentException("item " + state.id() + " is already registered");
            }
            return registered(e);
        }
        if (state == null) {
            throw new IllegalArgumentException("the history of an item starts with Registered, not " + event.getClass().getSimpleName());
        }
        if (!state.id().equals(event.itemId()) || !state.transferId().equals(event.transferId())) {
            throw new IllegalArgumentException("event of item " + event.itemId() + " (transfer " + event.transferId()
                    + ") applied to item " + state.id() + " (transfer " + state.transferId() + ")");
        }
        EvidenceItem.Builder next = state.toBuilder();
        next.version = state.version() + 1;
        if (event instanceof ContentStored e) {
            next.status = ItemStatus.CONTENT_STORED;
            next.content = new StoredContent(e.sha256(), e.size(), e.mediaType(), e.storedAt());
        } else if (event instanceof Dispatched e) {
            next.status = ItemStatus.DISPATCHED;
            next.seal = new Seal(e.sha256(), e.size(), e.sealNumber(), e.dispatchedAt());
        } else if (event instanceof ReceiptRecorded e) {
            next.receipt = new Receipt(e.receivedBy(), e.sha256(), e.sealNumber(), e.note(), e.receivedAt());
        } else if (event instanceof Verified) {
            next.status = ItemStatus.VERIFIED;
        } else if (event instanceof DiscrepancyFound e) {
            next.status = ItemStatus.QUARANTINED;
            next.discrepancy = new Discrepancy(e.kind(), e.expected(), e.found(), e.foundAt());
        } else if (event instanceof Accessed e) {
            next.accessCount = state.accessCount() + 1;
            next.lastAccessedAt = e.accessedAt();
        } else if (event instanceof UseConsentRequested e) {
            next.useConsents.add(new UseConsent(e.consentId(), e.purpose(), e.thirdState(), e.description(), e.requestedAt(),
                    null, List.of(), null, null));
        } else if (event instanceof UseConsentDecided e) {
            next.useConsents.replaceAll(u -> u.id().equals(e.consentId())
                    ? new UseConsent(u.id(), u.purpose(), u.thirdState(), u.description(), u.requestedAt(), e.decision(),
                    e.conditions(), e.reasons(), e.decidedAt())
                    : u);
        } else if (event instanceof ExculpatoryDisclosureNotified e) {
            next.exculpatoryNotices.add(new ExculpatoryNotice(e.disclosedTo(), e.description(), e.disclosureDate(), e.notifiedAt()));
        } else if (event instanceof ReturnDue e) {
            next.returnDueDate = e.dueDate();
        } else if (event instanceof Returned e) {
            next.status = ItemStatus.RETURNED;
            next.returned = new Return(e.note(), e.returnedAt());
        } else if (event instanceof Disposed e) {
            next.status = ItemStatus.DISPOSED;
            next.disposal = new Disposal(e.method(), e.disposedAt());
        } else {
            throw new IllegalArgumentException("unknown event " + event);
        }
        return next.build();
    }

    /**
     * The state after a whole chain of custody, oldest event first.
     *
     * @return {@code null} for an empty history
     */
    public static EvidenceItem fold(List<? extends ItemEvent> events) {
        EvidenceItem state = null;
        for (ItemEvent event : events) {
            state = evolve(state, event);
        }
        return state;
    }

    private static EvidenceItem registered(Registered e) {
        EvidenceItem.Builder b = new EvidenceItem.Builder();
        b.id = e.itemId();
        b.transferId = e.transferId();
        b.requestId = e.requestId();
        b.providingState = e.providingState();
        b.receivingState = e.receivingState();
        b.status = ItemStatus.REGISTERED;
        b.version = 1;
        b.metadata = e.metadata();
        b.registeredAt = e.registeredAt();
        return b.build();
    }
}
