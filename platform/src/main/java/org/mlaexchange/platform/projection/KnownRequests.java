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
import org.mlaexchange.platform.inbox.Inbox;

/**
 * The MLA requests this service knows of: a local projection folded from {@code mla.request.events}
 * (never a synchronous call to request-service). Each event is applied once, with its inbox entry in
 * the same transaction.
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
        List<?> rows = entityManager.createNativeQuery("SELECT facts FROM known_request WHERE request_id = ?1")
                .setParameter(1, requestId)
                .getResultList();
        return rows.stream().findFirst().map(row -> read(row.toString()));
    }

    /** Applies one published request event; a redelivered or out-of-order (already folded) event changes nothing. */
    @Transactional
    public boolean apply(CloudEvent event) {
        if (!RequestEventTypes.all().contains(event.type())) {
            return false; // a type this version does not know: additive contracts let it pass
        }
        if (!inbox.firstDelivery(CONSUMER, UUID.fromString(event.id()))) {
            return false;
        }
        RequestEvent payload = EventJson.fromData(event.data(), RequestEventTypes.classOf(event.type()));
        RequestFacts current = find(payload.requestId()).orElse(null);
        int known = current == null ? 0 : current.version();
        if (event.caseseq() != known + 1) {
            if (event.caseseq() <= known) {
                return false;
            }
            throw new IllegalStateException("request " + payload.requestId() + ": event caseseq " + event.caseseq()
                    + " arrived before " + (known + 1));
        }
        RequestFacts next = RequestFacts.apply(current, payload);
        entityManager.createNativeQuery("""
                        INSERT INTO known_request (request_id, version, facts) VALUES (?1, ?2, cast(?3 AS jsonb))
                        ON CONFLICT (request_id) DO UPDATE SET version = excluded.version, facts = excluded.facts""")
                .setParameter(1, next.requestId())
                .setParameter(2, next.version())
                .setParameter(3, write(next))
                .executeUpdate();
        return true;
    }

    /** The whole projection, for comparing it with a rebuild from the topic. */
    @Transactional
    public Map<UUID, RequestFacts> all() {
        Map<UUID, RequestFacts> result = new HashMap<>();
        for (Object row : entityManager.createNativeQuery("SELECT facts FROM known_request").getResultList()) {
            RequestFacts facts = read(row.toString());
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

    private static RequestFacts read(String json) {
        try {
            return EventJson.mapper().readValue(json, RequestFacts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable request facts", e);
        }
    }

    private static String write(RequestFacts facts) {
        try {
            return EventJson.mapper().writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
