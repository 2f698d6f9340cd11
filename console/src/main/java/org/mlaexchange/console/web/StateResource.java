package org.mlaexchange.console.web;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mlaexchange.console.api.ApiResponse;
import org.mlaexchange.console.api.Service;
import org.mlaexchange.console.api.Services;

/**
 * A State's pages, under its realm's path (/nl/..., /ar/...): the OIDC tenant of that path has
 * signed the officer in, and every call to a service carries the officer's own token.
 */
@Path("/{realm: nl|ar|sn|oversight}")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class StateResource {

    static final int PAGE_SIZE = 20;
    /** A services' paging cursor: an insertion number, or a due moment and insertion number. */
    private static final java.util.regex.Pattern CURSOR = java.util.regex.Pattern.compile("\\d{1,18}|(-?\\d{1,19}|none)_\\d{1,18}");

    private final Services services;
    private final Officer officer;
    private final Visit visit;
    private final ObjectMapper json;
    private final StateChoices states;

    public StateResource(Services services, Officer officer, Visit visit, ObjectMapper json, StateChoices states) {
        this.services = services;
        this.officer = officer;
        this.visit = visit;
        this.json = json;
        this.states = states;
    }

    @GET
    public Response home(@PathParam("realm") String realm) {
        return Response.seeOther(URI.create("/" + realm + "/inbox")).build();
    }

    // ------------------------------------------------------------------------------------------
    // Inbox
    // ------------------------------------------------------------------------------------------

    /** Requests and extradition cases, filtered and paged by the services, next due date first. */
    @GET
    @Path("inbox")
    public TemplateInstance inbox(@QueryParam("status") String status, @QueryParam("role") String role,
                                  @QueryParam("urgent") String urgent, @QueryParam("overdue") String overdue,
                                  @QueryParam("after") String after, @QueryParam("xafter") String xafter) {
        Map<String, String> filters = new LinkedHashMap<>();
        if (notBlank(status)) filters.put("status", status);
        if (notBlank(role)) filters.put("role", role);
        if ("true".equals(urgent)) filters.put("urgent", "true");
        if ("true".equals(overdue)) filters.put("overdue", "true");

        long t0 = System.nanoTime();
        String token = officer.token();
        Map<String, String> xfilters = new LinkedHashMap<>(filters);
        xfilters.remove("urgent");
        // both services at once: the page waits for the slower one, not for the sum
        java.util.concurrent.CompletableFuture<ApiResponse> pendingExtraditions = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> services.get(Service.EXTRADITION, "/api/extraditions" + query(xfilters, xafter), token));
        ApiResponse requests = services.get(Service.REQUESTS, "/api/requests" + query(filters, after), token);
        ApiResponse extraditions = null;
        try {
            extraditions = pendingExtraditions.join();
        } catch (java.util.concurrent.CompletionException e) {
            // the inbox still shows the requests when the extradition service is away
        }
        long apiMillis = (System.nanoTime() - t0) / 1_000_000;
        Map<String, Object> data = new HashMap<>();
        data.put("filters", filters);
        data.put("requests", items(requests));
        data.put("requestsNext", requests.ok() ? requests.body().path("next").asText("") : "");
        data.put("requestsProblem", requests.ok() ? "" : requests.problemDetail());
        data.put("extraditions", extraditions == null ? List.of() : items(extraditions));
        data.put("extraditionsNext", extraditions != null && extraditions.ok() ? extraditions.body().path("next").asText("") : "");
        data.put("extraditionsProblem", extraditions == null ? visit.text("serviceDown") : extraditions.ok() ? "" : extraditions.problemDetail());
        data.put("statuses", REQUEST_STATUSES);
        data.put("apiMillis", apiMillis);
        data.put("weekEnd", java.time.Instant.now().plus(java.time.Duration.ofDays(7)).toString());
        data.put("after", after == null ? "" : after);
        data.put("xafter", xafter == null ? "" : xafter);
        return visit.page("inbox", officer, data);
    }

    static final List<String> REQUEST_STATUSES = List.of("SUBMITTED", "ACKNOWLEDGED", "UNDER_ASSESSMENT", "INFORMATION_REQUESTED",
            "CONSULTATION", "POSTPONED", "CONDITIONS_PROPOSED", "REFUSED", "ACCEPTED", "IN_EXECUTION", "PARTIALLY_EXECUTED",
            "EXECUTED", "CLOSED", "WITHDRAWN");

    /** One page as the service sorted it (nearest due date first). */
    private static List<JsonNode> items(ApiResponse page) {
        return page.ok() ? list(page.body().path("items")) : List.of();
    }

    private static String query(Map<String, String> filters, String after) {
        // the services sort and page: the nearest due date first, overdue ones first
        StringBuilder q = new StringBuilder("?sort=due&limit=" + PAGE_SIZE);
        filters.forEach((k, v) -> q.append('&').append(k).append('=').append(Extensions.urlEncode(v)));
        if (notBlank(after) && CURSOR.matcher(after).matches()) {
            q.append("&after=").append(after);
        }
        return q.toString();
    }

    // ------------------------------------------------------------------------------------------
    // A request
    // ------------------------------------------------------------------------------------------

    @GET
    @Path("requests/{id}")
    public Response request(@PathParam("realm") String realm, @PathParam("id") UUID id, @QueryParam("r") String receipts,
                            @QueryParam("done") String done) {
        Map<String, Object> data = new HashMap<>();
        data.put("receipts", Receipts.decode(receipts, json));
        data.put("done", done == null ? "" : done);
        return requestPage(id, data, 200);
    }

    private Response requestPage(UUID id, Map<String, Object> data, int status) {
        ApiResponse got = services.get(Service.REQUESTS, "/api/requests/" + id, officer.token());
        if (got.status() == 404) {
            return notFound(id.toString());
        }
        if (!got.ok()) {
            return failure(got);
        }
        ApiResponse history = services.get(Service.REQUESTS, "/api/requests/" + id + "/history", officer.token());
        JsonNode request = got.body();
        data.put("case", request);
        data.put("etag", got.etag() == null ? "" : got.etag());
        data.put("history", history.ok() ? list(history.body()) : List.of());
        data.put("content", latestContent(request));
        data.putIfAbsent("receipts", List.of());
        data.putIfAbsent("done", "");
        data.putIfAbsent("message", "");
        data.putIfAbsent("messageKind", "");
        data.putIfAbsent("formAction", "");
        data.putIfAbsent("formErrors", Map.of());
        data.putIfAbsent("formValues", Map.of());
        data.putIfAbsent("changes", List.of());
        data.put("forms", forms(request, "request", data));
        data.put("service", Service.REQUESTS.label());
        data.put("measures", list(request.path("measures")));
        data.put("actionBase", "/" + officer.realm() + "/requests/" + id);
        data.put("version", request.path("version").asText(""));
        data.put("mine", request.path("requestingState").asText().equals(officer.state()) ? "requesting"
                : request.path("requestedState").asText().equals(officer.state()) ? "requested" : "");
        data.put("transfers", transfersOf(id));
        return Response.status(status).entity(visit.page("request", officer, data)).build();
    }

    /** The States a case names as its parties: a third State (transit, onward use) is none of them. */
    private static final List<String> PARTIES = List.of("requestingState", "requestedState", "providingState", "receivingState");

    /**
     * The action forms: exactly the actions the service allows this officer now (none when it does not say), their State
     * fields offering what the registry lists, less the case's parties, and what the officer typed in the form sent.
     */
    @SuppressWarnings("unchecked")
    private List<ActionForms.Form> forms(JsonNode caseNode, String kind, Map<String, Object> data) {
        List<String> parties = PARTIES.stream().map(p -> caseNode.path(p).asText("")).filter(StateResource::notBlank).toList();
        String submitted = String.valueOf(data.get("formAction"));
        Map<String, String> typed = (Map<String, String>) data.get("formValues");
        List<ActionForms.Form> forms = new ArrayList<>();
        if (officer.readOnly()) {
            return forms;
        }
        for (JsonNode a : caseNode.path("allowedActions")) {
            String action = a.asText();
            ActionForms.Form form = switch (kind) {
                case "request" -> ActionForms.request(action).from(latestContent(caseNode));
                case "transfer" -> ActionForms.transfer(action);
                case "extradition" -> ActionForms.extradition(action, caseNode);
                case "spontaneous" -> ActionForms.spontaneous(action);
                default -> ActionForms.generic(action);
            };
            forms.add(states.fill(form, parties, action.equals(submitted) ? typed : Map.of()));
        }
        return forms;
    }

    /** The request's evidence transfers, where the evidence service lists them (GET /api/transfers?requestId=). */
    private List<JsonNode> transfersOf(UUID id) {
        try {
            ApiResponse transfers = services.get(Service.EVIDENCE, "/api/transfers?requestId=" + id, officer.token());
            if (transfers.ok() && transfers.body().path("items").isArray()) {
                return list(transfers.body().path("items"));
            }
            return transfers.ok() && transfers.body().isArray() ? list(transfers.body()) : List.of();
        } catch (Services.ServiceUnavailable e) {
            return List.of();
        }
    }

    private static JsonNode latestContent(JsonNode request) {
        JsonNode versions = request.path("contentVersions");
        return versions.isArray() && !versions.isEmpty() ? versions.get(versions.size() - 1) : json0();
    }

    private static JsonNode json0() {
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** One action on a request, sent with the If-Match of the case the officer saw. */
    @POST
    @Path("requests/{id}/{action: [a-z-]+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("realm") String realm, @PathParam("id") UUID id, @PathParam("action") String action,
                        MultivaluedMap<String, String> form) {
        visit.checkCsrf(form.getFirst(Csrf.FIELD));
        return transition(Service.REQUESTS, "/api/requests/" + id, action, ActionForms.request(action), form,
                "/" + realm + "/requests/" + id, () -> requestPageData(id));
    }

    private JsonNode requestPageData(UUID id) {
        return services.get(Service.REQUESTS, "/api/requests/" + id, officer.token()).body();
    }

    /**
     * Sends a transition and answers as the officer needs: the case again with its receipts (done), "this
     * case changed" with what changed (412), "not allowed now" (409), field errors in place with what was
     * typed kept (400/422), "does not exist" (404).
     */
    Response transition(Service service, String casePath, String action, ActionForms.Form form,
                        MultivaluedMap<String, String> submitted, String pagePath, java.util.function.Supplier<JsonNode> current) {
        if (submitted.containsKey("update")) {
            // "Add a row": the form again with what was typed and one more empty row; nothing is sent
            return rerender(service, casePath, action, submitted, Map.of(), "", "update");
        }
        String ifMatch = submitted.getFirst("etag");
        JsonNode base = current.get();
        ObjectNode body;
        try {
            body = ActionForms.body(form, submitted, base, json);
        } catch (IllegalArgumentException e) {
            return rerender(service, casePath, action, submitted, Map.of("body", e.getMessage()), "", "");
        }
        ApiResponse result = services.post(service, casePath + "/" + action, officer.token(), ifMatch, body);
        if (result.ok()) {
            return Response.seeOther(URI.create(pagePath + "?done=" + action + "&r=" + Receipts.encode(result.receipts(), json))).build();
        }
        return switch (result.status()) {
            case 404 -> notFound(casePath.substring(casePath.lastIndexOf('/') + 1));
            case 412 -> rerender(service, casePath, action, submitted, Map.of(), visit.text("stale"), "stale");
            case 428 -> rerender(service, casePath, action, submitted, Map.of(), visit.text("preconditionRequired"), "error");
            case 409 -> rerender(service, casePath, action, submitted, Map.of(), visit.text("notAllowedNow") + " " + result.problemDetail(), "error");
            case 400, 422 -> rerender(service, casePath, action, submitted,
                    ActionForms.onFields(form, normalise(result.fieldErrors()), submitted), result.problemDetail(), "error");
            // the change was on this case: its page shows whether it was kept
            default -> failure(result, id -> pagePath);
        };
    }

    private Response rerender(Service service, String casePath, String action, MultivaluedMap<String, String> submitted,
                              Map<String, String> errors, String message, String kind) {
        Map<String, Object> data = new HashMap<>();
        data.put("formAction", action);
        data.put("formErrors", errors);
        data.put("formValues", joined(submitted));
        data.put("message", message);
        data.put("messageKind", kind);
        String id = casePath.substring(casePath.lastIndexOf('/') + 1);
        if ("stale".equals(kind)) {
            data.put("changes", changesSince(service, casePath, submitted.getFirst("version")));
        }
        int status = "update".equals(kind) ? 200 : "stale".equals(kind) ? 412 : errors.isEmpty() ? 409 : 422;
        return switch (service) {
            case REQUESTS -> casePath.startsWith(SpontaneousPages.API)
                    ? SpontaneousPages.casePage(this, officer.realm(), UUID.fromString(id), data, status)
                    : requestPage(UUID.fromString(id), data, status);
            case EVIDENCE -> evidencePages().transferPage(UUID.fromString(id), data, status);
            case EXTRADITION -> extraditionPage(UUID.fromString(id), data, status);
        };
    }

    /** The events recorded since the version the officer saw: "here is what changed". */
    private List<JsonNode> changesSince(Service service, String casePath, String version) {
        long seen = version != null && version.matches("\\d{1,9}") ? Long.parseLong(version) : 0;
        String historyPath = service == Service.EVIDENCE ? null : casePath + "/history";
        if (historyPath == null) {
            return List.of();
        }
        ApiResponse history = services.get(service, historyPath, officer.token());
        List<JsonNode> newer = new ArrayList<>();
        for (JsonNode e : history.body()) {
            if (e.path("caseseq").asLong() > seen) {
                newer.add(e);
            }
        }
        return newer;
    }

    /** API field paths ("content.measures[0].kind") as the form names them ("content.measures.0.kind"). */
    static Map<String, String> normalise(Map<String, String> errors) {
        Map<String, String> out = new LinkedHashMap<>();
        errors.forEach((k, v) -> out.merge(k.replaceAll("\\[(\\d+)]", ".$1"), v, (a, b) -> a + "; " + b));
        return out;
    }

    // ------------------------------------------------------------------------------------------
    // Composer
    // ------------------------------------------------------------------------------------------

    @GET
    @Path("requests/new")
    public TemplateInstance composer() {
        return composerPage(Map.of("content.language", visit.lang(), "content.measures.0.kind", "", "urgent", ""), Map.of(), "");
    }

    private TemplateInstance composerPage(Map<String, String> values, Map<String, String> errors, String message) {
        Map<String, Object> data = new HashMap<>();
        data.put("v", values);
        data.put("errors", errors);
        data.put("message", message);
        data.put("measureKinds", Composer.MEASURE_KINDS);
        data.put("categories", Composer.CATEGORIES);
        data.put("natures", Composer.NATURES);
        data.put("measureRows", Composer.measureRows(values, errors));
        data.put("personRows", Composer.personRows(values));
        data.put("personOptions", Composer.personOptions(values));
        // the States with which the Convention is in force for the officer's State today, as the registry says
        data.put("states", states.offer(StateChoices.IN_FORCE, List.of(), values.get("requestedState")));
        return visit.page("compose", officer, data);
    }

    /**
     * Submits the composed request; or, without JavaScript, shows the form again with what was typed: "Update the
     * form" (a measure's kind changed, a measure or person added), or a kind picked without updating (its fields
     * are shown before anything is sent).
     */
    @POST
    @Path("requests")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("realm") String realm, MultivaluedMap<String, String> form) {
        visit.checkCsrf(form.getFirst(Csrf.FIELD));
        Map<String, String> values = joined(form);
        values.remove(Csrf.FIELD);
        if (form.containsKey("update")) {
            values.remove("update");
            return Response.ok(composerPage(values, Map.of(), "")).build();
        }
        List<Integer> changed = Composer.kindsChanged(values);
        if (!changed.isEmpty()) {
            Map<String, String> errors = new LinkedHashMap<>();
            changed.forEach(i -> errors.put("content.measures." + i + ".kind", visit.text("kindFieldsShown")));
            return Response.status(422).entity(composerPage(values, errors, visit.text("kindChanged"))).build();
        }
        ObjectNode body = Composer.submission(values, json);
        ApiResponse result = services.post(Service.REQUESTS, "/api/requests", officer.token(), null, body);
        if (result.ok()) {
            return created(result, "/" + realm + "/requests/", "submit");
        }
        if (result.status() == 400 || result.status() == 422 || result.status() == 409) {
            Map<String, String> errors = Composer.onFields(normalise(result.fieldErrors()), values);
            return Response.status(422).entity(composerPage(values, errors, result.problemDetail())).build();
        }
        return failure(result, id -> "/" + realm + "/requests/" + id);
    }

    // ------------------------------------------------------------------------------------------
    // Extradition (status, clock, timeline, the allowed actions)
    // ------------------------------------------------------------------------------------------

    @GET
    @Path("extraditions/{id}")
    public Response extradition(@PathParam("id") UUID id, @QueryParam("r") String receipts, @QueryParam("done") String done) {
        Map<String, Object> data = new HashMap<>();
        data.put("receipts", Receipts.decode(receipts, json));
        data.put("done", done == null ? "" : done);
        return extraditionPage(id, data, 200);
    }

    Response extraditionPage(UUID id, Map<String, Object> data, int status) {
        return casePage("extradition", Service.EXTRADITION, "/api/extraditions/" + id, "/" + officer.realm() + "/extraditions/" + id,
                "extradition", data, status);
    }

    /**
     * A case page as every kind of case has it: the case, its ETag and version, its timeline, the forms of the actions
     * the service allows this officer now, and what a form shown again brings ({@link #rerender}); "does not exist"
     * for a case the officer's State is no party to.
     */
    Response casePage(String template, Service service, String casePath, String actionBase, String kind, Map<String, Object> data,
                      int status) {
        ApiResponse got = services.get(service, casePath, officer.token());
        if (got.status() == 404) {
            return notFound(casePath.substring(casePath.lastIndexOf('/') + 1));
        }
        if (!got.ok()) {
            return failure(got);
        }
        ApiResponse history = services.get(service, casePath + "/history", officer.token());
        data.put("case", got.body());
        data.put("etag", got.etag() == null ? "" : got.etag());
        data.put("history", history.ok() ? list(history.body()) : List.of());
        data.putIfAbsent("receipts", List.of());
        data.putIfAbsent("done", "");
        data.putIfAbsent("message", "");
        data.putIfAbsent("messageKind", "");
        data.putIfAbsent("formAction", "");
        data.putIfAbsent("formErrors", Map.of());
        data.putIfAbsent("formValues", Map.of());
        data.putIfAbsent("changes", List.of());
        data.put("service", service.label());
        data.putIfAbsent("measures", List.of());
        data.put("forms", forms(got.body(), kind, data));
        data.put("actionBase", actionBase);
        data.put("version", got.body().path("version").asText(""));
        return Response.status(status).entity(visit.page(template, officer, data)).build();
    }

    @POST
    @Path("extraditions/{id}/{action: [a-z-]+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response actOnExtradition(@PathParam("realm") String realm, @PathParam("id") UUID id, @PathParam("action") String action,
                                     MultivaluedMap<String, String> form) {
        visit.checkCsrf(form.getFirst(Csrf.FIELD));
        return transition(Service.EXTRADITION, "/api/extraditions/" + id, action, ActionForms.extradition(action), form,
                "/" + realm + "/extraditions/" + id,
                () -> services.get(Service.EXTRADITION, "/api/extraditions/" + id, officer.token()).body());
    }

    // ------------------------------------------------------------------------------------------
    // Receipts: prove an event's inclusion in the service's signed log
    // ------------------------------------------------------------------------------------------

    @GET
    @Path("proof/{service: [a-z-]+}/{eventId}")
    public Response proof(@PathParam("service") String service, @PathParam("eventId") UUID eventId, @QueryParam("hash") String hash) {
        Service svc;
        try {
            svc = Service.byLabel(service);
        } catch (IllegalArgumentException e) {
            return notFound(service);
        }
        ApiResponse proof = services.get(svc, "/api/audit/events/" + eventId + "/proof", officer.token());
        Map<String, Object> data = new HashMap<>();
        data.put("service", svc.label());
        data.put("eventId", eventId.toString());
        data.put("hash", hash == null ? "" : hash);
        data.put("proof", proof.body());
        data.put("status", proof.status());
        data.put("problem", proof.ok() ? "" : proof.problemDetail());
        String proven = proof.body().path("eventHash").asText(proof.body().path("hash").asText(""));
        boolean hashMatches = proof.ok() && !proven.isEmpty() && (hash == null || hash.isBlank() || hash.equals(proven));
        data.put("hashMatches", hashMatches);
        return Response.status(proof.ok() ? 200 : proof.status() == 404 ? 404 : 200).entity(visit.page("proof", officer, data)).build();
    }

    // ------------------------------------------------------------------------------------------

    private EvidencePages evidencePages() {
        return io.quarkus.arc.Arc.container().instance(EvidencePages.class).get();
    }

    Response notFound(String what) {
        return Response.status(404).entity(visit.page("missing", officer, Map.of("what", what))).build();
    }

    Response failure(ApiResponse result) {
        return failure(result, id -> "");
    }

    /**
     * The service's problem, and when its outcome is unknown the cases the change may have been kept in, each
     * linked to its page ({@code pageOf}; "" for none) so the officer looks before trying again.
     */
    Response failure(ApiResponse result, java.util.function.UnaryOperator<String> pageOf) {
        List<Map<String, String>> maybeKept = result.maybeKeptIn().stream()
                .map(id -> Map.of("id", id, "href", pageOf.apply(id))).toList();
        return Response.status(result.status() >= 500 ? 502 : result.status())
                .entity(visit.page("failure", officer, Map.of("status", result.status(), "detail", result.problemDetail(),
                        "maybeKept", maybeKept))).build();
    }

    /** After a creation: the page of the case it made, with what was done and its write receipts (post/redirect/get). */
    Response created(ApiResponse result, String pagesPath, String done) {
        String id = createdId(result, result.changedCase().path("id").asText());
        return Response.seeOther(URI.create(pagesPath + id + "?done=" + done + "&r=" + Receipts.encode(result.receipts(), json))).build();
    }

    /** The id of what a creation made: the last segment of its Location, else what the body says. */
    static String createdId(ApiResponse result, String fromBody) {
        String location = result.location();
        if (location != null && location.matches(".*/[0-9a-fA-F-]{36}/?$")) {
            String trimmed = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
            return trimmed.substring(trimmed.lastIndexOf('/') + 1);
        }
        return fromBody;
    }

    /** A submitted form's values by name: several values of one field (ticked choices) joined by line breaks, as lines typed. */
    static Map<String, String> joined(MultivaluedMap<String, String> form) {
        Map<String, String> values = new HashMap<>();
        form.forEach((k, v) -> values.put(k, String.join("\n", v)));
        return values;
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
