package org.mlaexchange.evidence.security;

import static org.mlaexchange.platform.disclosure.DisclosurePolicy.withhold;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.evidence.ItemMetadata;
import org.mlaexchange.evidence.domain.EvidenceItem;
import org.mlaexchange.platform.disclosure.Audience;
import org.mlaexchange.platform.disclosure.DisclosurePolicy;
import org.mlaexchange.platform.identity.Caller;

/**
 * What each caller sees of an evidence item it may see, under the Exchange's {@link DisclosurePolicy}
 * (domain.md §6, Arts 81–83). The two parties (providing and receiving State, central authorities and
 * auditors) see everything. When an item names protected persons or is handed over on the condition of
 * confidentiality, the oversight body sees its structure but not its facts: the description and how,
 * where and by whom it was obtained are withheld, protected persons appear as "Protected person n" and
 * the confidentiality reasons are withheld; kind, dates, legal basis, media type, size, digests, seal,
 * status, conditions' structure and the chain of custody stay. Content is served to central authorities
 * only ({@code GET /api/items/{id}/content}): auditors, the oversight body's included, get 403.
 */
public final class EvidenceDisclosure {

    private EvidenceDisclosure() {
    }

    public static Audience audience(Caller caller, EvidenceItem item) {
        return Audience.of(caller, caller.state() != null
                && (caller.state().equals(item.providingState()) || caller.state().equals(item.receivingState())));
    }

    /** The item as the caller sees it. */
    public static EvidenceItem itemFor(Caller caller, EvidenceItem item) {
        Audience audience = audience(caller, item);
        if (!withholdsFrom(audience, item.metadata())) {
            return item;
        }
        JsonNode metadata = EventJson.mapper().valueToTree(item.metadata());
        redactMetadata(audience, metadata);
        try {
            return item.withMetadata(EventJson.mapper().treeToValue(metadata, ItemMetadata.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("redacted metadata no longer reads as metadata", e);
        }
    }

    /** The item's chain of custody as the caller sees it (changed events no longer match their hash: verify with the audit API). */
    public static List<CloudEvent> custodyFor(Caller caller, EvidenceItem item, List<CloudEvent> events) {
        Audience audience = audience(caller, item);
        if (!withholdsFrom(audience, item.metadata())) {
            return events;
        }
        return DisclosurePolicy.history(events, e -> {
            if (!e.data().has("metadata")) {
                return null;
            }
            JsonNode data = e.data().deepCopy();
            return redactMetadata(audience, data.path("metadata")) == null ? null : data;
        });
    }

    private static boolean withholdsFrom(Audience audience, ItemMetadata metadata) {
        return !audience.seesConfidentialFacts() && (metadata.namesProtectedPersons() || metadata.conditions().confidential());
    }

    /**
     * Redacts an item's metadata (JSON, in place) for the audience.
     *
     * @return the mark of what was withheld, or {@code null}
     */
    static String redactMetadata(Audience audience, JsonNode metadata) {
        if (!(metadata instanceof ObjectNode m)) {
            return null;
        }
        boolean namesProtected = !m.path("protectedPersons").isEmpty();
        boolean confidential = m.path("conditions").path("confidential").asBoolean();
        if ((!namesProtected || audience.seesProtectedIdentity()) && (!confidential || audience.seesConfidentialFacts())) {
            return null;
        }
        withhold(m, "description");
        withhold(m.path("provenance"), "method", "place", "obtainedBy");
        withhold(m.path("conditions"), "confidentialityReasons");
        if (namesProtected) {
            ArrayNode labels = m.arrayNode();
            for (int i = 1; i <= m.path("protectedPersons").size(); i++) {
                labels.add(DisclosurePolicy.protectedLabel(i));
            }
            m.set("protectedPersons", labels);
            return DisclosurePolicy.PROTECTED_PERSON;
        }
        return DisclosurePolicy.CONFIDENTIAL;
    }
}
