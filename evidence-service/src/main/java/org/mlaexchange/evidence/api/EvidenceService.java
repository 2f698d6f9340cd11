package org.mlaexchange.evidence.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.evidence.domain.TransferAction;
import org.mlaexchange.platform.seal.RetentionKind;
import org.mlaexchange.contracts.seal.ErasureReason;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.evidence.ItemEvent;
import org.mlaexchange.contracts.evidence.ItemMetadata;
import org.mlaexchange.contracts.evidence.TransferEvent;
import org.mlaexchange.contracts.evidence.UsePurpose;
import org.mlaexchange.contracts.request.RequestFacts;
import org.mlaexchange.contracts.request.SpontaneousInformationFacts;
import org.mlaexchange.evidence.EvidenceConfig;
import org.mlaexchange.evidence.domain.EvidenceItem;
import org.mlaexchange.evidence.security.EvidenceDisclosure;
import org.mlaexchange.evidence.domain.ItemCommand;
import org.mlaexchange.evidence.domain.ItemDecider;
import org.mlaexchange.evidence.domain.Outcome;
import org.mlaexchange.evidence.domain.Transfer;
import org.mlaexchange.evidence.domain.TransferCommand;
import org.mlaexchange.evidence.domain.TransferDecider;
import org.mlaexchange.evidence.events.EvidenceEventCodec;
import org.mlaexchange.evidence.store.ContentStore;
import org.mlaexchange.evidence.store.EvidenceRepository;
import org.mlaexchange.evidence.store.ItemEntity;
import org.mlaexchange.evidence.store.TransferEntity;
import org.mlaexchange.evidence.store.UseConsentEntity;
import org.mlaexchange.contracts.rules.DomainException;
import org.mlaexchange.platform.eventlog.EventLog;
import org.mlaexchange.platform.eventlog.NewEvent;
import org.mlaexchange.platform.http.Versions;
import org.mlaexchange.platform.identity.Caller;
import org.mlaexchange.platform.problem.Problem;
import org.mlaexchange.platform.problem.ProblemException;
import org.mlaexchange.platform.projection.KnownRequests;
import org.mlaexchange.platform.store.JsonState;
import org.mlaexchange.platform.store.TimeOrderedIds;
import org.mlaexchange.platform.write.CaseWrites;
import org.mlaexchange.platform.write.Writes;

/**
 * Evidence actions on the shared write path ({@link Writes}): each is one unit of a group commit that
 * locks what it decides on, decides, stores the new states and appends the events (transfer and items
 * are cases of their own). Content is streamed before its unit runs, holding no lock, and is kept only
 * if the unit records it. On any error nothing is kept.
 */
@ApplicationScoped
public class EvidenceService {

    private final TransferDecider transfers = new TransferDecider();
    private final ItemDecider items = new ItemDecider(TimeOrderedIds::next);
    private final EvidenceRepository repository;
    private final KnownRequests knownRequests;
    private final ContentStore contentStore;
    private final Writes writes;
    private final EventLog eventLog;
    private final EvidenceEventCodec codec;
    private final Clock clock;
    private final long maxContentBytes;

    public EvidenceService(EvidenceRepository repository, KnownRequests knownRequests, ContentStore contentStore, Writes writes,
                           EventLog eventLog, EvidenceEventCodec codec, Clock clock, EvidenceConfig config) {
        this.repository = repository;
        this.knownRequests = knownRequests;
        this.contentStore = contentStore;
        this.writes = writes;
        this.eventLog = eventLog;
        this.codec = codec;
        this.clock = clock;
        this.maxContentBytes = config.maxContentBytes();
    }

    /** The transfer and the items a change touched, as they are after it. */
    public record Result(Transfer transfer, List<EvidenceItem> items) {
    }

    public Writes.Written<Result> open(Caller caller, UUID requestId, String note) {
        StateCode actor = CaseWrites.actingState(caller);
        return writes.run(() -> {
            RequestFacts request = knownRequests.find(requestId).filter(r -> r.isParty(actor))
                    .orElseThrow(() -> ProblemException.notFound("Request " + requestId));
            return opened(transfers.open(request, new TransferCommand.Open(TimeOrderedIds.next(), note), actor, clock.instant()), actor);
        });
    }

