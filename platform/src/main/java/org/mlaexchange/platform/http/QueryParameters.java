package org.mlaexchange.platform.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.mlaexchange.platform.problem.Problem;
import org.mlaexchange.platform.problem.ProblemException;

/** Query parameters read the same way by every resource, with a field error naming the parameter when malformed. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** An ISO-8601 instant, or {@code null} when absent. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw malformed(name, "not an instant like 2026-11-22T10:00:00Z: " + value, "an ISO-8601 instant");
        }
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

    private static ProblemException malformed(String name, String message, String what) {
        return ProblemException.badRequest("malformed-parameter", "Query parameter " + name + " must be " + what,
                List.of(new Problem.FieldError(name, message)));
    }
}
