package org.mlaexchange.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, with field-by-field errors where the input was at fault, and the cases a change
 * may have been kept in when its outcome is unknown (the database went away while it was committed).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                      List<String> cases) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:mla-exchange:problem:";

    public static Problem of(int status, String slug, String title, String detail, List<FieldError> errors) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, errors == null ? List.of() : errors, List.of());
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors, cases);
    }

    public Problem withCases(List<String> caseIds) {
        return new Problem(type, title, status, detail, instance, errors, List.copyOf(caseIds));
    }

    /** One rejected input: where ({@code field}, a JSON path like {@code content.measures[0].kind}) and why. */
    public record FieldError(String field, String message) {
    }
}
