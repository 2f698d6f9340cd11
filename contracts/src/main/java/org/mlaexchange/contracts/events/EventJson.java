package org.mlaexchange.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * The one JSON mapping of event contracts: ISO-8601 strings for time, no nulls, and floating-point
 * numbers refused, so that anyone can recompute a hash from the published bytes alone.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // additive contract changes
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            // a member given twice reads differently in different parsers: an event never has one
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Payload record to JSON tree; refuses floating-point values anywhere in it. */
    public static JsonNode toData(Object payload) {
        JsonNode node = MAPPER.valueToTree(payload);
        requireNoFloatingPoint(node, "data");
        return node;
    }

    public static <T> T fromData(JsonNode data, Class<T> type) {
        try {
            return MAPPER.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data does not match " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** RFC 8785 (JCS) form of a JSON tree. */
    public static String canonical(JsonNode node) {
        try {
            return new JsonCanonicalizer(MAPPER.writeValueAsString(node)).getEncodedString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String canonical(CloudEvent event) {
        return canonical(MAPPER.valueToTree(event));
    }

    public static CloudEvent parse(String json) {
        try {
            return MAPPER.readValue(json, CloudEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a CloudEvent: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Where the last occurrence of {@code memberStart} (e.g. {@code "logseq":}) is in event JSON, or -1.
     * In canonical form the envelope's own members follow {@code data}, so the last occurrence is the
     * envelope's. Found with forward searches, which the JVM vectorises ({@code lastIndexOf} does not).
     */
    public static int lastMember(String json, String memberStart) {
        int at = json.indexOf(memberStart);
        if (at < 0) {
            return -1;
        }
        for (int next = json.indexOf(memberStart, at + 1); next >= 0; next = json.indexOf(memberStart, at + 1)) {
            at = next;
        }
        return at;
    }

    public static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static void requireNoFloatingPoint(JsonNode node, String path) {
        if (node.isFloatingPointNumber()) {
            throw new IllegalArgumentException("floating-point number at " + path + ": use a string or an integer");
        }
        if (node.isObject()) {
            Iterator<java.util.Map.Entry<String, JsonNode>> fields = ((ObjectNode) node).fields();
            while (fields.hasNext()) {
                var field = fields.next();
                requireNoFloatingPoint(field.getValue(), path + "." + field.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireNoFloatingPoint(node.get(i), path + "[" + i + "]");
            }
        }
    }
}
