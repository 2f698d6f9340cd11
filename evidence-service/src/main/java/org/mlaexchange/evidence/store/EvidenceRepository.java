package org.mlaexchange.evidence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Transfers, items and use consents as stored; a change locks the rows it decides on. */
@ApplicationScoped
public class EvidenceRepository {

    public Optional<TransferEntity> transfer(UUID id) {
        return TransferEntity.findByIdOptional(id);
    }

    public Optional<ItemEntity> item(UUID id) {
        return ItemEntity.findByIdOptional(id);
    }

    /** The transfer, locked for the rest of the transaction so that two changes cannot interleave. */
    public Optional<TransferEntity> lockTransfer(UUID id) {
        return TransferEntity.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<ItemEntity> lockItem(UUID id) {
        return ItemEntity.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The transfer's items, locked, in id order (one order for every writer: no deadlock between two). */
    public Map<UUID, ItemEntity> lockItemsOf(UUID transferId) {
        Map<UUID, ItemEntity> result = new LinkedHashMap<>();
        ItemEntity.<ItemEntity>find("transferId = ?1 order by id", transferId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list().forEach(e -> result.put(e.id, e));
        return result;
    }

    public java.util.List<ItemEntity> itemsOf(UUID transferId) {
        return ItemEntity.list("transferId = ?1 order by id", transferId);
    }

    /** The transfers of a request that {@code state} is party to (null: the oversight body, every one), oldest first. */
    public java.util.List<TransferEntity> transfersOf(UUID requestId, String state) {
        return state == null ? TransferEntity.list("requestId = ?1 order by listSeq", requestId)
                : TransferEntity.list("requestId = ?1 and (providingState = ?2 or receivingState = ?2) order by listSeq", requestId, state);
    }

    public Optional<UseConsentEntity> useConsent(UUID id) {
        return UseConsentEntity.findByIdOptional(id);
    }

    public void persist(Object entity) {
        TransferEntity.getEntityManager().persist(entity);
    }
}
