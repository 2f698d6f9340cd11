package org.mlaexchange.platform.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.mlaexchange.contracts.events.CloudEvent;

/**
 * The one disclosure policy of the Exchange: what each {@link Audience} sees of a protected person,
 * of a confidential case, and how lists, case views, histories, as-of views and the audit replay show
 * what is withheld. Services say where their data sit; the words and marks are the same everywhere.
 */
public final class DisclosurePolicy {

    /** The mark on a replayed event that withheld a protected person's identity. */
    public static final String PROTECTED_PERSON = "protected-person";
    /** The mark on a replayed event that withheld the facts of a confidential case. */
    public static final String CONFIDENTIAL = "confidential";
    /** What stands in place of withheld text. */
    public static final String WITHHELD = "[withheld]";

    private DisclosurePolicy() {
    }

    /** How lists and redacted views name the n-th protected person of a case (from 1): never by name. */
    public static String protectedLabel(int n) {
        return "Protected person " + n;
    }

    /** Replaces each present, non-null member with {@link #WITHHELD}; arrays and objects are emptied of text the same way. */
    public static void withhold(JsonNode node, String... fields) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (String field : fields) {
            JsonNode value = object.get(field);
            if (value != null && !value.isNull()) {
                object.put(field, WITHHELD);
            }
        }
    }

    /** {@link #withhold} on each element of an array member. */
    public static void withholdInEach(JsonNode node, String array, String... fields) {
        for (JsonNode element : node.path(array)) {
            withhold(element, fields);
        }
    }

    /** The stronger of two marks ({@code null} when nothing was withheld): a protected person outweighs confidentiality. */
    public static String strongest(String a, String b) {
        if (PROTECTED_PERSON.equals(a) || PROTECTED_PERSON.equals(b)) {
            return PROTECTED_PERSON;
        }
        return a != null ? a : b;
    }

    /**
     * A case's events as an audience sees them. {@code redact} changes a copy of an event's data and
     * answers whether it withheld anything; a changed event keeps its {@code hash}, which it then no longer
     * matches: auditors verify with the audit API, which marks such events.
     */
    public static List<CloudEvent> history(List<CloudEvent> events, Function<CloudEvent, JsonNode> redact) {
        List<CloudEvent> shown = new ArrayList<>(events.size());
        for (CloudEvent e : events) {
            JsonNode data = redact.apply(e);
            shown.add(data == null ? e : new CloudEvent(e.specversion(), e.id(), e.source(), e.type(), e.subject(), e.time(),
                    e.datacontenttype(), e.actorstate(), e.caseseq(), e.logseq(), e.prevhash(), e.hash(), data));
        }
        return shown;
    }
}
