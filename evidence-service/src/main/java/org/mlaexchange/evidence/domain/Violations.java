package org.mlaexchange.evidence.domain;

import java.util.regex.Pattern;

/** The shared violation collector, with the checks evidence metadata needs besides. */
final class Violations extends org.mlaexchange.contracts.rules.Violations {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** RFC 6838 type/subtype, optionally with parameters. */
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}(\\s*;.*)?");

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
}
