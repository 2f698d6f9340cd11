package org.mlaexchange.contracts;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Hash chains recompute canonical JSON: no floating-point numbers in a contract, and absent values are null. */
public final class PlainContracts {

    private PlainContracts() {
    }

    public static void assertPlain(Class<?> contract) {
        assertPlain(contract, new HashSet<>());
    }

    private static void assertPlain(Class<?> type, Set<Class<?>> seen) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            for (Class<?> used : classesIn(component.getGenericType())) {
                String where = type.getSimpleName() + "." + component.getName();
                assertFalse(used == float.class || used == double.class || used == Float.class || used == Double.class
                        || used == BigDecimal.class || used == Optional.class, where + " is " + used.getSimpleName());
                assertPlain(used, seen);
            }
        }
    }

    private static List<Class<?>> classesIn(Type type) {
        if (type instanceof Class<?> c) {
            return List.of(c);
        }
        if (type instanceof ParameterizedType p) {
            List<Class<?>> classes = new ArrayList<>(classesIn(p.getRawType()));
            for (Type argument : p.getActualTypeArguments()) {
                classes.addAll(classesIn(argument));
            }
            return classes;
        }
        throw new AssertionError("unexpected type in a contract: " + type);
    }
}
