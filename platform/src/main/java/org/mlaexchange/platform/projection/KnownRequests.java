package org.mlaexchange.platform.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.request.RequestEventTypes;
import org.mlaexchange.contracts.request.RequestFacts;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent;
import org.mlaexchange.contracts.request.SpontaneousInformationEventTypes;
import org.mlaexchange.contracts.request.SpontaneousInformationFacts;
import org.mlaexchange.platform.inbox.Inbox;

/**
 * The MLA requests and the spontaneous information this service knows of: local projections folded from
 * {@code mla.request.events} (never a synchronous call to request-service). Each event is applied once, with
 * its inbox entry in the same transaction.
 */
@ApplicationScoped
public class KnownRequests {

    static final String CONSUMER = "request-projection";

    private final EntityManager entityManager;
    private final Inbox inbox;

    public KnownRequests(EntityManager entityManager, Inbox inbox) {
        this.entityManager = entityManager;
        this.inbox = inbox;
    }

    @Transactional
    public Optional<RequestFacts> find(UUID requestId) {
        return findFacts("known_request", "request_id", requestId, RequestFacts.class);
    }

    /** Spontaneous information this service knows of (of any State: callers check {@code isParty}). */
    @Transactional
    public Optional<SpontaneousInformationFacts> findSpontaneous(UUID informationId) {
        return findFacts("known_spontaneous_information", "information_id", informationId, SpontaneousInformationFacts.class);
    }

    private <T> Optional<T> findFacts(String table, String idColumn, UUID id, Class<T> type) {
        List<?> rows = entityManager.createNativeQuery("SELECT facts FROM " + table + " WHERE " + idColumn + " = ?1")
                .setParameter(1, id)
                .getResultList();
        return rows.stream().findFirst().map(row -> read(row.toString(), type));
    }

    /**
     * Stores the facts of a case's first event; false (nothing changed) when the case is known already, as for an
     * event folded before. The first event needs no look-up: a case has no facts before it.
     */
    private boolean storeFirst(String table, String idColumn, UUID id, int version, Object facts) {
        return upsert(table, idColumn, id, version, facts, "DO NOTHING") == 1;
    }

    /** Stores a case's facts after one more event: the row is created by the first event of the case. */
    private void store(String table, String idColumn, UUID id, int version, Object facts) {
        upsert(table, idColumn, id, version, facts, "DO UPDATE SET version = excluded.version, facts = excluded.facts");
    }

    private int upsert(String table, String idColumn, UUID id, int version, Object facts, String onConflict) {
        return entityManager.createNativeQuery("INSERT INTO " + table + " (" + idColumn + ", version, facts) VALUES (?1, ?2, cast(?3 AS jsonb))"
                        + " ON CONFLICT (" + idColumn + ") " + onConflict)
                .setParameter(1, id)
                .setParameter(2, version)
                .setParameter(3, write(facts))
                .executeUpdate();
    }

    /**
     * Applies one published request or spontaneous information event; a redelivered or out-of-order (already
     * folded) event changes nothing.
     */
    @Transactional
    public boolean apply(CloudEvent event) {
        boolean request = RequestEventTypes.all().contains(event.type());
        if (!request && !SpontaneousInformationEventTypes.all().contains(event.type())) {
            return false; // a type this version does not know: additive contracts let it pass
        }
        if (!inbox.firstDelivery(CONSUMER, UUID.fromString(event.id()))) {
            return false;
        }
        return request ? applyRequest(event) : applySpontaneous(event);
    }

    private boolean applySpontaneous(CloudEvent event) {
        SpontaneousInformationEvent payload = EventJson.fromData(event.data(), SpontaneousInformationEventTypes.classOf(event.type()));
        if (event.caseseq() == 1) {
            SpontaneousInformationFacts first = SpontaneousInformationFacts.apply(null, payload);
            return storeFirst("known_spontaneous_information", "information_id", first.informationId(), first.version(), first);
        }
        SpontaneousInformationFacts current = findSpontaneous(payload.informationId()).orElse(null);
        if (!inOrder(event, current == null ? 0 : current.version(), "spontaneous information " + payload.informationId())) {
            return false;
        }
        SpontaneousInformationFacts next = SpontaneousInformationFacts.apply(current, payload);
        store("known_spontaneous_information", "information_id", next.informationId(), next.version(), next);
        return true;
    }

    /** Whether the event is the next of its case; false for one already folded, an error for one that skips ahead. */
    private static boolean inOrder(CloudEvent event, int known, String what) {
        if (event.caseseq() == known + 1) {
            return true;
        }
        if (event.caseseq() <= known) {
            return false;
        }
        throw new IllegalStateException(what + ": event caseseq " + event.caseseq() + " arrived before " + (known + 1));
    }

    private boolean applyRequest(CloudEvent event) {
        RequestEvent payload = EventJson.fromData(event.data(), RequestEventTypes.classOf(event.type()));
        if (event.caseseq() == 1) {
            RequestFacts first = RequestFacts.apply(null, payload);
            return storeFirst("known_request", "request_id", first.requestId(), first.version(), first);
        }
        RequestFacts current = find(payload.requestId()).orElse(null);
        if (!inOrder(event, current == null ? 0 : current.version(), "request " + payload.requestId())) {
            return false;
        }
        RequestFacts next = RequestFacts.apply(current, payload);
        store("known_request", "request_id", next.requestId(), next.version(), next);
        return true;
    }

    /** The whole projection, for comparing it with a rebuild from the topic. */
    @Transactional
    public Map<UUID, RequestFacts> all() {
        Map<UUID, RequestFacts> result = new HashMap<>();
        for (Object row : entityManager.createNativeQuery("SELECT facts FROM known_request").getResultList()) {
            RequestFacts facts = read(row.toString(), RequestFacts.class);
            result.put(facts.requestId(), facts);
        }
        return result;
    }

    /** Folds request events read from the topic into facts, without touching the database. */
    public static Map<UUID, RequestFacts> fold(Iterable<CloudEvent> events) {
        Map<UUID, RequestFacts> result = new HashMap<>();
        for (CloudEvent event : events) {
            if (RequestEventTypes.all().contains(event.type())) {
                RequestEvent payload = EventJson.fromData(event.data(), RequestEventTypes.classOf(event.type()));
                RequestFacts current = result.get(payload.requestId());
                if (current == null ? event.caseseq() == 1 : event.caseseq() == current.version() + 1) {
                    result.put(payload.requestId(), RequestFacts.apply(current, payload));
                }
            }
        }
        return result;
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + type.getSimpleName(), e);
        }
    }

    private static String write(Object facts) {
        try {
            return EventJson.mapper().writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
