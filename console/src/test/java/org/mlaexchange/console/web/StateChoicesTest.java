package org.mlaexchange.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlaexchange.console.api.Services;
import org.mlaexchange.console.i18n.Texts;

/**
 * The States the console offers are the request service's answer to {@code GET /api/states}, asked with the officer's
 * own token: here a stand-in request service on a local port answers as the registry would (what the registry answers
 * for a State and a day is proven against the real service in request-service's LegalBasisTest). DE is a State the
 * console never listed itself; BE, not in force, is not in the answer and so never offered.
 */
@QuarkusTest
class StateChoicesTest {

    private static final String TOKEN = "nl-officers-own-access-token";
    private static final String CSRF = "csrf-token-of-this-visit-0123456789";
    private static final String IN_FORCE_WITH_NL = """
            {"version": "test", "annexes": [], "states": [
              {"code": "AR", "name": "Argentine Republic"},
              {"code": "DE", "name": "Federal Republic of Germany"},
              {"code": "NL", "name": "Kingdom of the Netherlands"}]}""";
    private static final String REGISTRY = """
            {"version": "test", "annexes": [], "states": [
              {"code": "NL", "name": "Kingdom of the Netherlands"}, {"code": "AR", "name": "Argentine Republic"},
              {"code": "SN", "name": "Republic of Senegal"}, {"code": "BE", "name": "Kingdom of Belgium"}]}""";

    @Inject
    Engine engine;

    @Inject
    Texts texts;

    private HttpServer requestService;
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    @BeforeEach
    void startTheStandIn() throws IOException {
        requestService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        requestService.createContext("/api/states", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            asked.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + query);
            byte[] body = (status != 200 ? "{\"title\": \"Service Unavailable\", \"status\": 503}"
                    : "inForceWith=NL".equals(query) ? IN_FORCE_WITH_NL : REGISTRY).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status != 200 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        requestService.start();
    }

    @AfterEach
    void stopTheStandIn() {
        requestService.stop(0);
    }

    private record Visitor(StateChoices choices, Visit visit, StateResource pages) {
    }

    /** One page's beans, as one HTTP exchange of NL's officer has them, the request service at {@code url}. */
    private Visitor nlOfficer(String lang, String url) {
        Services services = new Services(new ObjectMapper(), url, url, url, Duration.ofSeconds(5));
        Officer officer = new Officer(QuarkusSecurityIdentity.builder().setPrincipal(() -> "officer").addRole("central-authority")
                .addAttribute("tenant-id", "nl").addCredential(new AccessTokenCredential(TOKEN)).build());
        Visit visit = new Visit(engine, texts);
        visit.begin(lang, CSRF, false, "/nl/requests/new");
        StateChoices choices = new StateChoices(services, officer, visit);
        return new Visitor(choices, visit, new StateResource(services, officer, visit, new ObjectMapper(), choices));
    }

    private String standIn() {
        return "http://127.0.0.1:" + requestService.getAddress().getPort();
    }

    @Test
    void theComposerOffersTheStatesTheRegistryHasInForceWithTheOfficersState() {
        Visitor nl = nlOfficer("en", standIn());
        String html = nl.pages().composer().render();
        assertEquals(List.of("Bearer " + TOKEN + " inForceWith=NL"), asked, "asked once, as the officer, for NL's counterparts today");
        assertTrue(html.contains("<option value=\"AR\" >Argentina (AR)</option>"), html);
        assertTrue(html.contains("<option value=\"DE\" >Federal Republic of Germany (DE)</option>"), "a State the console never listed, by its registry name");
        assertFalse(html.contains("<option value=\"NL\""), "never the officer's own State, even if the answer names it");
        assertFalse(html.contains("<option value=\"SN\""), "a State the answer does not name is not offered");
        assertFalse(html.contains("id=\"states-unavailable\""));
        // in French: the console's own name where it has one, the registry's otherwise
        String fr = nlOfficer("fr", standIn()).pages().composer().render();
        assertTrue(fr.contains(">Argentine (AR)</option>"), fr);
    }

    @Test
    void oneListIsAskedForOncePerPageAndEachFieldLeavesOutTheCasesParties() {
        Visitor nl = nlOfficer("en", standIn());
        assertEquals(List.of("AR", "DE"), nl.choices().offer(StateChoices.IN_FORCE, List.of(), null));
        assertEquals(List.of("DE"), nl.choices().offer(StateChoices.IN_FORCE, List.of("AR"), ""), "a transit State is none of the case's");
        assertEquals(List.of("SN", "BE"), nl.choices().offer(StateChoices.REGISTRY, List.of("AR"), null), "a third State: any of the registry");
        assertEquals(2, asked.size(), "one call per list: " + asked);
        assertEquals("Bearer " + TOKEN + " null", asked.get(1), "the whole registry");
        ActionForms.Form transit = nl.choices().fill(ActionForms.extradition("request-transit"), List.of("NL", "AR"), Map.of());
        assertEquals(List.of("DE"), transit.fields().get(0).options());
        assertEquals("Kingdom of Belgium (BE)", nl.visit().texts().get("stateChoice.BE"));
    }

    @Test
    void whenTheListCannotBeReadThePageSaysSoAndKeepsWhatWasTyped() {
        status = 503;
        for (String lang : Texts.LANGUAGES) {
            Visitor nl = nlOfficer(lang, standIn());
            MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
            form.add("csrf", CSRF);
            form.add("update", "");
            form.add("requestedState", "AR");
            form.add("content.summaryOfFacts", "Detention and torture at the northern site");
            String html = ((TemplateInstance) nl.pages().submit("nl", form).getEntity()).render();
            assertTrue(html.contains("<article role=\"alert\" id=\"states-unavailable\"><p>"
                    + texts.text(lang, "statesUnavailable").replace("'", "&#39;")), html);
            assertTrue(html.contains("<option value=\"AR\" selected>"), "the State chosen is kept");
            assertTrue(html.contains(">Detention and torture at the northern site</textarea>"), "what was typed is kept");
        }
        // the service not answering at all: the same, never an error page
        Visitor down = nlOfficer("en", "http://127.0.0.1:1");
        String html = down.pages().composer().render();
        assertTrue(html.contains("id=\"states-unavailable\""), html);
        assertFalse(html.contains("<option value=\"AR\""), "nothing offered that the registry did not list");
    }

    @Test
    void noStateToAskIsSaid() {
        Visitor nl = nlOfficer("es", standIn());
        requestService.removeContext("/api/states");
        requestService.createContext("/api/states", exchange -> {
            byte[] body = "{\"states\": []}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        String html = nl.pages().composer().render();
        assertTrue(html.contains("id=\"no-state-in-force\"><p>" + texts.text("es", "noStateInForce")), html);
    }
}
