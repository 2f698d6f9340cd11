package org.mlaexchange.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlaexchange.console.api.ApiResponse;
import org.mlaexchange.console.i18n.Texts;

/**
 * The spontaneous information pages and the statistics page as rendered: the sending form keeps what was typed and
 * shows the service's errors beside their fields; a case shows its due dates whatever the service names them and
 * exactly the actions it allows; the statistics draw charts without an inline style (the CSP forbids them).
 */
@QuarkusTest
class SpontaneousAndStatisticsPagesTest {

    @Inject
    Engine engine;

    @Inject
    Texts texts;

    private final ObjectMapper json = new ObjectMapper();

    private String render(String template, String lang, Map<String, Object> page) {
        Map<String, Object> data = new HashMap<>();
        // the texts with the labels of the States the registry listed, as Visit adds them
        Map<String, String> t = new HashMap<>(texts.of(lang));
        t.putAll(StateChoices.labels(Map.of("AR", "Argentine Republic", "SN", "Republic of Senegal"), k -> texts.text(lang, k)));
        data.put("t", t);
        data.put("lang", lang);
        data.put("languages", Texts.LANGUAGES);
        data.put("csrf", "c");
        data.put("path", "/nl/x");
        data.put("officer", Map.of("realm", "nl", "state", "NL", "name", "officer", "centralAuthority", true, "role", "central-authority",
                "readOnly", false));
        data.putAll(page);
        var instance = engine.getTemplate(template).instance();
        data.forEach(instance::data);
        return instance.render();
    }

    @Test
    void theSendingFormKeepsWhatWasTypedWithTheErrorsBesideTheirFields() {
        Map<String, List<String>> submitted = SpontaneousFormsTest.filled();
        Map<String, String> values = new HashMap<>();
        submitted.forEach((k, v) -> values.put(k, String.join("\n", v)));
        // the receiving State's choices as the registry listed them (StateChoices), NL's own excluded
        ActionForms.Form form = ActionForms.spontaneousSending("en").withStates((f, marker) -> List.of("AR", "SN"));
        Map<String, String> errors = ActionForms.onFields(form, Map.of("information.personsConcerned.0.location", "is required"), submitted);
        String html = render("spontaneous-new", "en", Map.of("form", form, "formAction", "send", "formValues", values, "formErrors", errors,
                "message", "Invalid", "actionBase", "/nl/spontaneous-information", "measures", List.of()));
        assertTrue(html.contains("<form method=\"post\" action=\"/nl/spontaneous-information/send\""), html);
        assertTrue(html.contains("<input id=\"send-information-personsConcerned-1-location\" name=\"f.information.personsConcerned.1.location\" value=\"\""
                + " aria-invalid=\"true\" aria-describedby=\"send-information-personsConcerned-1-location-error\">"), html);
        assertTrue(html.contains("data-field-error=\"f.information.personsConcerned.1.location\">is required</small>"));
        assertTrue(html.contains("name=\"f.information.personsConcerned.1.protectedPerson\" value=\"true\" checked"), "a row's checkbox kept");
        assertTrue(html.contains(">No onward transfer\n\nNot before a court without consent\n</textarea>"), "lines kept");
        assertTrue(html.contains("<option value=\"AR\" selected>Argentina (AR)</option>"), html);
        assertTrue(html.contains("<option value=\"\">—</option><option value=\"GENOCIDE\""), "an optional choice can stay empty");
        assertFalse(html.contains("<option value=\"NL\""), "not to the officer's own State");
        assertFalse(html.contains("id=\"send-errors\""), "every error has its place");
    }

