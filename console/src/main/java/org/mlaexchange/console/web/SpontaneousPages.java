package org.mlaexchange.console.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mlaexchange.console.api.ApiResponse;
import org.mlaexchange.console.api.Service;
import org.mlaexchange.console.api.Services;

/**
 * Spontaneous information (request-service): what the officer's State sent and received, paged as the service
 * pages it; sending it, every field of its content a real form field; a case with its conditions, due dates,
 * timeline and the actions the service allows now.
 */
@Path("/{realm: nl|ar|sn|oversight}")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class SpontaneousPages {

    static final String API = "/api/spontaneous-information";
    /** The contracts' SpontaneousStatus, for the list's filter. */
    static final List<String> STATUSES = List.of("SENT", "ACKNOWLEDGED", "CONDITIONS_DECLINED", "RETURNED", "CLOSED");
    private static final java.util.regex.Pattern CURSOR = java.util.regex.Pattern.compile("\\d{1,18}");

    private final Services services;
    private final Officer officer;
    private final Visit visit;
    private final ObjectMapper json;
    private final StateResource pages;
    private final StateChoices states;

    public SpontaneousPages(Services services, Officer officer, Visit visit, ObjectMapper json, StateResource pages, StateChoices states) {
        this.states = states;
        this.services = services;
        this.officer = officer;
        this.visit = visit;
        this.json = json;
        this.pages = pages;
    }

    /** Sent and received, newest first, one page of the service's at a time (its cursor in the next link). */
    @GET
    @Path("spontaneous-information")
    public TemplateInstance list(@QueryParam("role") String role, @QueryParam("status") String status, @QueryParam("after") String after) {
        Map<String, String> filters = new LinkedHashMap<>();
        if ("providing".equals(role) || "receiving".equals(role)) {
            filters.put("role", role);
        }
        if (status != null && STATUSES.contains(status)) {
            filters.put("status", status);
        }
        StringBuilder query = new StringBuilder("?limit=" + StateResource.PAGE_SIZE);
        filters.forEach((k, v) -> query.append('&').append(k).append('=').append(v));
        if (after != null && CURSOR.matcher(after).matches()) {
            query.append("&after=").append(after);
        }
        ApiResponse page = services.get(Service.REQUESTS, API + query, officer.token());
        Map<String, Object> data = new HashMap<>();
        data.put("filters", filters);
        data.put("items", page.ok() ? StateResource.list(page.body().path("items")) : List.of());
        data.put("next", page.ok() ? page.body().path("next").asText("") : "");
        data.put("problem", page.ok() ? "" : page.problemDetail());
        data.put("statuses", STATUSES);
        return visit.page("spontaneous-list", officer, data);
    }

    @GET
    @Path("spontaneous-information/new")
    public TemplateInstance sending() {
        return sendingPage(Map.of(), Map.of(), "", "");
    }

    private TemplateInstance sendingPage(Map<String, String> values, Map<String, String> errors, String message, String submitted) {
        Map<String, Object> data = new HashMap<>();
        data.put("form", states.fill(ActionForms.spontaneousSending(visit.lang()), List.of(), values));
        data.put("formAction", submitted);
        data.put("formValues", values);
        data.put("formErrors", errors);
        data.put("message", message);
        data.put("actionBase", "/" + officer.realm() + "/spontaneous-information");
        data.put("measures", List.of());
        return visit.page("spontaneous-new", officer, data);
    }

    /**
     * Sends the information; or shows the form again with everything typed: "Add a row" (nothing sent), or the
     * service's field errors beside their fields.
     */
    @POST
    @Path("spontaneous-information/send")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(@PathParam("realm") String realm, MultivaluedMap<String, String> form) {
        visit.checkCsrf(form.getFirst(Csrf.FIELD));
        Map<String, String> values = StateResource.joined(form);
        if (form.containsKey("update")) {
            return Response.ok(sendingPage(values, Map.of(), "", "send")).build();
        }
        ActionForms.Form sending = ActionForms.spontaneousSending(visit.lang());
        ObjectNode body = ActionForms.body(sending, form, json.createObjectNode(), json);
        ApiResponse result = services.post(Service.REQUESTS, API, officer.token(), null, body);
        if (result.ok()) {
            return pages.created(result, "/" + realm + "/spontaneous-information/", "send");
        }
        if (result.status() == 400 || result.status() == 422 || result.status() == 409) {
            Map<String, String> errors = ActionForms.onFields(sending, StateResource.normalise(result.fieldErrors()), form);
            return Response.status(422).entity(sendingPage(values, errors, result.problemDetail(), "send")).build();
        }
        return pages.failure(result);
    }

    @GET
    @Path("spontaneous-information/{id}")
    public Response information(@PathParam("realm") String realm, @PathParam("id") UUID id, @QueryParam("r") String receipts,
                                @QueryParam("done") String done) {
        Map<String, Object> data = new HashMap<>();
        data.put("receipts", Receipts.decode(receipts, json));
        data.put("done", done == null ? "" : done);
        return casePage(pages, realm, id, data, 200);
    }

    static Response casePage(StateResource pages, String realm, UUID id, Map<String, Object> data, int status) {
        return pages.casePage("spontaneous", Service.REQUESTS, API + "/" + id, "/" + realm + "/spontaneous-information/" + id,
                "spontaneous", data, status);
    }

    /** One action on the case, sent with the If-Match of the case the officer saw. */
    @POST
    @Path("spontaneous-information/{id}/{action: [a-z-]+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("realm") String realm, @PathParam("id") UUID id, @PathParam("action") String action,
                        MultivaluedMap<String, String> form) {
        visit.checkCsrf(form.getFirst(Csrf.FIELD));
        return pages.transition(Service.REQUESTS, API + "/" + id, action, ActionForms.spontaneous(action), form,
                "/" + realm + "/spontaneous-information/" + id,
                () -> services.get(Service.REQUESTS, API + "/" + id, officer.token()).body());
    }
}
