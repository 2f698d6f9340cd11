package org.mlaexchange.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mlaexchange.console.api.ApiResponse;
import org.mlaexchange.console.api.Service;
import org.mlaexchange.console.api.Services;

/**
 * Evidence: transfers and their items, content uploaded with the browser's own SHA-256 and downloaded
 * with the browser's own digest, receipts and the chain of custody.
 */
@Path("/{realm: nl|ar|sn|oversight}")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class EvidencePages {

    static final List<String> ITEM_KINDS = List.of("STATEMENT_OR_TESTIMONY_RECORD", "DOCUMENT", "FINANCIAL_RECORD",
            "EXAMINATION_REPORT", "EXPERT_EVALUATION", "AUDIO_VIDEO_RECORDING", "DIGITAL_DATA", "PHYSICAL_OBJECT");
    static final List<String> USE_PURPOSES = List.of("OTHER_PROCEEDINGS", "ONWARD_TRANSFER");

    private final Services services;
    private final Officer officer;
    private final Visit visit;
    private final ObjectMapper json;
    private final StateResource pages;
    private final StateChoices states;

    public EvidencePages(Services services, Officer officer, Visit visit, ObjectMapper json, StateResource pages, StateChoices states) {
        this.states = states;
        this.services = services;
        this.officer = officer;
        this.visit = visit;
        this.json = json;
        this.pages = pages;
    }

    /** The providing State opens a transfer for a request it executes. */
    @POST
    @Path("requests/{id}/transfers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(@PathParam("realm") String realm, @PathParam("id") UUID requestId, MultivaluedMap<String, String> form) {
        visit.checkCsrf(form.getFirst(Csrf.FIELD));
        ObjectNode body = json.createObjectNode().put("requestId", requestId.toString());
        String note = form.getFirst("note");
        if (note != null && !note.isBlank()) {
            body.put("note", note.strip());
        }
        ApiResponse result = services.post(Service.EVIDENCE, "/api/transfers", officer.token(), null, body);
        if (result.ok()) {
            return pages.created(result, "/" + realm + "/transfers/", "open");
        }
        if (result.status() == 404) {
            return pages.notFound(requestId.toString());
        }
        return pages.failure(result);
    }

    /** Finds a transfer by the id the providing State gave (no list of a request's transfers yet). */
    @GET
    @Path("transfers")
    public Response lookup(@PathParam("realm") String realm, @QueryParam("id") String id) {
        try {
            return Response.seeOther(URI.create("/" + realm + "/transfers/" + UUID.fromString(id == null ? "" : id.strip()))).build();
        } catch (IllegalArgumentException e) {
            return pages.notFound(id == null ? "" : id);
        }
    }

    @GET
    @Path("transfers/{id}")
    public Response transfer(@PathParam("id") UUID id, @QueryParam("r") String receipts, @QueryParam("done") String done) {
        Map<String, Object> data = new HashMap<>();
        data.put("receipts", Receipts.decode(receipts, json));
        data.put("done", done == null ? "" : done);
        return transferPage(id, data, 200);
    }

    Response transferPage(UUID id, Map<String, Object> data, int status) {
        ApiResponse got = services.get(Service.EVIDENCE, "/api/transfers/" + id, officer.token());
        if (got.status() == 404) {
            return pages.notFound(id.toString());
        }
        if (!got.ok()) {
            return pages.failure(got);
        }
        // the transfer itself (with its items), or the older {"transfer", "items"} shape
        JsonNode transfer = got.body().has("transfer") ? got.body().path("transfer") : got.body();
        data.put("transfer", transfer);
        data.put("items", StateResource.list(got.body().path("items")));
        data.put("etag", got.etag() == null ? "" : got.etag());
        List<ActionForms.Form> forms = new java.util.ArrayList<>();
        if (!officer.readOnly()) {
            JsonNode allowed = transfer.path("allowedActions").isMissingNode() ? got.body().path("allowedActions") : transfer.path("allowedActions");
            allowed.forEach(a -> forms.add(ActionForms.transfer(a.asText())));
        }
        data.put("forms", forms);
        data.put("itemKinds", ITEM_KINDS);
        data.putIfAbsent("registerErrors", Map.of());
        data.putIfAbsent("registerValues", Map.of());
        data.putIfAbsent("receipts", List.of());
        data.putIfAbsent("done", "");
        data.putIfAbsent("message", "");
        data.putIfAbsent("messageKind", "");
        data.putIfAbsent("formAction", "");
        data.putIfAbsent("formErrors", Map.of());
        data.putIfAbsent("formValues", Map.of());
        data.putIfAbsent("changes", List.of());
        data.put("service", Service.EVIDENCE.label());
        data.put("measures", List.of());
        data.put("actionBase", "/" + officer.realm() + "/transfers/" + id);
        data.put("version", transfer.path("version").asText(""));
        return Response.status(status).entity(visit.page("transfer", officer, data)).build();
    }

    @POST
    @Path("transfers/{id}/items")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@PathParam("realm") String realm, @PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        visit.checkCsrf(form.getFirst(Csrf.FIELD));
        ObjectNode body = json.createObjectNode();
        putText(body, "kind", form.getFirst("kind"));
        putText(body, "description", form.getFirst("description"));
        putText(body, "mediaType", form.getFirst("mediaType"));
        putText(body, "measureId", form.getFirst("measureId"));
        putText(body, "legalBasis", form.getFirst("legalBasis"));
        ObjectNode provenance = body.putObject("provenance");
        putText(provenance, "method", form.getFirst("provenance.method"));
        putText(provenance, "obtainedOn", form.getFirst("provenance.obtainedOn"));
        putText(provenance, "place", form.getFirst("provenance.place"));
        putText(provenance, "obtainedBy", form.getFirst("provenance.obtainedBy"));
        ObjectNode conditions = body.putObject("conditions");
        var limits = conditions.putArray("useLimits");
        String useLimits = form.getFirst("conditions.useLimits");
        if (useLimits != null) {
            useLimits.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(limits::add);
        }
        conditions.put("confidential", "true".equals(form.getFirst("conditions.confidential")));
        conditions.put("returnRequired", "true".equals(form.getFirst("conditions.returnRequired")));
        ApiResponse result = services.post(Service.EVIDENCE, "/api/transfers/" + id + "/items", officer.token(), null, body);
        if (result.ok()) {
            String itemId = StateResource.createdId(result, result.body().path("items").path(0).path("id").asText());
            return Response.seeOther(URI.create("/" + realm + "/items/" + itemId + "?done=register&r=" + Receipts.encode(result.receipts(), json))).build();
        }
        if (result.status() == 400 || result.status() == 422 || result.status() == 409) {
            Map<String, Object> data = new HashMap<>();
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            // the service names the body's fields under "metadata."
            StateResource.normalise(result.fieldErrors()).forEach((k, v) -> errors.put(k.replaceFirst("^metadata\\.", ""), v));
            data.put("registerErrors", errors);
            Map<String, String> values = new HashMap<>();
            form.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
            data.put("registerValues", values);
            data.put("message", result.problemDetail());
            data.put("messageKind", "error");
            return transferPage(id, data, 422);
        }
        return result.status() == 404 ? pages.notFound(id.toString()) : pages.failure(result);
    }

    @POST
    @Path("transfers/{id}/{action: [a-z-]+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response actOnTransfer(@PathParam("realm") String realm, @PathParam("id") UUID id, @PathParam("action") String action,
                                  MultivaluedMap<String, String> form) {
        visit.checkCsrf(form.getFirst(Csrf.FIELD));
        return pages.transition(Service.EVIDENCE, "/api/transfers/" + id, action, ActionForms.transfer(action), form,
                "/" + realm + "/transfers/" + id,
                () -> {
                    JsonNode body = services.get(Service.EVIDENCE, "/api/transfers/" + id, officer.token()).body();
                    return body.has("transfer") ? body.path("transfer") : body;
                });
    }

    @GET
    @Path("items/{id}")
    public Response item(@PathParam("id") UUID id, @QueryParam("r") String receipts, @QueryParam("done") String done) {
        Map<String, Object> data = new HashMap<>();
        data.put("receipts", Receipts.decode(receipts, json));
        data.put("done", done == null ? "" : done);
        return itemPage(id, data, 200);
    }

    Response itemPage(UUID id, Map<String, Object> data, int status) {
        ApiResponse got = services.get(Service.EVIDENCE, "/api/items/" + id, officer.token());
        if (got.status() == 404) {
            return pages.notFound(id.toString());
        }
        if (!got.ok()) {
            return pages.failure(got);
        }
        ApiResponse custody = services.get(Service.EVIDENCE, "/api/items/" + id + "/custody", officer.token());
        JsonNode item = got.body();
        data.put("item", item);
        data.put("etag", got.etag() == null ? "" : got.etag());
        data.put("custody", custody.ok() ? StateResource.list(custody.body()) : List.of());
        List<String> allowed = new java.util.ArrayList<>();
        if (!officer.readOnly()) {
            item.path("allowedActions").forEach(a -> allowed.add(a.asText()));
        }
        data.put("allowed", allowed);
        data.put("usePurposes", USE_PURPOSES);
        data.put("consentDecisions", List.of("GRANTED", "GRANTED_WITH_CONDITIONS", "DENIED"));
        data.putIfAbsent("changes", List.of());
        data.putIfAbsent("receipts", List.of());
        data.putIfAbsent("done", "");
        data.putIfAbsent("message", "");
        data.putIfAbsent("messageKind", "");
        data.putIfAbsent("formErrors", Map.of());
        data.putIfAbsent("formValues", Map.of());
        // a third State for another use or onward transfer: any State of the registry but the item's two
        data.put("thirdStates", allowed.contains("use-consents")
                ? states.offer(StateChoices.REGISTRY, List.of(item.path("providingState").asText(""), item.path("receivingState").asText("")),
                        java.util.Objects.toString(((Map<?, ?>) data.get("formValues")).get("thirdState"), null))
                : List.of());
        data.put("service", Service.EVIDENCE.label());
        return Response.status(status).entity(visit.page("item", officer, data)).build();
    }

    /** The receiving State's receipt: its own digest of what arrived (computed by the browser, or typed). */
    @POST
    @Path("items/{id}/receipt")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response receipt(@PathParam("realm") String realm, @PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        visit.checkCsrf(form.getFirst(Csrf.FIELD));
        ObjectNode body = json.createObjectNode();
        putText(body, "sha256", form.getFirst("sha256"));
        putText(body, "sealNumber", form.getFirst("sealNumber"));
        putText(body, "note", form.getFirst("note"));
        return itemWrite(realm, id, "receipt", body, form);
    }

    @POST
    @Path("items/{id}/use-consents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response useConsent(@PathParam("realm") String realm, @PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        visit.checkCsrf(form.getFirst(Csrf.FIELD));
        ObjectNode body = json.createObjectNode();
        putText(body, "purpose", form.getFirst("purpose"));
        putText(body, "thirdState", form.getFirst("thirdState"));
        putText(body, "description", form.getFirst("description"));
        return itemWrite(realm, id, "use-consents", body, form);
    }

    /** The providing State decides on a use consent (another use, or onward transfer, of its evidence). */
    @POST
    @Path("use-consents/{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decideUseConsent(@PathParam("realm") String realm, @PathParam("id") UUID consentId,
                                     MultivaluedMap<String, String> form) {
        visit.checkCsrf(form.getFirst(Csrf.FIELD));
        UUID itemId;
        try {
            itemId = UUID.fromString(String.valueOf(form.getFirst("item")));
        } catch (IllegalArgumentException e) {
            return pages.notFound(consentId.toString());
        }
        ObjectNode body = json.createObjectNode();
        putText(body, "decision", form.getFirst("decision"));
        putText(body, "reasons", form.getFirst("reasons"));
        var conditions = body.putArray("conditions");
        String lines = form.getFirst("conditions");
        if (lines != null) {
            lines.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(conditions::add);
        }
        ApiResponse result = services.post(Service.EVIDENCE, "/api/use-consents/" + consentId + "/decision", officer.token(),
                form.getFirst("etag"), body);
        if (result.ok()) {
            return Response.seeOther(URI.create("/" + realm + "/items/" + itemId + "?done=decision&r=" + Receipts.encode(result.receipts(), json))).build();
        }
        Map<String, Object> data = new HashMap<>();
        data.put("message", result.status() == 412 ? visit.text("stale") : result.problemDetail());
        data.put("messageKind", result.status() == 412 ? "stale" : "error");
        return result.status() == 404 ? pages.notFound(consentId.toString()) : itemPage(itemId, data, result.status() >= 500 ? 502 : result.status());
    }

    private Response itemWrite(String realm, UUID id, String action, ObjectNode body, MultivaluedMap<String, String> form) {
        ApiResponse result = services.post(Service.EVIDENCE, "/api/items/" + id + "/" + action, officer.token(), form.getFirst("etag"), body);
        if (result.ok()) {
            return Response.seeOther(URI.create("/" + realm + "/items/" + id + "?done=" + action + "&r=" + Receipts.encode(result.receipts(), json))).build();
        }
        if (result.status() == 404) {
            return pages.notFound(id.toString());
        }
        Map<String, Object> data = new HashMap<>();
        data.put("formErrors", StateResource.normalise(result.fieldErrors()));
        Map<String, String> values = new HashMap<>();
        form.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
        data.put("formValues", values);
        data.put("message", result.status() == 412 ? visit.text("stale") : result.problemDetail());
        data.put("messageKind", result.status() == 412 ? "stale" : "error");
        return itemPage(id, data, result.status() >= 500 ? 502 : result.status());
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value.strip());
        }
    }
}
