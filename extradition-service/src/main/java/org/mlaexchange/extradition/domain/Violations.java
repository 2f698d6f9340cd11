package org.mlaexchange.extradition.domain;

import java.util.ArrayList;
import java.util.List;

import org.mlaexchange.extradition.domain.DomainException.InvalidCommand;
import org.mlaexchange.extradition.domain.DomainException.Violation;

/** Collects every rule a command breaks, so that the caller learns all of them at once. */
final class Violations {

    private final List<Violation> violations = new ArrayList<>();

    void add(String field, String message) {
        violations.add(new Violation(field, message));
    }

    /** Records {@code field: is required} when the value is null; returns whether it was present. */
    boolean required(Object value, String field) {
        if (value == null) {
            add(field, "is required");
            return false;
        }
        return true;
    }

    /** Records {@code field: is required} when the text is null or blank; returns whether it was present. */
    boolean requiredText(String value, String field) {
        if (isBlank(value)) {
            add(field, "is required");
            return false;
        }
        return true;
    }

    /** Requires at least one element, each a non-blank text. */
    void requiredTexts(List<String> values, String field) {
        if (values == null || values.isEmpty()) {
            add(field, "at least one is required");
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            requiredText(values.get(i), field + "[" + i + "]");
        }
    }

    /** Each element, if any, must be a non-blank text. */
    void optionalTexts(List<String> values, String field) {
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                requiredText(values.get(i), field + "[" + i + "]");
            }
        }
    }

    void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidCommand(violations);
        }
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