    /** A transfer of evidence items with spontaneous information the caller's State sent (another State's: 404). */
    public Writes.Written<Result> openWithSpontaneousInformation(Caller caller, UUID informationId, String note) {
        StateCode actor = CaseWrites.actingState(caller);
        return writes.run(() -> {
            SpontaneousInformationFacts information = knownRequests.findSpontaneous(informationId).filter(i -> i.isParty(actor))
                    .orElseThrow(() -> ProblemException.notFound("Spontaneous information " + informationId));
            return opened(transfers.openWithSpontaneousInformation(information, new TransferCommand.Open(TimeOrderedIds.next(), note), actor,
                    clock.instant()), actor);
        });
    }

    private Result opened(List<TransferEvent> events, StateCode actor) {
        Transfer transfer = TransferDecider.fold(events);
        TransferEntity entity = new TransferEntity();
        write(entity, transfer);
        repository.persist(entity);
        append(transferEntries(transfer, events, actor));
        return new Result(transfer, List.of());
    }

    public Writes.Written<Result> register(Caller caller, UUID transferId, ItemMetadata metadata) {
        StateCode actor = CaseWrites.actingState(caller);
        return writes.run(() -> {
            Transfer transfer = transfer(lockTransfer(transferId), actor);
            List<ItemEvent> events = items.register(transfer, new ItemCommand.Register(TimeOrderedIds.next(), metadata), actor, clock.instant());
            EvidenceItem item = ItemDecider.fold(events);
            ItemEntity entity = new ItemEntity();
            write(entity, item);
            repository.persist(entity);
            append(itemEntries(item, events, actor));
            return new Result(transfer, List.of(item));
        });
    }

    /**
     * Streams the content in and checks its digest against {@code Content-Digest}, then records it.
     * Whether this State may store content on this item now is decided before a byte is read; no row
     * is locked while the bytes arrive, and the unit that records them checks again that the item did
     * not change meanwhile.
     */
    public Writes.Written<Result> storeContent(Caller caller, UUID itemId, String ifMatch, InputStream content, byte[] expectedDigest,
                                               Long contentLength, String mediaType) {
        StateCode actor = CaseWrites.actingState(caller);
        EvidenceItem before = QuarkusTransaction.joiningExisting().call(() -> {
            EvidenceItem item = item(repository.item(itemId).orElseThrow(() -> ProblemException.notFound("Item " + itemId)), actor);
            Versions.requireMatch(ifMatch, item.version());
            items.checkMayStoreContent(item, transfer(repository.transfer(item.transferId()).orElse(null), actor), actor);
            return item;
        });
        if (contentLength != null && contentLength > maxContentBytes) {
            throw tooLarge();
        }
        ContentStore.Stored stored;
        try {
            stored = contentStore.write(itemId, content, maxContentBytes);
        } catch (ContentStore.TooLarge e) {
            throw tooLarge();
        } catch (java.io.UncheckedIOException e) {
            throw ProblemException.badRequest("upload-interrupted", "The body ended before it was complete; nothing was stored", null);
        }
        try {
            if (contentLength != null && stored.size() != contentLength) {
                throw ProblemException.badRequest("truncated-content", "The body ended after " + stored.size()
                        + " bytes but Content-Length announced " + contentLength + "; nothing was stored", null);
            }
            if (!MessageDigest.isEqual(stored.digest(), expectedDigest)) {
                throw new ProblemException(Problem.of(422, "digest-mismatch", "Content does not match its digest",
                        "The SHA-256 of what arrived (" + stored.sha256() + ") differs from Content-Digest; nothing was stored",
                        List.of(new Problem.FieldError("Content-Digest", "does not match the content received"))));
            }
            return writes.run(() -> {
                ItemEntity entity = lockItem(itemId);
                EvidenceItem item = item(entity, actor);
                Versions.requireMatch(Versions.etag(before.version()), item.version());
                Transfer transfer = transfer(lockTransfer(item.transferId()), actor);
                List<ItemEvent> events = items.storeContent(item, transfer,
                        new ItemCommand.StoreContent(stored.sha256(), stored.size(), mediaType), actor, clock.instant());
                contentStore.accept(itemId, stored.uploadId());
                return applyItemEvents(Map.of(itemId, entity), events, actor, transfer);
            });
        } catch (RuntimeException refused) {
            contentStore.discard(stored.uploadId());
            throw refused;
        }
    }

