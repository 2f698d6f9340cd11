package org.mlaexchange.extradition.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.evidence.EvidenceEventTypes;
import org.mlaexchange.contracts.evidence.ItemEvent;
import org.mlaexchange.platform.inbox.Inbox;

/**
 * The evidence items this service knows of, so that supporting documents can refer to them: a local
 * projection of {@code item.registered} events from {@code mla.evidence.events} (never a call to
 * evidence-service). Each event is applied once, its inbox entry in the same transaction.
 */
@ApplicationScoped
public class KnownEvidenceItems {

    static final String CONSUMER = "evidence-item-projection";

    private final EntityManager entityManager;
    private final Inbox inbox;

    public KnownEvidenceItems(EntityManager entityManager, Inbox inbox) {
        this.entityManager = entityManager;
        this.inbox = inbox;
    }

    /** An item and the two States of the transfer it was handed over in. */
    public record KnownItem(UUID itemId, UUID transferId, UUID requestId, StateCode providingState, StateCode receivingState) {

        public boolean isParty(StateCode state) {
            return providingState.equals(state) || receivingState.equals(state);
        }
    }

    @Transactional
    public Optional<KnownItem> find(UUID itemId) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT item_id, transfer_id, request_id, providing_state, receiving_state
                        FROM known_evidence_item WHERE item_id = ?1""")
                .setParameter(1, itemId)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] c = (Object[]) row;
            return new KnownItem((UUID) c[0], (UUID) c[1], (UUID) c[2], StateCode.of((String) c[3]), StateCode.of((String) c[4]));
        });
    }

    /** Applies one published evidence event; only registrations matter, and a redelivery changes nothing. */
    @Transactional
    public boolean apply(CloudEvent event) {
        if (!EvidenceEventTypes.ITEM_REGISTERED.equals(event.type())) {
            return false;
        }
        if (!inbox.firstDelivery(CONSUMER, UUID.fromString(event.id()))) {
            return false;
        }
        ItemEvent.Registered registered = EventJson.fromData(event.data(), ItemEvent.Registered.class);
        return entityManager.createNativeQuery("""
                        INSERT INTO known_evidence_item (item_id, transfer_id, request_id, providing_state, receiving_state)
                        VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (item_id) DO NOTHING""")
                .setParameter(1, registered.itemId())
                .setParameter(2, registered.transferId())
                .setParameter(3, registered.requestId())
                .setParameter(4, registered.providingState().value())
                .setParameter(5, registered.receivingState().value())
                .executeUpdate() == 1;
    }
}
