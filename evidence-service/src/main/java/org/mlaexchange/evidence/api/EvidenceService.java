package org.mlaexchange.evidence.api;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
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
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.evidence.ItemEvent;
import org.mlaexchange.contracts.evidence.ItemMetadata;
import org.mlaexchange.contracts.evidence.TransferEvent;
import org.mlaexchange.contracts.evidence.UsePurpose;
import org.mlaexchange.contracts.request.RequestFacts;
import org.mlaexchange.evidence.EvidenceConfig;
import org.mlaexchange.evidence.domain.EvidenceItem;
import org.mlaexchange.evidence.domain.ItemCommand;
import org.mlaexchange.evidence.domain.ItemDecider;
import org.mlaexchange.evidence.domain.Outcome;
import org.mlaexchange.evidence.domain.Transfer;
import org.mlaexchange.evidence.domain.TransferCommand;
import org.mlaexchange.evidence.domain.TransferDecider;
import org.mlaexchange.evidence.events.EvidenceEventCodec;
import org.mlaexchange.evidence.store.ContentStore;
import org.mlaexchange.evidence.store.ItemEntity;
import org.mlaexchange.evidence.store.TransferEntity;
import org.mlaexchange.evidence.store.UseConsentEntity;
import org.mlaexchange.platform.eventlog.EventLog;
import org.mlaexchange.platform.eventlog.NewEvent;
import org.mlaexchange.platform.eventlog.Receipt;
import org.mlaexchange.platform.http.Versions;
import org.mlaexchange.platform.identity.Caller;
import org.mlaexchange.platform.problem.Problem;
import org.mlaexchange.platform.problem.ProblemException;
import org.mlaexchange.platform.projection.KnownRequests;
import org.mlaexchange.platform.store.JsonState;

/**
 * Carries out each evidence action in one transaction: decide, store the new states and append the
 * events (transfer and items are cases of their own). On any error nothing is kept, content included.
 */
@ApplicationScoped
public class EvidenceService {

    private final TransferDecider transfers = new TransferDecider();
    private final ItemDecider items = new ItemDecider(UUID::randomUUID);
    private final KnownRequests knownRequests;
    private final ContentStore contentStore;
    private final EventLog eventLog;
    private final EvidenceEventCodec codec;
    private final Clock clock;
    private final long maxContentBytes;

    public EvidenceService(KnownRequests knownRequests, ContentStore contentStore, EventLog eventLog, EvidenceEventCodec codec,
                           Clock clock, EvidenceConfig config) {
        this.knownRequests = knownRequests;
        this.contentStore = contentStore;
        this.eventLog = eventLog;
        this.codec = codec;
        this.clock = clock;
        this.maxContentBytes = config.maxContentBytes();
    }

    /** States after a change and the receipts of the events that recorded it. */
    public record Changed(Transfer transfer, List<EvidenceItem> items, List<Receipt> receipts) {
    }

    @Transactional
    public Changed open(Caller caller, UUID requestId, String note) {
        StateCode actor = caller.actingState();
        RequestFacts request = knownRequests.find(requestId).filter(r -> r.isParty(actor))
                .orElseThrow(() -> ProblemException.notFound("Request " + requestId));
        List<TransferEvent> events = transfers.open(request, new TransferCommand.Open(UUID.randomUUID(), note), actor, clock.instant());
        Transfer transfer = TransferDecider.fold(events);
        TransferEntity entity = new TransferEntity();
        write(entity, transfer);
        entity.persist();
        return new Changed(transfer, List.of(), append(transferEntries(transfer, events, actor)));
    }

    @Transactional
    public Changed register(Caller caller, UUID transferId, ItemMetadata metadata) {
        StateCode actor = caller.actingState();
        Transfer transfer = transfer(lockTransfer(transferId), actor);
        List<ItemEvent> events = items.register(transfer, new ItemCommand.Register(UUID.randomUUID(), metadata), actor, clock.instant());
        EvidenceItem item = ItemDecider.fold(events);
        ItemEntity entity = new ItemEntity();
        write(entity, item);
        entity.persist();
        return new Changed(transfer, List.of(item), append(itemEntries(item, events, actor)));
    }

