package org.mlaexchange.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The formal request after a provisional arrest, typed in its form in Chromium: NL asks AR for a provisional arrest
 * (through the API), then its officer opens the case, finds the form started from the provisional arrest (person,
 * offence, warrant, contact), adds supporting documents row by row, sends it with an offence's place left out, sees the
 * service's error beside that place with everything typed kept, completes it and sends it again.
 * Run with the officers' scenario (-Pbrowser) against the running stack.
 */
@Tag("browser")
class ExtraditionFormsScenarioTest {

    private static final String KEYCLOAK = System.getProperty("keycloak.url", "http://127.0.0.1:8180");
    private static final String EXTRADITION = "http://127.0.0.1:" + System.getProperty("browser.service-ports", "8081,8082,8083")
            .split(",")[2].strip();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void stackIsUp() {
        Browser.requireUp(Browser.CONSOLE + "/q/health/ready", EXTRADITION + "/q/health/ready");
    }

    @Test
    void aFormalRequestTypedRowByRow() throws Exception {
        String name = "Pieter Jan Q" + Long.toString(System.currentTimeMillis(), 36);
        String id = provisionalArrest(name);
        String form = "submit-formal-request";
        try (Browser nl = new Browser("nl-formal-request")) {
            try {
                nl.signIn("en", "nl", "officer", "officer");
                nl.open("/nl/extraditions/" + id);
                nl.axe("extradition (NL)");
                nl.actionForm(form);
                // started from the provisional arrest
                assertEquals(name, nl.el(form + "-request-person-names").getAttribute("value"));
                assertEquals("Buenos Aires", nl.el(form + "-request-offences-0-place").getAttribute("value"));
                assertEquals("CRIMES_AGAINST_HUMANITY", nl.el(form + "-request-offences-0-qualification-category").getAttribute("value"));
                assertEquals("RC-2026-0142", nl.el(form + "-request-warrant-reference").getAttribute("value"));
                nl.select(form + "-channel", "DIRECT");
                nl.type(form + "-request-documents-0-title", "Warrant of arrest, certified copy");
                nl.type(form + "-request-documents-1-title", "Statement of the facts and the law");
                // another row: the form comes back with what was typed and an empty third row
                WebElement before = nl.el(form + "-request-documents-add");
                nl.submit(form + "-request-documents-add");
                nl.wait.until(ExpectedConditions.stalenessOf(before));
                nl.type(form + "-request-documents-2-title", "Judgment of the Rechtbank Den Haag");
                assertEquals("Statement of the facts and the law", nl.el(form + "-request-documents-1-title").getAttribute("value"));
                // sent without the offence's place: the service's error beside it, nothing typed lost
                nl.el(form + "-request-offences-0-place").clear();
                nl.submit("submit-" + form);
                WebElement place = nl.wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#" + form + "-request-offences-0-place[aria-invalid='true']")));
                assertEquals(form + "-request-offences-0-place-error", place.getAttribute("aria-describedby"));
                assertTrue(nl.text(form + "-request-offences-0-place-error").length() > 0);
                assertEquals("Judgment of the Rechtbank Den Haag", nl.el(form + "-request-documents-2-title").getAttribute("value"));
                assertEquals(name, nl.el(form + "-request-person-names").getAttribute("value"));
                assertEquals("PROVISIONAL_ARREST_REQUESTED", nl.attr("case-status", "data-status"));
                nl.axe("formal request with an error (NL)");
                nl.type(form + "-request-offences-0-place", "Buenos Aires");
                nl.submit("submit-" + form);
                nl.wait.until(ExpectedConditions.attributeToBe(By.id("case-status"), "data-status", "REQUEST_SUBMITTED"));
            } catch (Throwable t) {
                nl.saveEvidenceOfFailure("formal-request");
                throw t;
            } finally {
                nl.axeReport.forEach(line -> System.out.println("[axe formal request] " + line));
            }
        }
    }

    /** NL's request for the provisional arrest of a person in AR (model ECE 16), through the API; returns the case id. */
    private static String provisionalArrest(String name) throws Exception {
        String token = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(KEYCLOAK + "/realms/nl/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=mla-console&username=officer&password=officer&scope=openid"))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).path("access_token").asText();
        String body = """
                {"requestedState": "AR", "channel": "DIRECT", "request": {
                  "person": {"names": ["%s"], "aliases": [], "dateOfBirth": "1961-04-17", "placeOfBirth": "Rotterdam",
                             "nationalities": ["NL"], "identifiers": [{"kind": "PASSPORT", "value": "NX%s", "issuingState": "NL"}],
                             "description": "1.85 m, grey hair", "protectedPerson": false},
                  "offences": [{"qualification": {"category": "CRIMES_AGAINST_HUMANITY", "law": "International Crimes Act, s. 4",
                                                  "penalty": "life imprisonment"},
                                "description": "Torture of detainees at a site run by the person", "committedFrom": "2021-03-01",
                                "place": "Buenos Aires"}],
                  "warrant": {"kind": "ARREST_WARRANT", "reference": "RC-2026-0142", "issuingAuthority": "Rechtbank Den Haag",
                              "issuedOn": "2026-01-15"},
                  "whereabouts": "Believed to stay in Buenos Aires", "urgencyReasons": "The person is about to leave the country",
                  "contact": {"name": "J. de Vries", "email": "j.devries@nl.demo", "phone": "+31 70 000 0001"},
                  "formalRequestToFollow": true}}""".formatted(name, System.currentTimeMillis() % 10_000_000);
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(EXTRADITION + "/api/extraditions/provisional-arrests"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body()).path("case").path("id").asText();
    }
}
