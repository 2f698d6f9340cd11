package org.mlaexchange.platform.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Predicate;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.platform.problem.Problem;
import org.mlaexchange.platform.problem.ProblemException;

/** Query parameters read the same way by every resource, with a field error naming the parameter when malformed. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** An ISO-8601 instant, or {@code null} when absent. */
    public static Instant instant(String name, String value) {
        return parsed(name, value, Instant::parse, "not an instant like 2026-11-22T10:00:00Z: ", "an ISO-8601 instant");
    }

    /** An ISO-8601 instant, or a calendar date meaning its first moment in UTC; {@code null} when absent. */
    public static Instant instantOrDate(String name, String value) {
        if (value != null && value.length() == 10) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw malformed(name, "not a date like 2026-11-22 or an instant like 2026-11-22T10:00:00Z: " + value,
                        "an ISO-8601 date or instant");
            }
        }
        return instant(name, value);
    }

    /** An ISO-8601 calendar date, or {@code null} when absent. */
    public static LocalDate date(String name, String value) {
        return parsed(name, value, LocalDate::parse, "not a date like 2026-11-22: ", "an ISO-8601 date");
    }

    /** The value read by {@code parser}, {@code null} when absent; a field error naming the parameter when it cannot be read. */
    private static <T> T parsed(String name, String value, java.util.function.Function<String, T> parser, String message, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (DateTimeParseException e) {
            throw malformed(name, message + value, what);
        }
    }

    /** A State's code that {@code known} accepts (a State of the reference data), or {@code null} when absent. */
    public static StateCode state(String name, String value, Predicate<StateCode> known) {
        if (value == null || value.isBlank()) {
            return null;
        }
        StateCode code;
        try {
            code = StateCode.of(value);
        } catch (IllegalArgumentException e) {
            code = null;
        }
        if (code == null || !known.test(code)) {
            throw malformed(name, "not a State of the reference data: " + value, "a State's code");
        }
        return code;
    }

    private static ProblemException malformed(String name, String message, String what) {
        return ProblemException.badRequest("malformed-parameter", "Query parameter " + name + " must be " + what,
                List.of(new Problem.FieldError(name, message)));
    }
}
