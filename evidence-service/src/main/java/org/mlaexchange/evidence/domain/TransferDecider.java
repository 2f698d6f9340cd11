package org.mlaexchange.evidence.domain;

import org.mlaexchange.contracts.rules.DomainException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.evidence.ItemEvent;
import org.mlaexchange.contracts.evidence.ManifestEntry;
import org.mlaexchange.contracts.evidence.TransferEvent;
import org.mlaexchange.contracts.evidence.TransferEvent.Cancelled;
import org.mlaexchange.contracts.evidence.TransferEvent.Completed;
import org.mlaexchange.contracts.evidence.TransferEvent.Dispatched;
import org.mlaexchange.contracts.evidence.TransferEvent.Opened;
import org.mlaexchange.contracts.evidence.TransferEvent.PersonalDataErased;
import org.mlaexchange.contracts.evidence.TransferPurpose;
import org.mlaexchange.contracts.request.RequestFacts;
import org.mlaexchange.contracts.request.RequestStatus;
import org.mlaexchange.contracts.request.SpontaneousInformationFacts;
import org.mlaexchange.contracts.rules.DomainException.NotAParty;
import org.mlaexchange.contracts.rules.DomainException.TransitionForbidden;
import org.mlaexchange.contracts.rules.DomainException.WrongParty;

/**
 * The state machine of a transfer: {@link #open}, {@link #dispatch} and {@link #decide} turn a command
 * into events (or a {@link DomainException}), {@link #evolve} applies one event to the state,
 * {@link #fold} rebuilds the state from the history. Who may act from which status is in
 * {@link TransferAction}. Completion follows from the items' receipts ({@link ItemDecider#recordReceipt}).
 * Pure: all times come from the caller ({@code now}) or from the events.
 */
public final class TransferDecider {

    /** A request in these statuses is over: nothing more is handed over for it. */
    private static final Set<RequestStatus> REQUEST_OVER =
            EnumSet.of(RequestStatus.REFUSED, RequestStatus.CLOSED, RequestStatus.WITHDRAWN);

    /** An item handed over in these statuses is out of the receiving State's custody. */
    private static final Set<ItemStatus> CUSTODY_ENDED = EnumSet.of(ItemStatus.RETURNED, ItemStatus.DISPOSED);

