package org.mlaexchange.contracts.snapshot;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.mlaexchange.contracts.StateCode;

/**
 * Builds a deterministic sample of any contract record: every field filled (strings with their own
 * name, the first enum constant, one-element lists), so its JSON shows the whole shape of the contract.
 */
final class Samples {

    private Samples() {
    }

    static Object of(Type type, String name) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Object element = of(p.getActualTypeArguments()[0], name);
            if (raw == List.class) {
                return List.of(element);
            }
            if (raw == Set.class) {
                return Set.of(element);
            }
            throw new IllegalArgumentException("no sample for " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return name;
        }
        if (c == UUID.class) {
            return UUID.fromString("00000000-0000-4000-8000-000000000001");
        }
        if (c == Instant.class) {
            return Instant.parse("2026-01-02T03:04:05.123456Z");
        }
        if (c == LocalDate.class) {
            return LocalDate.parse("2026-01-02");
        }
        if (c == StateCode.class) {
            return StateCode.of("NL");
        }
        if (c == boolean.class || c == Boolean.class) {
            return true;
        }
        if (c == int.class || c == Integer.class) {
            return 1;
        }
        if (c == long.class || c == Long.class) {
            return 1L;
        }
        if (c == com.fasterxml.jackson.databind.JsonNode.class) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put(name, name);
        }
        if (c.isSealed() && c.isInterface()) {
            return of(c.getPermittedSubclasses()[0], name); // a sealed contract (e.g. a measure): its first kind
        }
        if (c.isEnum()) {
            return c.getEnumConstants()[0];
        }
        if (c.isRecord()) {
            RecordComponent[] components = c.getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                args[i] = of(components[i].getGenericType(), components[i].getName());
                types[i] = components[i].getType();
            }
            try {
                return c.getDeclaredConstructor(types).newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build a sample " + c.getSimpleName(), e);
            }
        }
        throw new IllegalArgumentException("no sample for " + c + " (" + name + ")");
    }
}
