package org.mlaexchange.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlaexchange.console.api.ApiResponse;
import org.mlaexchange.console.api.Service;
import org.mlaexchange.console.api.Services;

/**
 * The States an officer may pick in a form, as the request service's registry answers ({@code GET /api/states}, with
 * the officer's own token): the console keeps no list of States and applies none of the Convention's rules. Asked at
 * most once per list and page (request scope); when the service does not answer, the lists are empty and the page
 * says so ({@link Visit#statesUnavailable()}).
 */
@RequestScoped
public class StateChoices {

    /** The text prefix of a State's label in a choice: the State's name and code, set per page ({@link Visit#addTexts}). */
    public static final String LABELS = "stateChoice";
    /** A State field's choices, filled when the form is shown: the States with which the Convention is in force for the officer's State today. */
    public static final List<String> IN_FORCE = List.of("@in-force");
    /** A State field's choices, filled when the form is shown: every State of the registry (a counterpart in figures, a third State). */
    public static final List<String> REGISTRY = List.of("@registry");

    private final Services services;
    private final Officer officer;
    private final Visit visit;
    private final Map<List<String>, List<String>> loaded = new LinkedHashMap<>();

    public StateChoices(Services services, Officer officer, Visit visit) {
        this.services = services;
        this.officer = officer;
        this.visit = visit;
    }

    /**
     * The codes a State field offers: the list the marker names, less the officer's own State and {@code parties} (the
     * case's own States, where a third State is asked for); what the officer typed is kept even when the list no longer
     * has it (the list could not be read, or changed since), for the service to judge.
     */
    public List<String> offer(List<String> marker, Collection<String> parties, String typed) {
        List<String> codes = new ArrayList<>(loaded.computeIfAbsent(marker, this::load));
        codes.removeIf(c -> c.equals(officer.state()) || parties.contains(c));
        if (typed != null && !typed.isBlank() && !codes.contains(typed) && !typed.equals(officer.state())) {
            codes.add(typed);
        }
        return List.copyOf(codes);
    }

    /** A form with the choices of its State fields (see {@link ActionForms.Form#withStates}). */
    public ActionForms.Form fill(ActionForms.Form form, Collection<String> parties, Map<String, String> typed) {
        return form.withStates((field, marker) -> offer(marker, parties, typed.get(field.name())));
    }

    private List<String> load(List<String> marker) {
        boolean inForce = marker.equals(IN_FORCE);
        if (inForce && !officer.state().matches("[A-Z]{2}")) {
            return List.of(); // the oversight body asks no State
        }
        ApiResponse answer;
        try {
            answer = services.get(Service.REQUESTS, "/api/states" + (inForce ? "?inForceWith=" + officer.state() : ""), officer.token());
        } catch (Services.ServiceUnavailable e) {
            answer = null;
        }
        if (answer == null || !answer.ok() || !answer.body().path("states").isArray()) {
            visit.statesUnavailable();
            return List.of();
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode state : answer.body().path("states")) {
            String code = state.path("code").asText("");
            if (!code.isEmpty()) {
                names.put(code, state.path("name").asText(code));
            }
        }
        List<String> codes = List.copyOf(names.keySet());
        if (inForce && codes.stream().allMatch(c -> c.equals(officer.state()))) {
            visit.noStateInForce();
        }
        visit.addTexts(labels(names, visit::text));
        return codes;
    }

    /**
     * The labels of States in a choice, by text key: the console's name of the State in the page's language where its
     * texts have one, else the registry's name; always with the code.
     */
    static Map<String, String> labels(Map<String, String> registryNames, java.util.function.UnaryOperator<String> text) {
        Map<String, String> labels = new LinkedHashMap<>();
        registryNames.forEach((code, name) -> {
            String own = text.apply("state." + code);
            labels.put(LABELS + "." + code, (own.equals("state." + code) ? name : own) + " (" + code + ")");
        });
        return labels;
    }
}
