package org.mlaexchange.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for templates: URL encoding and reading JSON from the services. */
@TemplateExtension
public class Extensions {

    private static final java.util.regex.Pattern INDEX = java.util.regex.Pattern.compile("\\.\\d+\\.");

    /** A text whose key is composed: t.k('status', 'ACCEPTED') reads "status.ACCEPTED" (the value itself when absent). */
    static String k(java.util.Map<String, String> texts, String prefix, Object value) {
        String v = String.valueOf(value);
        String found = texts.get(prefix + "." + v);
        // indexed paths share one label: "content.measures.0.kind" reads "field.content.measures.kind", and an
        // item of a list ("...videoConference.proposedDates.1") the list's
        return found != null ? found : texts.getOrDefault(prefix + "." + INDEX.matcher(v).replaceAll(".").replaceFirst("\\.\\d+$", ""), v);
    }

    /** A form field's id from its name: "content.contact.name" to "content-contact-name". */
    static String dashed(String name) {
        return name == null ? "" : name.replace('.', '-');
    }

    /** The name of an indexed field: 0.path('content.measures', 'kind') is "content.measures.0.kind". */
    static String path(Integer index, String prefix, String suffix) {
        return prefix + "." + index + "." + suffix;
    }

    static int ordinal(Integer index) {
        return index + 1;
    }

    /** What a form showed when it was the one submitted: its errors and values; nothing for the other forms. */
    static String at(java.util.Map<String, String> map, String submittedAction, String action, String key) {
        return action.equals(submittedAction) ? map.get(key) : null;
    }

    /**
     * A field's error in the form that was submitted: the service's error on the field itself or on a part of it
     * ("assurances.0.text" belongs to "assurances").
     */
    static String errorAt(java.util.Map<String, String> errors, String submittedAction, String action, String path) {
        if (!action.equals(submittedAction)) {
            return null;
        }
        String parts = errors.entrySet().stream().filter(e -> e.getKey().equals(path) || e.getKey().startsWith(path + "."))
                .map(java.util.Map.Entry::getValue).collect(java.util.stream.Collectors.joining("; "));
        return parts.isEmpty() ? null : parts;
    }

    /** The submitted form's errors that name no field of it, so that none is lost ("field: message"). */
    static List<String> unplaced(java.util.Map<String, String> errors, String submittedAction, ActionForms.Form form) {
        if (!form.action().equals(submittedAction)) {
            return List.of();
        }
        return errors.entrySet().stream()
                .filter(e -> form.fields().stream().noneMatch(f -> e.getKey().equals(f.path()) || e.getKey().startsWith(f.path() + ".")))
                .map(e -> e.getKey() + ": " + e.getValue()).sorted().toList();
    }

    /** Whether a value was among those submitted for a field (several values arrive joined by line breaks). */
    static boolean chosen(java.util.Map<String, String> map, String submittedAction, String action, String key, String value) {
        String submitted = at(map, submittedAction, action, key);
        return submitted != null && submitted.lines().anyMatch(value::equals);
    }

    /** The fields of a JSON object as text, for showing a service's answer as it is. */
    static List<java.util.Map.Entry<String, String>> entries(JsonNode node) {
        List<java.util.Map.Entry<String, String>> out = new ArrayList<>();
        node.fields().forEachRemaining(e -> out.add(java.util.Map.entry(e.getKey(),
                e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString())));
        return out;
    }

    static String urlEncode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    /** A text field of a JSON object ("a.b.c" walks into objects); empty when absent. */
    static String str(JsonNode node, String path) {
        JsonNode at = at(node, path);
        return at.isValueNode() && !at.isNull() ? at.asText() : "";
    }

    static JsonNode node(JsonNode node, String path) {
        return at(node, path);
    }

    static boolean has(JsonNode node, String path) {
        JsonNode at = at(node, path);
        return !at.isMissingNode() && !at.isNull() && !(at.isTextual() && at.asText().isEmpty())
                && !(at.isContainerNode() && at.isEmpty());
    }

    static boolean flag(JsonNode node, String path) {
        return at(node, path).asBoolean(false);
    }

    static List<JsonNode> list(JsonNode node, String path) {
        List<JsonNode> out = new ArrayList<>();
        at(node, path).forEach(out::add);
        return out;
    }

    /** The text values of a JSON array, for lists of strings. */
    static List<String> texts(JsonNode node, String path) {
        List<String> out = new ArrayList<>();
        at(node, path).forEach(n -> out.add(n.isValueNode() ? n.asText() : n.toString()));
        return out;
    }

    /**
     * A case's due dates as the service gives them, whatever their number and names: each top-level field whose name ends
     * in "DueDate" or "DueAt" (the texts name the known ones; another shows its own name), in the order sent.
     */
    static List<java.util.Map.Entry<String, String>> dueDates(JsonNode node) {
        List<java.util.Map.Entry<String, String>> out = new ArrayList<>();
        node.fields().forEachRemaining(e -> {
            if ((e.getKey().endsWith("DueDate") || e.getKey().endsWith("DueAt")) && e.getValue().isTextual() && !e.getValue().asText().isEmpty()) {
                out.add(java.util.Map.entry(e.getKey(), e.getValue().asText()));
            }
        });
        return out;
    }

    /** The last part of a dotted event type, without version: "org.mlaexchange.request.accepted.v1" to "request.accepted". */
    static String eventName(String type) {
        if (type == null) {
            return "";
        }
        String t = type.replaceFirst("^org\\.mlaexchange\\.", "").replaceFirst("\\.v\\d+$", "");
        return t;
    }

    /** "2026-11-22T12:20:21.840418Z" to "2026-11-22 12:20 UTC". */
    static String when(String instant) {
        if (instant == null || instant.length() < 16) {
            return instant == null ? "" : instant;
        }
        return instant.substring(0, 10) + " " + instant.substring(11, 16) + " UTC";
    }

    /** Whether an instant ("2026-12-10T00:00:00Z") falls before the given one: "due this week" in the inbox. */
    static boolean dueWithin(String instant, String until) {
        return instant != null && !instant.isEmpty() && instant.compareTo(until) < 0;
    }

    static String shortId(String id) {
        return id == null || id.length() < 8 ? id : id.substring(0, 8);
    }

    static String shortHash(String hash) {
        return hash == null || hash.length() < 16 ? hash : hash.substring(0, 16) + "…";
    }

    private static JsonNode at(JsonNode node, String path) {
        JsonNode at = node;
        for (String part : path.split("\\.")) {
            if (at == null) {
                break;
            }
            at = at.path(part);
        }
        return at;
    }
}
