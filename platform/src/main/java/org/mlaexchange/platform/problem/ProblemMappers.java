package org.mlaexchange.platform.problem;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as RFC 9457 problem+json with a stable type; 5xx details stay in the log. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(e.problem(), uri);
        // a 503 is a moment's wait (database out of reach, service stopping): say how long
        return e.problem().status() == 503 ? Response.fromResponse(response).header("Retry-After", RETRY_AFTER_SECONDS).build() : response;
    }

    /** The answer when the service's database cannot be reached: nothing was changed, try again. */
    public static Problem databaseUnavailable() {
        return Problem.of(503, "unavailable", "Service unavailable",
                "The service's database cannot be reached; nothing was changed. Try again shortly", null);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return respond(Problem.of(422, "invalid-input", "The input breaks a rule", "Some fields are missing or invalid", errors), uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    // the more specific Jackson types have built-in mappers in quarkus-rest-jackson: replace them too
    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this", null), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException jpe) {
            return respond(jsonProblem(jpe), uri);
        }
        String slug = switch (status) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "body-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        String detail = e instanceof NotFoundException ? "No such resource"
                : e instanceof NotAllowedException ? "This method is not allowed here"
                : e instanceof NotSupportedException ? "Send application/json" : e.getMessage();
        // the part of the request at fault, when the status says which
        List<Problem.FieldError> errors = switch (status) {
            case 413 -> List.of(new Problem.FieldError("body", "too large"));
            case 415 -> List.of(new Problem.FieldError("Content-Type", "not a media type this operation takes"));
            default -> null;
        };
        return respond(Problem.of(status, slug, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), detail, errors), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        if (databaseUnreachable(e)) {
            // the database is down or every connection is taken: a moment's wait, not a fault of the request
            LOG.warnf("database unavailable on %s: %s", uri.getPath(), e.toString());
            return Response.fromResponse(respond(databaseUnavailable(), uri))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        LOG.error("unexpected error on " + uri.getPath(), e);
        return respond(Problem.of(500, "internal", "Internal error", "The request was not carried out; nothing was changed", null), uri);
    }

    private static final String RETRY_AFTER_SECONDS = "5";

    /**
     * Whether the failure is the database being out of reach: a connection-class SQLSTATE (08xxx), the
     * server shutting down (57P01..57P03) or no connection to be had from the pool. Suppressed exceptions are
     * looked at too: a commit that failed on a lost connection reaches the caller as the transaction manager's
     * RollbackException or HeuristicMixedException, with the SQLException only among their suppressed ones.
     */
    public static boolean databaseUnreachable(Throwable e) {
        return databaseUnreachable(e, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static boolean databaseUnreachable(Throwable t, java.util.Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (t instanceof java.sql.SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                return true;
            }
            String message = String.valueOf(sql.getMessage());
            if (message.contains("Acquisition timeout") || message.contains("Connection refused")) {
                return true;
            }
        }
        if (t instanceof java.net.ConnectException) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (databaseUnreachable(suppressed, seen)) {
                return true;
            }
        }
        return databaseUnreachable(t.getCause(), seen);
    }

    static Problem jsonProblem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return Problem.of(400, "unknown-field", "Bad request", "The body has a field this API does not know",
                    List.of(new Problem.FieldError(path(u), "unknown field")));
        }
        if (e instanceof InvalidTypeIdException t && !t.getPath().isEmpty()) {
            return typeIdProblem(t);
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String message = e instanceof InvalidFormatException f
                    ? "cannot read " + quote(f.getValue()) + " as " + f.getTargetType().getSimpleName() + allowed(f.getTargetType())
                    : rootMessage(m);
            return Problem.of(400, "malformed-field", "Bad request", "A field has the wrong form",
                    List.of(new Problem.FieldError(path(m), message)));
        }
        return Problem.of(400, "malformed-json", "Bad request", "The body is not valid JSON: " + e.getOriginalMessage(),
                List.of(new Problem.FieldError("body", "not the JSON this operation takes")));
    }

    /**
     * A contract told apart by one of its properties (a measure by its {@code kind}): the error names that
     * property, with the values it may take, as for an enum.
     */
    private static Problem typeIdProblem(InvalidTypeIdException t) {
        Class<?> base = t.getBaseType().getRawClass();
        JsonTypeInfo info = base.getAnnotation(JsonTypeInfo.class);
        JsonSubTypes subTypes = base.getAnnotation(JsonSubTypes.class);
        String field = path(t) + (info == null ? "" : "." + info.property());
        String message = t.getTypeId() == null ? "is required"
                : "cannot read " + quote(t.getTypeId()) + (subTypes == null ? ""
                : "; one of " + java.util.Arrays.stream(subTypes.value()).map(JsonSubTypes.Type::name).collect(Collectors.joining(", ")));
        return Problem.of(400, "malformed-field", "Bad request", "A field has the wrong form", List.of(new Problem.FieldError(field, message)));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
    }

    private static String allowed(Class<?> type) {
        if (type.isEnum()) {
            return "; one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        return "";
    }

    private static String quote(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** "submit.body.content.summary" (method, parameter, bean path) to "content.summary"; "list.limit" to "limit". */
    private static String fieldOf(String propertyPath) {
        String[] parts = propertyPath.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static Response unauthorized(UriInfo uri) {
        return Response.fromResponse(respond(Problem.of(401, "unauthenticated", "Unauthenticated",
                "A valid bearer token from a State Party's identity provider, for audience mla-exchange, is required", null), uri))
                .header("WWW-Authenticate", "Bearer").build();
    }

    static Response respond(Problem problem, UriInfo uri) {
        Problem located = uri == null ? problem : problem.at(uri.getPath());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(located).build();
    }
}