    /** Streams the content in, checks its digest against {@code Content-Digest}, then records it. */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public Changed storeContent(Caller caller, UUID itemId, InputStream content, byte[] expectedDigest, Long contentLength,
                                String mediaType) {
        StateCode actor = caller.actingState();
        ItemEntity entity = lockItem(itemId);
        EvidenceItem item = item(entity, actor);
        if (!item.providingState().equals(actor)) {
            // refused before reading a byte: only the providing State uploads
            throw ProblemException.forbidden("wrong-party", "Only the providing State (" + item.providingState() + ") stores content");
        }
        if (contentLength != null && contentLength > maxContentBytes) {
            throw tooLarge();
        }
        Transfer transfer = transfer(TransferEntity.findById(item.transferId()), actor);
        ContentStore.Stored stored;
        try {
            stored = contentStore.write(itemId, content, maxContentBytes);
        } catch (ContentStore.TooLarge e) {
            throw tooLarge();
        } catch (java.io.UncheckedIOException e) {
            throw ProblemException.badRequest("upload-interrupted", "The body ended before it was complete; nothing was stored", null);
        }
        if (contentLength != null && stored.size() != contentLength) {
            throw ProblemException.badRequest("truncated-content", "The body ended after " + stored.size()
                    + " bytes but Content-Length announced " + contentLength + "; nothing was stored", null);
        }
        if (!MessageDigest.isEqual(stored.digest(), expectedDigest)) {
            throw new ProblemException(Problem.of(422, "digest-mismatch", "Content does not match its digest",
                    "The SHA-256 of what arrived (" + stored.sha256() + ") differs from Content-Digest; nothing was stored",
                    List.of(new Problem.FieldError("Content-Digest", "does not match the content received"))));
        }
        List<ItemEvent> events = items.storeContent(item, transfer,
                new ItemCommand.StoreContent(stored.sha256(), stored.size(), mediaType), actor, clock.instant());
        return applyItemEvents(Map.of(itemId, entity), events, actor, transfer);
    }

    @Transactional
    public Changed dispatch(Caller caller, UUID transferId, String ifMatch, String reference) {
        StateCode actor = caller.actingState();
        TransferEntity entity = lockTransfer(transferId);
        Transfer transfer = transfer(entity, actor);
        checkVersion(ifMatch, transfer.version());
        Map<UUID, ItemEntity> itemEntities = lockItemsOf(transferId);
        List<EvidenceItem> itemStates = itemEntities.values().stream().map(EvidenceService::read).toList();
        Outcome outcome = transfers.dispatch(transfer, itemStates, new TransferCommand.Dispatch(reference), actor, clock.instant());
        return applyOutcome(entity, transfer, itemEntities, outcome, actor);
    }

    @Transactional
    public Changed cancel(Caller caller, UUID transferId, String ifMatch, String reasons) {
        StateCode actor = caller.actingState();
        TransferEntity entity = lockTransfer(transferId);
        Transfer transfer = transfer(entity, actor);
        checkVersion(ifMatch, transfer.version());
        List<TransferEvent> events = transfers.decide(transfer, new TransferCommand.Cancel(reasons), actor, clock.instant());
        return applyOutcome(entity, transfer, Map.of(), new Outcome(events, List.of()), actor);
    }

    @Transactional
    public Changed receipt(Caller caller, UUID itemId, ItemCommand.RecordReceipt command) {
        StateCode actor = caller.actingState();
        EvidenceItem item = item(lockItem(itemId), actor);
        TransferEntity transferEntity = lockTransfer(item.transferId());
        Transfer transfer = transfer(transferEntity, actor);
        Map<UUID, ItemEntity> itemEntities = lockItemsOf(transfer.id());
        List<EvidenceItem> itemStates = itemEntities.values().stream().map(EvidenceService::read).toList();
        Outcome outcome = items.recordReceipt(item, transfer, itemStates, command, actor, clock.instant());
        return applyOutcome(transferEntity, transfer, itemEntities, outcome, actor);
    }

    /** Custody actions on one item (access, consents, notices, return, disposal). */
    @Transactional
    public Changed act(Caller caller, UUID itemId, ItemCommand command) {
        StateCode actor = caller.actingState();
        ItemEntity entity = lockItem(itemId);
        EvidenceItem item = item(entity, actor);
        List<ItemEvent> events = items.decide(item, command, actor, clock.instant());
        for (ItemEvent event : events) {
            if (event instanceof ItemEvent.UseConsentRequested requested) {
                UseConsentEntity consent = new UseConsentEntity();
                consent.id = requested.consentId();
                consent.itemId = itemId;
                consent.persist();
            }
        }
        return applyItemEvents(Map.of(itemId, entity), events, actor, null);
    }

    /** Records the access (a custody event) before any byte leaves; refused without a needed consent. */
    @Transactional
    public EvidenceItem access(Caller caller, UUID itemId, UsePurpose purpose, UUID consentId) {
        return act(caller, itemId, new ItemCommand.Access(caller.subject(), purpose, consentId)).items().get(0);
    }