    public Writes.Written<Result> dispatch(Caller caller, UUID transferId, String ifMatch, String reference) {
        StateCode actor = CaseWrites.actingState(caller);
        return writes.run(() -> {
            Locked locked = lockWithItems(transferId, ifMatch, actor);
            Outcome outcome = transfers.dispatch(locked.transfer(), locked.items(), new TransferCommand.Dispatch(reference), actor,
                    clock.instant());
            return applyOutcome(locked.entity(), locked.transfer(), locked.itemEntities(), outcome, actor);
        });
    }

    public Writes.Written<Result> cancel(Caller caller, UUID transferId, String ifMatch, String reasons) {
        StateCode actor = CaseWrites.actingState(caller);
        return writes.run(() -> {
            TransferEntity entity = lockTransfer(transferId);
            Transfer transfer = transfer(entity, actor);
            Versions.requireMatch(ifMatch, transfer.version());
            List<TransferEvent> events = transfers.decide(transfer, new TransferCommand.Cancel(reasons), actor, clock.instant());
            return applyOutcome(entity, transfer, Map.of(), new Outcome(events, List.of()), actor);
        });
    }

    /**
     * The providing State erases the personal data of an ended transfer and its items: one unit records the
     * erasure, destroys the transfer's data key, deletes the items' stored content and folds the transfer and
     * every item again, so their stored states read "erased" in place of every personal text.
     */
    public Writes.Written<Result> erasePersonalData(Caller caller, UUID transferId, String ifMatch,
                                                    TransferCommand.ErasePersonalData command) {
        StateCode actor = CaseWrites.actingState(caller);
        return writes.run(() -> erase(lockWithItems(transferId, ifMatch, actor), command, actor));
    }

    /**
     * Transfers under the operator's retention rule (platform RetentionRule): settled where the providing State may
     * erase them; one whose items are still in the receiving State's custody is refused by that erasure and reported.
     */
    @Produces
    @Singleton
    RetentionKind retention() {
        return RetentionKind.of("transfer", "transfer", TransferAction.ERASE_PERSONAL_DATA.allowedFrom(), this::eraseByRetention);
    }

    /** The Exchange erases an ended transfer under its retention rule: the same unit as the providing State's, no acting State. */
    public Writes.Written<Result> eraseByRetention(UUID transferId) {
        return writes.run(() -> {
            TransferEntity entity = lockTransfer(transferId);
            return erase(withItems(entity, read(entity)), new TransferCommand.ErasePersonalData(ErasureReason.RETENTION_PERIOD_ENDED), null);
        });
    }

    private Result erase(Locked locked, TransferCommand.ErasePersonalData command, StateCode actor) {
        TransferEvent.PersonalDataErased erased = (TransferEvent.PersonalDataErased)
                transfers.erase(locked.transfer(), locked.items(), command, actor, clock.instant()).get(0);
        contentStore.erase(erased.contentErasedItemIds());
        EvidenceEventCodec.Erased blanked = codec.erase(erased, List.copyOf(locked.itemEntities().keySet()));
        if (blanked.transfer().version() != locked.transfer().version()) {
            throw new IllegalStateException("transfer " + locked.transfer().id() + " folds to version " + blanked.transfer().version()
                    + ", stored " + locked.transfer().version());
        }
        Transfer next = TransferDecider.evolve(blanked.transfer(), erased);
        write(locked.entity(), next);
        blanked.items().forEach(item -> write(locked.itemEntities().get(item.id()), item));
        append(List.of(codec.toLogEntry(next, erased, actor)));
        return new Result(next, blanked.items());
    }

    public Writes.Written<Result> receipt(Caller caller, UUID itemId, String ifMatch, ItemCommand.RecordReceipt command) {
        StateCode actor = CaseWrites.actingState(caller);
        return writes.run(() -> {
            EvidenceItem item = item(lockItem(itemId), actor);
            Versions.requireMatch(ifMatch, item.version());
            TransferEntity transferEntity = lockTransfer(item.transferId());
            Transfer transfer = transfer(transferEntity, actor);
            Map<UUID, ItemEntity> itemEntities = repository.lockItemsOf(transfer.id());
            List<EvidenceItem> itemStates = itemEntities.values().stream().map(EvidenceService::read).toList();
            Outcome outcome = items.recordReceipt(item, transfer, itemStates, command, actor, clock.instant());
            return applyOutcome(transferEntity, transfer, itemEntities, outcome, actor);
        });
    }

