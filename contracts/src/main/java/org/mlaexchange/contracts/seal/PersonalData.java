package org.mlaexchange.contracts.seal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Which parts of an event are personal data, and their sealing in the event's JSON. The rule follows
 * the contract's Java types: every text ({@code String}, also inside lists and nested records) is
 * personal unless its component is marked {@link NotPersonal}; enums, dates, times, numbers, flags,
 * ids and State codes stay in clear, so that the event keeps its shape, its type and everything other
 * services fold (status, parties, deadlines) without a key. Free text is sealed whole, whatever it says.
 * A polymorphic contract (a measure, an execution record) is read as the record its type property names.
 */
public final class PersonalData {

    private PersonalData() {
    }

    /** Whether events of this class have their personal data sealed ({@link SealsPersonalData} on it or an interface). */
    public static boolean sealed(Class<?> eventClass) {
        for (Class<?> c = eventClass; c != null; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(SealsPersonalData.class)) {
                return true;
            }
            for (Class<?> i : c.getInterfaces()) {
                if (sealed(i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A copy of {@code data} (the JSON of {@code payload}) with every personal text replaced by {@code seal} of it. */
    public static JsonNode seal(Class<?> payloadClass, JsonNode data, UnaryOperator<String> seal) {
        JsonNode copy = data.deepCopy();
        walk(copy, payloadClass, seal);
        return copy;
    }

    /** A copy of {@code data} with every sealed text anywhere in it replaced by {@code open} of it. */
    public static JsonNode open(JsonNode data, UnaryOperator<String> open) {
        if (data == null || !containsSealed(data)) {
            return data; // events before sealing, and events without personal data, are read as they are
        }
        JsonNode copy = data.deepCopy();
        openAll(copy, open);
        return copy;
    }

    public static boolean containsSealed(JsonNode node) {
        if (node.isTextual()) {
            return SealedText.isSealed(node.textValue());
        }
        for (JsonNode child : node) {
            if (containsSealed(child)) {
                return true;
            }
        }
        return false;
    }

    private static void walk(JsonNode node, Type type, UnaryOperator<String> seal) {
        Class<?> raw = raw(type);
        if (raw == null || !node.isObject() || !raw.isRecord()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        for (Component component : COMPONENTS.get(raw)) {
            JsonNode child = object.get(component.name());
            if (child == null || child.isNull()) {
                continue;
            }
            JsonNode replaced = value(child, component.type(), seal);
            if (replaced != child) {
                object.set(component.name(), replaced);
            }
        }
    }

    /** A record component that may hold personal data (not marked {@link NotPersonal}). */
    private record Component(String name, Type type) {
    }

    /** Read once per record class, not by reflection for every sealed event. */
    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> record) {
            return Arrays.stream(record.getRecordComponents())
                    .filter(component -> !component.isAnnotationPresent(NotPersonal.class))
                    .map(component -> new Component(component.getName(), component.getGenericType()))
                    .toList();
        }
    };

    /** The value with its texts sealed: replaced when it is a text itself, changed in place otherwise. */
    private static JsonNode value(JsonNode node, Type type, UnaryOperator<String> seal) {
        Class<?> raw = raw(type);
        if (raw == String.class) {
            return node.isTextual() ? TextNode.valueOf(seal.apply(node.textValue())) : node;
        }
        if (raw != null && Collection.class.isAssignableFrom(raw) && node.isArray() && type instanceof ParameterizedType p) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                JsonNode replaced = value(array.get(i), p.getActualTypeArguments()[0], seal);
                if (replaced != array.get(i)) {
                    array.set(i, replaced);
                }
            }
            return node;
        }
        Class<?> kind = raw == null || raw.isRecord() ? raw : kindOf(raw, node);
        walk(node, kind, seal);
        return node;
    }

    /**
     * The record a polymorphic contract's JSON is (a measure by its {@code kind}), or {@code raw} when it is
     * not polymorphic. An unknown kind is refused: which of its texts name nobody cannot be told.
     */
    private static Class<?> kindOf(Class<?> raw, JsonNode node) {
        JsonTypeInfo info = raw.getAnnotation(JsonTypeInfo.class);
        JsonSubTypes kinds = raw.getAnnotation(JsonSubTypes.class);
        if (info == null || kinds == null || !node.isObject()) {
            return raw;
        }
        String name = node.path(info.property()).asText();
        for (JsonSubTypes.Type kind : kinds.value()) {
            if (kind.name().equals(name) || java.util.Arrays.asList(kind.names()).contains(name)) {
                return kind.value();
            }
        }
        throw new IllegalArgumentException("no " + raw.getSimpleName() + " of " + info.property() + " '" + name
                + "': its personal data cannot be told apart");
    }

    private static void openAll(JsonNode node, UnaryOperator<String> open) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            java.util.List<String> names = new java.util.ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = object.get(name);
                if (child.isTextual() && SealedText.isSealed(child.textValue())) {
                    object.set(name, TextNode.valueOf(open.apply(child.textValue())));
                } else {
                    openAll(child, open);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual() && SealedText.isSealed(array.get(i).textValue())) {
                    array.set(i, TextNode.valueOf(open.apply(array.get(i).textValue())));
                } else {
                    openAll(array.get(i), open);
                }
            }
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : null;
    }
}