    @Transactional
    public Changed decideConsent(Caller caller, UUID consentId, ItemCommand.DecideUseConsent command) {
        UseConsentEntity consent = UseConsentEntity.findById(consentId);
        if (consent == null) {
            throw ProblemException.notFound("Use consent " + consentId);
        }
        try {
            return act(caller, consent.itemId, command);
        } catch (ProblemException e) {
            if (e.problem().status() == 404) {
                throw ProblemException.notFound("Use consent " + consentId);
            }
            throw e;
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Transfer transfer(Caller caller, UUID transferId) {
        TransferEntity entity = TransferEntity.findById(transferId);
        Transfer transfer = entity == null ? null : read(entity);
        if (transfer == null || !caller.maySee(List.of(transfer.providingState(), transfer.receivingState()))) {
            throw ProblemException.notFound("Transfer " + transferId);
        }
        return transfer;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EvidenceItem> itemsOf(Caller caller, UUID transferId) {
        transfer(caller, transferId);
        return ItemEntity.<ItemEntity>list("transferId", transferId).stream().map(EvidenceService::read).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EvidenceItem item(Caller caller, UUID itemId) {
        ItemEntity entity = ItemEntity.findById(itemId);
        EvidenceItem item = entity == null ? null : read(entity);
        if (item == null || !caller.maySee(List.of(item.providingState(), item.receivingState()))) {
            throw ProblemException.notFound("Item " + itemId);
        }
        return item;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CloudEvent> custody(Caller caller, UUID itemId) {
        item(caller, itemId);
        return eventLog.caseEvents(itemId.toString(), null);
    }

    private Changed applyOutcome(TransferEntity transferEntity, Transfer transfer, Map<UUID, ItemEntity> itemEntities,
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
        Changed items = applyItemEvents(itemEntities, outcome.itemEvents(), actor, next);
        List<Receipt> receipts = new ArrayList<>(append(entries));
        receipts.addAll(items.receipts());
        return new Changed(next, items.items(), receipts);
    }

    private Changed applyItemEvents(Map<UUID, ItemEntity> entities, List<ItemEvent> events, StateCode actor, Transfer transfer) {
        Map<UUID, EvidenceItem> states = new LinkedHashMap<>();
        List<NewEvent> entries = new ArrayList<>();
        for (ItemEvent event : events) {
            EvidenceItem current = states.computeIfAbsent(event.itemId(), id -> read(entities.get(id)));
            EvidenceItem next = ItemDecider.evolve(current, event);
            states.put(event.itemId(), next);
            entries.add(codec.toLogEntry(next, event, actor));
        }
        states.forEach((id, state) -> write(entities.get(id), state));
        return new Changed(transfer, List.copyOf(states.values()), append(entries));
    }

    private List<Receipt> append(List<NewEvent> entries) {
        return entries.isEmpty() ? List.of() : eventLog.append(entries);
    }

    private List<NewEvent> transferEntries(Transfer transfer, List<TransferEvent> events, StateCode actor) {
        return events.stream().map(e -> codec.toLogEntry(transfer, e, actor)).toList();
    }

    private List<NewEvent> itemEntries(EvidenceItem item, List<ItemEvent> events, StateCode actor) {
        return events.stream().map(e -> codec.toLogEntry(item, e, actor)).toList();
    }


    private static void checkVersion(String ifMatch, int version) {
        if (ifMatch != null) {
            Versions.requireMatch(ifMatch, version);
        }
    }

    private static ProblemException tooLarge() {
        return new ProblemException(Problem.of(413, "content-too-large", "Content too large",
                "Evidence content is limited by mla.evidence.max-content-bytes; nothing was stored", null));
    }

    private static TransferEntity lockTransfer(UUID id) {
        TransferEntity entity = TransferEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (entity == null) {
            throw ProblemException.notFound("Transfer " + id);
        }
        return entity;
    }

    private static ItemEntity lockItem(UUID id) {
        ItemEntity entity = ItemEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (entity == null) {
            throw ProblemException.notFound("Item " + id);
        }
        return entity;
    }

    private static Map<UUID, ItemEntity> lockItemsOf(UUID transferId) {
        Map<UUID, ItemEntity> result = new LinkedHashMap<>();
        ItemEntity.<ItemEntity>find("transferId = ?1 order by id", transferId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list().forEach(e -> result.put(e.id, e));
        return result;
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