    /**
     * Opens a transfer for a request; the acting State becomes the providing State and the other party
     * the receiving State. The requested State hands over execution results while the request is in
     * execution; the requesting State may provide supporting material while its request is open.
     *
     * @param request what is known of the request (its local projection)
     * @throws DomainException.NotAParty           the acting State is not a party to the request
     * @throws DomainException.TransitionForbidden the request's status does not allow this transfer
     * @throws DomainException.InvalidCommand      no transfer id
     */
    public List<TransferEvent> open(RequestFacts request, TransferCommand.Open command, StateCode actorState, Instant now) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(actorState, "actorState");
        Objects.requireNonNull(now, "now");
        if (!request.isParty(actorState)) {
            throw new NotAParty(actorState, "request", request.requestId());
        }
        TransferPurpose purpose;
        StateCode receiving;
        if (actorState.equals(request.requestedState())) {
            purpose = TransferPurpose.EXECUTION_RESULTS;
            receiving = request.requestingState();
            if (!request.inExecution()) {
                throw new TransitionForbidden(request.status(), TransferAction.OPEN,
                        "the requested State hands evidence over only while the request is in execution");
            }
        } else {
            purpose = TransferPurpose.SUPPORTING_MATERIAL;
            receiving = request.requestedState();
            if (REQUEST_OVER.contains(request.status())) {
                throw new TransitionForbidden(request.status(), TransferAction.OPEN,
                        "supporting material is provided only while the request is open");
            }
        }
        Violations v = new Violations();
        v.required(command.transferId(), "transferId");
        v.throwIfAny();
        return List.of(new Opened(command.transferId(), request.requestId(), actorState, receiving, purpose,
                request.measureIds(), command.note(), now));
    }

    /**
     * Opens a transfer of evidence items with spontaneous information (domain.md §3): only the State that sent the
     * information hands items over, to the State it sent it to, while the information is still on offer (sent or
     * acknowledged: not once its conditions were declined, nor after it was returned or the case closed). The items
     * carry their own conditions, as in any transfer.
     *
     * @param information what is known of the spontaneous information (its local projection)
     * @throws DomainException.NotAParty           the acting State is not one of the two States
     * @throws DomainException.WrongParty          the receiving State tried to open it
     * @throws DomainException.TransitionForbidden the information is no longer on offer
     * @throws DomainException.InvalidCommand      no transfer id
     */
    public List<TransferEvent> openWithSpontaneousInformation(SpontaneousInformationFacts information, TransferCommand.Open command,
                                                              StateCode actorState, Instant now) {
        Objects.requireNonNull(information, "information");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(actorState, "actorState");
        Objects.requireNonNull(now, "now");
        if (!information.isParty(actorState)) {
            throw new NotAParty(actorState, "spontaneous information", information.informationId());
        }
        if (!actorState.equals(information.providingState())) {
            throw new WrongParty(actorState, TransferAction.OPEN);
        }
        if (!information.open()) {
            throw new TransitionForbidden(information.status(), TransferAction.OPEN,
                    "evidence is handed over with spontaneous information only while it is sent or acknowledged");
        }
        Violations v = new Violations();
        v.required(command.transferId(), "transferId");
        v.throwIfAny();
        return List.of(new Opened(command.transferId(), information.informationId(), actorState, information.receivingState(),
                TransferPurpose.SPONTANEOUS_INFORMATION, List.of(), command.note(), now));
    }

    /**
     * Decides a command that needs nothing but the transfer (cancel).
     *
     * @throws DomainException.NotAParty           the acting State is not a party to the transfer
     * @throws DomainException.WrongParty          the action belongs to the other party
     * @throws DomainException.TransitionForbidden the action is not allowed in the current status
     * @throws DomainException.InvalidCommand      the command breaks a rule (all violations listed)
     * @throws IllegalArgumentException            no state, or a command decided elsewhere ({@link #open}, {@link #dispatch})
     */
    public List<TransferEvent> decide(Transfer state, TransferCommand command, StateCode actorState, Instant now) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(now, "now");
        if (state == null) {
            throw new IllegalArgumentException("no transfer: '" + command.action().label() + "' needs an open transfer");
        }
        if (command instanceof TransferCommand.Cancel c) {
            Authorization.authorize(state, TransferAction.CANCEL, actorState);
            Violations v = new Violations();
            v.requiredText(c.reasons(), "reasons");
            v.throwIfAny();
            return List.of(new Cancelled(state.id(), c.reasons(), now));
        }
        throw new IllegalArgumentException("'" + command.action().label() + "' is decided by TransferDecider."
                + (command instanceof TransferCommand.Open ? "open" : command instanceof TransferCommand.Dispatch ? "dispatch" : "erase"));
    }

    /**
     * Erases the personal data of an ended transfer (completed or cancelled) and of its items, by the providing
     * State that supplied it, once: once every item handed over is back or disposed of (its custody ended),
     * since a custody record nobody could read any more could not go on.
     *
     * @param items the states of every item registered in the transfer: the content of those that have it stored is deleted
     * @throws DomainException.NotAParty           the acting State is not a party to the transfer
     * @throws DomainException.WrongParty          the receiving State tried to erase
     * @throws DomainException.TransitionForbidden the transfer has not ended, an item is still in custody, or it was erased already
     * @throws DomainException.InvalidCommand      no reason
     */
    public List<TransferEvent> erase(Transfer state, List<EvidenceItem> items, TransferCommand.ErasePersonalData command,
                                     StateCode actorState, Instant now) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(now, "now");
        Authorization.authorize(state, TransferAction.ERASE_PERSONAL_DATA, actorState);
        if (state.erasure() != null) {
            throw new TransitionForbidden(state.status(), TransferAction.ERASE_PERSONAL_DATA,
                    "the transfer's personal data was erased; it takes no more actions");
        }
        List<String> inCustody = items.stream().filter(i -> !CUSTODY_ENDED.contains(i.status()) && state.itemIds().contains(i.id()))
                .map(i -> "item " + i.id() + " is " + i.status()).toList();
        if (!inCustody.isEmpty()) {
            throw new TransitionForbidden(state.status(), TransferAction.ERASE_PERSONAL_DATA,
                    "every item handed over must be returned or disposed of first: " + String.join(", ", inCustody));
        }
        Violations v = new Violations();
        v.required(command.reason(), "reason");
        v.throwIfAny();
        List<UUID> withContent = items.stream().filter(i -> i.content() != null).map(EvidenceItem::id).sorted().toList();
        return List.of(new PersonalDataErased(state.id(), actorState, command.reason(), withContent, now));
    }

    /**
     * Seals and dispatches the transfer with every one of its items: the transfer's {@link Dispatched}
     * (its manifest) and one {@link ItemEvent.Dispatched} per item, in the order given. Every item needs
     * its content stored, except a physical object (metadata and seal only).
     *
     * @param items the states of every item registered in the transfer
     * @throws DomainException.NotAParty           the acting State is not a party to the transfer
     * @throws DomainException.WrongParty          the receiving State tried to dispatch
     * @throws DomainException.TransitionForbidden the transfer is not open, has no items, or an item is not ready
     * @throws IllegalArgumentException            an item of another transfer, or one given twice
     */
    public Outcome dispatch(Transfer state, List<EvidenceItem> items, TransferCommand.Dispatch command,
                            StateCode actorState, Instant now) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(now, "now");
        Authorization.authorize(state, TransferAction.DISPATCH, actorState);
        Set<UUID> seen = new HashSet<>();
        for (EvidenceItem item : items) {
            if (!state.id().equals(item.transferId())) {
                throw new IllegalArgumentException("item " + item.id() + " belongs to transfer " + item.transferId());
            }
            if (!seen.add(item.id())) {
                throw new IllegalArgumentException("item " + item.id() + " is given twice");
            }
        }
        if (items.isEmpty()) {
            throw new TransitionForbidden(state.status(), TransferAction.DISPATCH, "the transfer has no items");
        }
        List<String> notReady = new ArrayList<>();
        for (EvidenceItem item : items) {
            if (!ItemAction.DISPATCH.isAllowedFrom(item.status())) {
                notReady.add("item " + item.id() + " is " + item.status());
            } else if (item.metadata().kind().hasContent() && item.content() == null) {
                notReady.add("item " + item.id() + " has no content stored");
            }
        }
        if (!notReady.isEmpty()) {
            throw new TransitionForbidden(state.status(), TransferAction.DISPATCH,
                    "every item except a physical object needs its content: " + String.join(", ", notReady));
        }
        List<ManifestEntry> manifest = new ArrayList<>();
        List<ItemEvent> itemEvents = new ArrayList<>();
        for (EvidenceItem item : items) {
            String sha256 = item.content() == null ? null : item.content().sha256();
            Long size = item.content() == null ? null : item.content().size();
            String sealNumber = item.metadata().sealNumber();
            manifest.add(new ManifestEntry(item.id(), item.metadata().kind(), sha256, size, sealNumber));
            itemEvents.add(new ItemEvent.Dispatched(item.id(), state.id(), sha256, size, sealNumber, now));
        }
        return new Outcome(List.of(new Dispatched(state.id(), manifest, command.reference(), now)), itemEvents);
    }

    // ---- evolve -------------------------------------------------------------------------------

    /**
     * The state after one event. Pure and deterministic: everything comes from the state and the
     * event, so replaying a history always gives the same state.
     *
     * @param state {@code null} before the {@link Opened} event
     * @throws IllegalArgumentException the event does not belong to this transfer or comes out of order
     */
    public static Transfer evolve(Transfer state, TransferEvent event) {
        Objects.requireNonNull(event, "event");
        if (event instanceof Opened e) {
            if (state != null) {
                throw new IllegalArgumentException("transfer " + state.id() + " is already open");
            }
            return opened(e);
        }
        if (state == null) {
            throw new IllegalArgumentException("the history of a transfer starts with Opened, not " + event.getClass().getSimpleName());
        }
        if (!state.id().equals(event.transferId())) {
            throw new IllegalArgumentException("event of transfer " + event.transferId() + " applied to transfer " + state.id());
        }
        Transfer.Builder next = state.toBuilder();
        next.version = state.version() + 1;
        if (event instanceof Dispatched e) {
            next.status = TransferStatus.DISPATCHED;
            next.manifest = new ArrayList<>(e.manifest());
            next.dispatchReference = e.reference();
            next.dispatchedAt = e.dispatchedAt();
        } else if (event instanceof Completed e) {
            next.status = TransferStatus.COMPLETED;
            next.quarantinedItemIds = new ArrayList<>(e.quarantinedItemIds());
            next.completedAt = e.completedAt();
        } else if (event instanceof Cancelled e) {
            next.status = TransferStatus.CANCELLED;
            next.cancellationReasons = e.reasons();
            next.cancelledAt = e.cancelledAt();
        } else if (event instanceof PersonalDataErased e) {
            next.erasure = new Transfer.Erasure(e.erasedBy(), e.reason(), e.erasedAt());
        } else {
            throw new IllegalArgumentException("unknown event " + event);
        }
        return next.build();
    }

    /**
     * The state after a whole history, oldest event first.
     *
     * @return {@code null} for an empty history
     */
    public static Transfer fold(List<? extends TransferEvent> events) {
        Transfer state = null;
        for (TransferEvent event : events) {
            state = evolve(state, event);
        }
        return state;
    }

    private static Transfer opened(Opened e) {
        Transfer.Builder b = new Transfer.Builder();
        b.id = e.transferId();
        b.requestId = e.requestId();
        b.providingState = e.providingState();
        b.receivingState = e.receivingState();
        b.purpose = e.purpose();
        b.status = TransferStatus.OPEN;
        b.version = 1;
        b.requestMeasureIds = new ArrayList<>(e.requestMeasureIds());
        b.note = e.note();
        b.openedAt = e.openedAt();
        return b.build();
    }
}
