package org.mlaexchange.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A State Party, by its ISO 3166-1 alpha-2 code (upper case), as it appears in events and APIs. */
public record StateCode(String value) implements Comparable<StateCode> {

    public StateCode {
        if (value == null || !value.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("a state code is two upper-case letters (ISO 3166-1 alpha-2), got: " + value);
        }
    }

    @JsonCreator
    public static StateCode of(String value) {
        return new StateCode(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(StateCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
