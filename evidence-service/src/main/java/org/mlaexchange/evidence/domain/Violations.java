package org.mlaexchange.evidence.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.mlaexchange.evidence.domain.DomainException.InvalidCommand;
import org.mlaexchange.evidence.domain.DomainException.Violation;

/** Collects every rule a command breaks, so that the caller learns all of them at once. */
final class Violations {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** RFC 6838 type/subtype, optionally with parameters. */
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}(\\s*;.*)?");

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

    /** A SHA-256 digest, if present, is 64 lower-case hex digits; returns whether it is present and valid. */
    boolean sha256(String value, String field) {
        if (value == null) {
            return false;
        }
        if (!SHA256.matcher(value).matches()) {
            add(field, "must be 64 lower-case hex digits (SHA-256)");
            return false;
        }
        return true;
    }

    /** A media type, if present, is {@code type/subtype}. */
    void mediaType(String value, String field) {
        if (value != null && !MEDIA_TYPE.matcher(value).matches()) {
            add(field, "is not a media type (type/subtype)");
        }
    }

    /** Records {@code field: must be empty or absent} when the value is present, with why. */
    void absent(Object value, String field, String why) {
        if (value != null) {
            add(field, "must be absent: " + why);
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
