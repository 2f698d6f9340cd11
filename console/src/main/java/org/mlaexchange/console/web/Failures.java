package org.mlaexchange.console.web;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.mlaexchange.console.api.Services;

/** A service that does not answer, or a form without its CSRF token: a page that says so, not a stack trace. */
public class Failures {

    private final Visit visit;
    private final Officer officer;

    public Failures(Visit visit, Officer officer) {
        this.visit = visit;
        this.officer = officer;
    }

    @ServerExceptionMapper
    public Response unavailable(Services.ServiceUnavailable e) {
        return Response.status(503).entity(visit.page("failure", officer,
                Map.of("status", 503, "detail", visit.text("serviceUnavailable") + " " + e.service().label()))).build();
    }

    @ServerExceptionMapper
    public Response forbidden(jakarta.ws.rs.ForbiddenException e) {
        return Response.status(403).entity(visit.page("failure", officer,
                Map.of("status", 403, "detail", visit.text("csrfRefused")))).build();
    }
}
