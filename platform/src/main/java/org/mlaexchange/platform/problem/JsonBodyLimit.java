package org.mlaexchange.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.mlaexchange.platform.PlatformConfig;

/** Refuses oversized JSON bodies up front (413 problem+json) so they are never parsed or stored. */
public class JsonBodyLimit {

    private final PlatformConfig config;

    public JsonBodyLimit(PlatformConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        int length = request.getLength();
        long max = config.http().maxJsonBodyBytes();
        if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && length < 0
                && String.valueOf(request.getHeaderString("Transfer-Encoding")).toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
            // a streamed body has no length to check up front; JSON bodies are small, so they must give one
            return ProblemMappers.respond(Problem.of(411, "length-required", "Length required",
                    "Send JSON bodies with a Content-Length (at most " + max + " bytes), not chunked",
                    java.util.List.of(new Problem.FieldError("Content-Length", "required for JSON bodies"))), null);
        }
        if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && length > max) {
            return ProblemMappers.respond(Problem.of(413, "body-too-large", "Content too large",
                    "JSON bodies are limited to " + max + " bytes; this one has " + length,
                    java.util.List.of(new Problem.FieldError("body", "at most " + max + " bytes"))), null);
        }
        return null;
    }
}
