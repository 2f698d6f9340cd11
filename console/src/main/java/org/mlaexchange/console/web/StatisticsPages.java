package org.mlaexchange.console.web;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.mlaexchange.console.api.ApiResponse;
import org.mlaexchange.console.api.Service;
import org.mlaexchange.console.api.Services;

/**
 * The figures of the three services ({@code GET /api/statistics}) over the officer's State's cases, for a period and
 * a counterpart: bar charts drawn on the server (inline SVG, no script, nothing inline the CSP forbids) with every
 * number also in a table, and each service's CSV export downloaded through the console with the officer's token.
 */
@Path("/{realm: nl|ar|sn|oversight}")
@Blocking
public class StatisticsPages {

    private final Services services;
    private final Officer officer;
    private final Visit visit;
    private final StateChoices states;

    public StatisticsPages(Services services, Officer officer, Visit visit, StateChoices states) {
        this.states = states;
        this.services = services;
        this.officer = officer;
        this.visit = visit;
    }

    /** One service's answer on the page: its figures as charts, or what it said was wrong. */
    @io.quarkus.qute.TemplateData
    public record Section(String service, com.fasterxml.jackson.databind.JsonNode figures, List<Figures.Chart> charts, String problem) {
    }

    @GET
    @Path("statistics")
    @Produces(MediaType.TEXT_HTML)
    public Response statistics(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("counterpart") String counterpart) {
        String query = query(from, to, counterpart);
        String token = officer.token();
        // the three services at once: the page waits for the slowest, not for the sum
        Map<Service, CompletableFuture<ApiResponse>> pending = new LinkedHashMap<>();
        for (Service s : Service.values()) {
            pending.put(s, CompletableFuture.supplyAsync(() -> services.get(s, "/api/statistics" + query, token)));
        }
        List<Section> sections = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        pending.forEach((service, answer) -> {
            ApiResponse r;
            try {
                r = answer.join();
            } catch (java.util.concurrent.CompletionException e) {
                sections.add(new Section(service.label(), null, List.of(), visit.text("serviceUnavailable") + " " + service.label()));
                return;
            }
            if (r.ok()) {
                sections.add(new Section(service.label(), r.body(), Figures.charts(r.body()), ""));
            } else {
                // the filter's fields are the same for every service: each error once, beside its field
                StateResource.normalise(r.fieldErrors()).forEach(errors::putIfAbsent);
                sections.add(new Section(service.label(), null, List.of(), problem(r, visit::text, service.label())));
            }
        });
        Map<String, Object> data = new HashMap<>();
        Map<String, String> filter = new HashMap<>();
        filter.put("from", from == null ? "" : from);
        filter.put("to", to == null ? "" : to);
        filter.put("counterpart", counterpart == null ? "" : counterpart);
        data.put("filter", filter);
        data.put("states", states.offer(StateChoices.REGISTRY, List.of(), counterpart));
        data.put("errors", errors);
        data.put("sections", sections);
        data.put("query", query);
        int status = errors.isEmpty() ? 200 : 422;
        return Response.status(status).entity(visit.page("statistics", officer, data)).build();
    }

    /** What a section says when its service gave no figures: in the officer's language when the figures are not ready yet. */
    static String problem(ApiResponse answer, UnaryOperator<String> text, String service) {
        return answer.figuresNotReady() ? text.apply("statisticsFolding") + " " + service : answer.problemDetail();
    }

    /** A service's figures as CSV ({@code Accept: text/csv}), downloaded through the console with the officer's token. */
    @GET
    @Path("statistics/{service: [a-z-]+}.csv")
    public Response csv(@PathParam("service") String service, @QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("counterpart") String counterpart) {
        Service svc;
        try {
            svc = Service.byLabel(service);
        } catch (IllegalArgumentException e) {
            return Response.status(404).type(MediaType.TEXT_PLAIN).entity("no such service").build();
        }
        Services.Download csv = services.download(svc, "/api/statistics" + query(from, to, counterpart), officer.token(), "text/csv");
        if (csv.status() != 200) {
            return Response.status(csv.status() >= 500 ? 502 : csv.status()).type(MediaType.TEXT_PLAIN)
                    .entity(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8)).build();
        }
        return Response.ok(csv.body(), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"statistics-" + officer.realm() + "-" + svc.label() + ".csv\"").build();
    }

    /** The filter as the services take it (they check it: a bad date or State comes back as a field error). */
    static String query(String from, String to, String counterpart) {
        StringBuilder q = new StringBuilder();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("from", from);
        params.put("to", to);
        params.put("counterpart", counterpart);
        params.forEach((k, v) -> {
            if (StateResource.notBlank(v)) {
                q.append(q.length() == 0 ? '?' : '&').append(k).append('=').append(Extensions.urlEncode(v.strip()));
            }
        });
        return q.toString();
    }
}