    /** Custody actions on one item (consents, notices, return, disposal), at the version the caller read. */
    public Writes.Written<Result> act(Caller caller, UUID itemId, String ifMatch, ItemCommand command) {
        StateCode actor = CaseWrites.actingState(caller);
        return writes.run(() -> actOnItem(itemId, ifMatch, command, actor));
    }

    /** Records the access (a custody event) before any byte leaves; refused without a needed consent. */
    public EvidenceItem access(Caller caller, UUID itemId, UsePurpose purpose, UUID consentId) {
        StateCode actor = CaseWrites.actingState(caller);
        return writes.run(() -> actOnItem(itemId, null, new ItemCommand.Access(caller.subject(), purpose, consentId), actor))
                .value().items().get(0);
    }

    /** The providing State decides on a use consent, at the version of the item it read. */
    public Writes.Written<Result> decideConsent(Caller caller, UUID consentId, String ifMatch, ItemCommand.DecideUseConsent command) {
        StateCode actor = CaseWrites.actingState(caller);
        return writes.run(() -> {
            UseConsentEntity consent = repository.useConsent(consentId)
                    .orElseThrow(() -> ProblemException.notFound("Use consent " + consentId));
            try {
                return actOnItem(consent.itemId, ifMatch, command, actor);
            } catch (ProblemException e) {
                if (e.problem().status() == 404) {
                    throw ProblemException.notFound("Use consent " + consentId);
                }
                throw e;
            }
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Transfer transfer(Caller caller, UUID transferId) {
        Transfer transfer = repository.transfer(transferId).map(EvidenceService::read).orElse(null);
        if (transfer == null || !caller.maySee(List.of(transfer.providingState(), transfer.receivingState()))) {
            throw ProblemException.notFound("Transfer " + transferId);
        }
        return transfer;
    }

    /** The transfers of a request the caller's State is party to; none for another State (nothing says they exist). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Transfer> transfersOf(Caller caller, UUID requestId) {
        return repository.transfersOf(requestId, caller.oversight() ? null : caller.actingState().value()).stream()
                .map(EvidenceService::read).filter(t -> caller.maySee(List.of(t.providingState(), t.receivingState()))).toList();
    }

    /** Whether the personal data of the transfer (and so of its items) was erased. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean erased(UUID transferId) {
        return repository.transfer(transferId).map(t -> read(t).erasure() != null).orElse(false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EvidenceItem> itemsOf(Caller caller, UUID transferId) {
        transfer(caller, transferId);
        return repository.itemsOf(transferId).stream().map(EvidenceService::read).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EvidenceItem item(Caller caller, UUID itemId) {
        EvidenceItem item = repository.item(itemId).map(EvidenceService::read).orElse(null);
        if (item == null || !caller.maySee(List.of(item.providingState(), item.receivingState()))) {
            throw ProblemException.notFound("Item " + itemId);
        }
        return item;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CloudEvent> custody(Caller caller, UUID itemId) {
        EvidenceItem item = item(caller, itemId);
        return EvidenceDisclosure.custodyFor(caller, item, codec.custody(item));
    }

    private Result actOnItem(UUID itemId, String ifMatch, ItemCommand command, StateCode actor) {
        ItemEntity entity = lockItem(itemId);
        EvidenceItem item = item(entity, actor);
        if (ifMatch != null || !(command instanceof ItemCommand.Access)) {
            Versions.requireMatch(ifMatch, item.version());
        }
        if (erased(item.transferId())) {
            // anything new would record personal data nobody could read, about content that is gone
            throw new DomainException.TransitionForbidden(item.status(), command.action(),
                    "the personal data of the item's transfer was erased; it takes no more actions");
        }
        List<ItemEvent> events = items.decide(item, command, actor, clock.instant());
        for (ItemEvent event : events) {
            if (event instanceof ItemEvent.UseConsentRequested requested) {
                UseConsentEntity consent = new UseConsentEntity();
                consent.id = requested.consentId();
                consent.itemId = itemId;
                repository.persist(consent);
            }
        }
        return applyItemEvents(Map.of(itemId, entity), events, actor, null);
    }

    private Result applyOutcome(TransferEntity transferEntity, Transfer transfer, Map<UUID, ItemEntity> itemEntities,
                                Outcome outcome, StateCode actor) {
        List<NewEvent> entries = new ArrayList<>();
        Transfer next = transfer;
        for (TransferEvent event : outcome.transferEvents()) {
            next = TransferDecider.evolve(next, event);
            entries.add(codec.toLogEntry(next, event, actor));
        }
        if (!outcome.transferEvents().isEmpty()) {
            write(transferEntity, next);
        }
        append(entries);
        return applyItemEvents(itemEntities, outcome.itemEvents(), actor, next);
    }

    private Result applyItemEvents(Map<UUID, ItemEntity> entities, List<ItemEvent> events, StateCode actor, Transfer transfer) {
        Map<UUID, EvidenceItem> states = new LinkedHashMap<>();
        List<NewEvent> entries = new ArrayList<>();
        for (ItemEvent event : events) {
            EvidenceItem current = states.computeIfAbsent(event.itemId(), id -> read(entities.get(id)));
            EvidenceItem next = ItemDecider.evolve(current, event);
            states.put(event.itemId(), next);
            entries.add(codec.toLogEntry(next, event, actor));
        }
        states.forEach((id, state) -> write(entities.get(id), state));
        append(entries);
        return new Result(transfer, List.copyOf(states.values()));
    }

    private void append(List<NewEvent> entries) {
        if (!entries.isEmpty()) {
            eventLog.append(entries);
        }
    }

    private List<NewEvent> transferEntries(Transfer transfer, List<TransferEvent> events, StateCode actor) {
        return events.stream().map(e -> codec.toLogEntry(transfer, e, actor)).toList();
    }

    private List<NewEvent> itemEntries(EvidenceItem item, List<ItemEvent> events, StateCode actor) {
        return events.stream().map(e -> codec.toLogEntry(item, e, actor)).toList();
    }


    private static ProblemException tooLarge() {
        return new ProblemException(Problem.of(413, "content-too-large", "Content too large",
                "Evidence content is limited by mla.evidence.max-content-bytes; nothing was stored", null));
    }

    /** A transfer at the version its caller read, and its items, locked for a change that decides on all of them. */
    private record Locked(TransferEntity entity, Transfer transfer, Map<UUID, ItemEntity> itemEntities, List<EvidenceItem> items) {
    }

    private Locked lockWithItems(UUID transferId, String ifMatch, StateCode actor) {
        TransferEntity entity = lockTransfer(transferId);
        Transfer transfer = transfer(entity, actor);
        Versions.requireMatch(ifMatch, transfer.version());
        return withItems(entity, transfer);
    }

    private Locked withItems(TransferEntity entity, Transfer transfer) {
        Map<UUID, ItemEntity> itemEntities = repository.lockItemsOf(transfer.id());
        return new Locked(entity, transfer, itemEntities, itemEntities.values().stream().map(EvidenceService::read).toList());
    }

    private TransferEntity lockTransfer(UUID id) {
        return repository.lockTransfer(id).orElseThrow(() -> ProblemException.notFound("Transfer " + id));
    }

    private ItemEntity lockItem(UUID id) {
        return repository.lockItem(id).orElseThrow(() -> ProblemException.notFound("Item " + id));
    }

    /** A transfer its caller may see; anyone else is told it does not exist. */
    private static Transfer transfer(TransferEntity entity, StateCode actor) {
        Transfer transfer = entity == null ? null : read(entity);
        if (transfer == null || !transfer.isParty(actor)) {
            throw ProblemException.notFound("Transfer " + (entity == null ? "" : entity.id));
        }
        return transfer;
    }

    private static EvidenceItem item(ItemEntity entity, StateCode actor) {
        EvidenceItem item = read(entity);
        if (!item.isParty(actor)) {
            throw ProblemException.notFound("Item " + entity.id);
        }
        return item;
    }

    static Transfer read(TransferEntity entity) {
        return JsonState.read(entity.state, Transfer.class);
    }

    static EvidenceItem read(ItemEntity entity) {
        return JsonState.read(entity.state, EvidenceItem.class);
    }

    static void write(TransferEntity entity, Transfer transfer) {
        entity.id = transfer.id();
        entity.requestId = transfer.requestId();
        entity.providingState = transfer.providingState().value();
        entity.receivingState = transfer.receivingState().value();
        entity.status = transfer.status().name();
        entity.version = transfer.version();
        entity.state = JsonState.write(transfer);
    }

    static void write(ItemEntity entity, EvidenceItem item) {
        entity.id = item.id();
        entity.transferId = item.transferId();
        entity.providingState = item.providingState().value();
        entity.receivingState = item.receivingState().value();
        entity.status = item.status().name();
        entity.version = item.version();
        entity.state = JsonState.write(item);
    }
}