    @Test
    void aCaseShowsItsDueDatesAndOnlyTheActionsTheServiceAllows() throws Exception {
        JsonNode c = json.readTree("""
                {"id": "5b1f4a63-0000-4000-8000-000000000001", "providingState": "NL", "receivingState": "AR", "status": "SENT",
                 "version": 1, "sentAt": "2026-12-01T10:00:00Z", "acknowledgementDueDate": "2026-12-31", "replyDueAt": "2027-01-15",
                 "information": {"subjectMatter": "<script>alert(1)</script>", "summary": "s", "language": "en",
                   "providingAuthority": {"name": "OM"}, "contact": {"name": "J", "email": "j@nl"}},
                 "conditions": {"permittedUse": "Investigation only", "useLimits": ["No onward transfer"], "confidential": false},
                 "conditionsBind": false, "useConsents": [], "allowedActions": ["acknowledge", "decline-conditions"]}""");
        String html = render("spontaneous", "fr", casePage(c));
        assertTrue(html.contains("<dt>Accusé de réception attendu le</dt><dd data-due=\"acknowledgementDueDate\">2026-12-31</dd>"), html);
        assertTrue(html.contains("<dd data-due=\"replyDueAt\">2027-01-15</dd>"), "a due date the console does not know still shows");
        assertTrue(html.contains("id=\"action-acknowledge\"") && html.contains("id=\"action-decline-conditions\""));
        assertFalse(html.contains("id=\"action-close\""), "no action the service did not allow");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "user text escaped");
        assertTrue(html.contains("<input type=\"hidden\" name=\"etag\" value=\"&quot;1&quot;\">"), "each form sends If-Match");
        assertTrue(html.contains("<li>No onward transfer</li>"));
    }

    /** The page of a case as the request service answers it, with the forms of the actions it allows. */
    private Map<String, Object> casePage(JsonNode c) {
        Map<String, Object> page = new HashMap<>();
        page.put("case", c);
        List<ActionForms.Form> forms = new java.util.ArrayList<>();
        c.path("allowedActions").forEach(a -> forms.add(ActionForms.spontaneous(a.asText())));
        page.put("forms", forms);
        page.put("etag", "\"" + c.path("version").asText() + "\"");
        page.put("version", c.path("version").asText());
        page.put("history", List.of());
        page.put("receipts", List.of());
        page.put("done", "");
        page.put("message", "");
        page.put("messageKind", "");
        page.put("formAction", "");
        page.put("formErrors", Map.of());
        page.put("formValues", Map.of());
        page.put("changes", List.of());
        page.put("service", "request-service");
        page.put("measures", List.of());
        page.put("actionBase", "/nl/spontaneous-information/x");
        return page;
    }

    @Test
    void aClosedCaseOffersTheProvidingStateTheErasureAndAnErasedOneSaysSo() throws Exception {
        String closed = """
                {"id": "5b1f4a63-0000-4000-8000-000000000002", "providingState": "NL", "receivingState": "AR", "status": "CLOSED",
                 "version": 5, "sentAt": "2026-12-01T10:00:00Z",
                 "information": {"subjectMatter": "Orders", "summary": "s", "language": "en",
                   "providingAuthority": {"name": "OM"}, "contact": {"name": "J", "email": "j@nl"}},
                 "conditions": {"useLimits": [], "confidential": false}, "conditionsBind": true, "useConsents": [],
                 "allowedActions": ["erase-personal-data"]}""";
        String html = render("spontaneous", "es", casePage(json.readTree(closed)));
        assertTrue(html.contains("action=\"/nl/spontaneous-information/x/erase-personal-data\""), html);
        assertTrue(html.contains("id=\"action-erase-personal-data\">Suprimir los datos personales</summary>"));
        assertTrue(html.matches("(?s).*<option value=\"PURPOSE_FULFILLED\"\\s*>Finalidad cumplida</option>.*"), "the legal ground as a choice");
        assertFalse(html.contains("id=\"erasure\""), "nothing erased yet");

        String erased = closed.replace("\"summary\": \"s\"", "\"summary\": \"erased\"")
                .replace("[\"erase-personal-data\"]", "[], \"erasure\": {\"erasedBy\": \"NL\", \"reason\": \"PURPOSE_FULFILLED\","
                        + " \"erasedAt\": \"2026-12-02T10:00:00Z\"}");
        html = render("spontaneous", "fr", casePage(json.readTree(erased)));
        assertTrue(html.contains("<dt>Données personnelles effacées</dt><dd id=\"erasure\">Finalité atteinte · "), html);
        assertFalse(html.contains("id=\"action-erase-personal-data\""), "erased once, not twice");
        assertTrue(html.contains("id=\"no-actions\""));
    }

    @Test
    void theStatisticsAreChartsWithTheirNumbersInTablesAndNoInlineStyle() {
        JsonNode figures = FiguresTest.statistics();
        List<StatisticsPages.Section> sections = List.of(new StatisticsPages.Section("request-service", figures, Figures.charts(figures), ""),
                new StatisticsPages.Section("evidence-service", null, List.of(), "evidence-service did not answer"));
        Map<String, Object> page = new HashMap<>();
        page.put("filter", Map.of("from", "2026-01-01", "to", "", "counterpart", "AR"));
        page.put("errors", Map.of("to", "must be after from"));
        page.put("states", List.of("AR", "SN"));
        page.put("sections", sections);
        page.put("query", "?from=2026-01-01&counterpart=AR");
        String html = render("statistics", "es", page);
        assertTrue(html.contains("<th scope=\"row\">Presentada</th><td data-figure=\"casesByStatus.SUBMITTED\">3</td>")
                || html.contains("data-figure=\"casesByStatus.SUBMITTED\">3</td>"), html);
        assertTrue(html.contains("<rect width=\"33\" height=\"10\" fill=\"currentColor\">"), "a bar sized on the chart's largest value");
        assertTrue(html.contains("href=\"/nl/statistics/request-service.csv?from=2026-01-01&amp;counterpart=AR\""), "the CSV with the same filter");
        assertTrue(html.contains("data-figure=\"spontaneousInformation.casesByStatus.SENT\">2</td>"), "spontaneous information's figures");
        assertTrue(html.contains("data-figure=\"somethingNew.byKind.X\">5</td>"), "a group added later shows");
        assertTrue(html.contains("data-field-error=\"to\">must be after from</small>"), "the filter's error beside its field");
        assertTrue(html.contains("value=\"2026-01-01\""));
        assertTrue(html.contains("evidence-service did not answer"));
        assertFalse(html.contains("style="), "no inline style: the CSP allows styles from the console's origin only");
        assertFalse(html.contains("<script>"), "no inline script");
    }

    @Test
    void aServiceStillFoldingItsFiguresIsSaidInTheOfficersLanguageAndOtherFailuresInTheServicesWords() throws Exception {
        ApiResponse folding = new ApiResponse(503, null, null, json.readTree("""
                {"type": "urn:mla-exchange:problem:statistics-folding", "title": "Figures not ready yet", "status": 503,
                 "detail": "The figures are being folded from the event log (1434617 events still to fold)"}"""));
        assertEquals("These figures are still being prepared from the service's history; try again in a minute: request-service",
                StatisticsPages.problem(folding, key -> texts.text("en", key), "request-service"));
        assertTrue(StatisticsPages.problem(folding, key -> texts.text("fr", key), "request-service").startsWith("Ces chiffres sont encore en préparation"));
        assertTrue(StatisticsPages.problem(folding, key -> texts.text("es", key), "request-service").startsWith("Estas cifras todavía se están preparando"));
        ApiResponse unavailable = new ApiResponse(503, null, null, json.readTree("""
                {"type": "urn:mla-exchange:problem:unavailable", "title": "Service unavailable", "status": 503,
                 "detail": "The service's database cannot be reached; nothing was changed"}"""));
        assertEquals("The service's database cannot be reached; nothing was changed",
                StatisticsPages.problem(unavailable, key -> texts.text("en", key), "request-service"));
    }
}
