package org.mlaexchange.contracts.rules;

import java.util.ArrayList;
import java.util.List;

/** Collects every rule a command breaks, so that the caller learns all of them at once. */
public class Violations {

    private final List<DomainException.Violation> violations = new ArrayList<>();

    public void add(String field, String message) {
        violations.add(new DomainException.Violation(field, message));
    }

    /** Records {@code field: is required} when the value is null; returns whether it was present. */
    public boolean required(Object value, String field) {
        if (value == null) {
            add(field, "is required");
            return false;
        }
        return true;
    }

    /** Records {@code field: is required} when the text is null or blank; returns whether it was present. */
    public boolean requiredText(String value, String field) {
        if (isBlank(value)) {
            add(field, "is required");
            return false;
        }
        return true;
    }

    /** Requires at least one element, each a non-blank text. */
    public void requiredTexts(List<String> values, String field) {
        if (values == null || values.isEmpty()) {
            add(field, "at least one is required");
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            requiredText(values.get(i), field + "[" + i + "]");
        }
    }

    /** Each element, if any, must be a non-blank text. */
    public void optionalTexts(List<String> values, String field) {
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                requiredText(values.get(i), field + "[" + i + "]");
            }
        }
    }

    public boolean isEmpty() {
        return violations.isEmpty();
    }

    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new DomainException.InvalidCommand(violations);
        }
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
