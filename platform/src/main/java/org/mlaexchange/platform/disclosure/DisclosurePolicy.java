package org.mlaexchange.platform.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.seal.SealedText;

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

    /** Names shorter than this are not looked for in free text: they would match ordinary words. */
    static final int SHORTEST_NAME = 3;

    /**
     * Replaces, in every text of the node (in place), each name by what stands for it, whole words, in any case:
     * free text (the facts, reasons, minutes, notes) can name a protected person too, and a label in the
     * structured fields alone would not hide them (Art. 82).
     *
     * @param standIns the names to hide and their labels
     * @return whether anything was replaced
     */
    public static boolean replaceNames(JsonNode node, Map<String, String> standIns) {
        return standIns(standIns).replaceIn(node);
    }

    /** The names to hide and their labels, ready to replace in many texts (a case's whole history) with one pattern. */
    public static StandIns standIns(Map<String, String> standIns) {
        Map<String, String> byName = new HashMap<>();
        standIns.forEach((name, label) -> {
            // after an erasure every identity reads "erased": nothing to hide, and the word must stay
            if (name != null && name.strip().length() >= SHORTEST_NAME && !SealedText.ERASED.equals(name.strip())) {
                byName.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), label);
            }
        });
        if (byName.isEmpty()) {
            return new StandIns(null, byName);
        }
        StringBuilder alternatives = new StringBuilder();
        byName.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()) // the longest name first
                .forEach(name -> alternatives.append(alternatives.isEmpty() ? "" : "|").append(Pattern.quote(name)));
        return new StandIns(Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), byName);
    }

    /** Protected names (lower case) and their labels, with the pattern that finds them as whole words. */
    public static final class StandIns {
        private final Pattern names;
        private final Map<String, String> byName;

        private StandIns(Pattern names, Map<String, String> byName) {
            this.names = names;
            this.byName = byName;
        }

        /** Whether there is no name to look for. */
        public boolean isEmpty() {
            return names == null;
        }

        /** Replaces the names in every text of the node, in place; whether anything was replaced. */
        public boolean replaceIn(JsonNode node) {
            return names != null && DisclosurePolicy.replaceIn(node, names, byName);
        }
    }

    private static boolean replaceIn(JsonNode node, Pattern names, Map<String, String> byName) {
        boolean replaced = false;
        if (node instanceof ObjectNode object) {
            for (String field : iterable(object)) {
                JsonNode value = object.get(field);
                String text = value.isTextual() ? replaced(value.textValue(), names, byName) : null;
                if (text != null) {
                    object.set(field, TextNode.valueOf(text));
                    replaced = true;
                } else {
                    replaced |= replaceIn(value, names, byName);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String text = array.get(i).isTextual() ? replaced(array.get(i).textValue(), names, byName) : null;
                if (text != null) {
                    array.set(i, TextNode.valueOf(text));
                    replaced = true;
                } else {
                    replaced |= replaceIn(array.get(i), names, byName);
                }
            }
        }
        return replaced;
    }

    private static List<String> iterable(ObjectNode object) {
        List<String> fields = new ArrayList<>();
        object.fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    /** The text with the names replaced, or {@code null} when it names none of them. */
    private static String replaced(String text, Pattern names, Map<String, String> byName) {
        Matcher m = names.matcher(text);
        if (!m.find()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(byName.getOrDefault(m.group().toLowerCase(Locale.ROOT), WITHHELD)));
        } while (m.find());
        return m.appendTail(out).toString();
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
