package org.mlaexchange.console.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlaexchange.console.i18n.Texts;

/** The action forms as rendered: rows for the lists of an extradition action, what was typed kept, errors beside their input. */
@QuarkusTest
class ActionFormsPageTest {

    @Inject
    Engine engine;

    @Inject
    Texts texts;

    private String render(String lang, List<ActionForms.Form> forms, String submitted, Map<String, String> values, Map<String, String> errors) {
        Map<String, Object> data = new HashMap<>();
        data.put("t", texts.of(lang));
        data.put("officer", Map.of("realm", "nl", "state", "NL", "readOnly", false));
        data.put("forms", forms);
        data.put("formAction", submitted);
        data.put("formValues", values);
        data.put("formErrors", errors);
        data.put("csrf", "c");
        data.put("etag", "\"3\"");
        data.put("version", "3");
        data.put("measures", List.of());
        data.put("actionBase", "/nl/extraditions/x");
        var page = engine.getTemplate("actions").instance();
        data.forEach(page::data);
        return page.render();
    }

    @Test
    void aFormalRequestWithAnErrorKeepsWhatWasTypedAndShowsTheErrorBesideItsInput() {
        Map<String, String> typed = Map.of("f.channel", "DIPLOMATIC", "f.request.person.names", "Carlos Ruiz\nC. Ruiz",
                "f.request.offences.1.description", "Detention and torture", "f.request.offences.1.qualification.category", "WAR_CRIMES",
                "f.request.documents.0.title", "Arrest warrant");
        Map<String, List<String>> submitted = new HashMap<>();
        typed.forEach((k, v) -> submitted.put(k, List.of(v)));
        ActionForms.Form form = ActionForms.extradition("submit-formal-request");
        // the service names the first offence sent: row 2 of the form
        Map<String, String> errors = ActionForms.onFields(form, Map.of("request.offences.0.place", "is required"), submitted);
        String html = render("en", List.of(form), "submit-formal-request", typed, errors);
        assertTrue(html.contains("<input id=\"submit-formal-request-request-offences-1-place\" name=\"f.request.offences.1.place\" value=\"\""
                + " aria-invalid=\"true\" aria-describedby=\"submit-formal-request-request-offences-1-place-error\">"), html);
        assertTrue(html.contains("<small id=\"submit-formal-request-request-offences-1-place-error\" class=\"field-error\" "
                + "data-field-error=\"f.request.offences.1.place\">is required</small>"));
        assertTrue(html.contains(">Detention and torture</textarea>"), "what was typed is kept");
        assertTrue(html.contains("<option value=\"WAR_CRIMES\" selected>War crimes</option>"));
        assertTrue(html.contains("<option value=\"DIPLOMATIC\" selected>Diplomatic channel</option>"));
        assertTrue(html.contains(">Carlos Ruiz\nC. Ruiz</textarea>"));
        assertTrue(html.contains("<legend>Offence 3</legend>"), "the rows typed and an empty one");
        assertFalse(html.contains("<legend>Offence 4</legend>"));
        assertTrue(html.contains("id=\"submit-formal-request-request-offences-add\""), "a button to add a row");
        assertFalse(html.contains("f.body"), "no JSON body");
        assertFalse(html.contains("id=\"submit-formal-request-errors\""), "every error has its place");
    }

    @Test
    void bothConsentFormsOnOnePageHaveTheirOwnIdsAndTexts() {
        List<ActionForms.Form> forms = List.of(ActionForms.extradition("request-speciality-consent"),
                ActionForms.extradition("request-re-extradition-consent"));
        String html = render("fr", forms, "", Map.of(), Map.of());
        assertTrue(html.contains("id=\"request-speciality-consent-offences-0-description\""));
        assertTrue(html.contains("id=\"request-re-extradition-consent-offences-0-description\""));
        assertTrue(html.contains("Infractions commises avant la remise"), html);
        assertTrue(render("es", forms, "", Map.of(), Map.of()).contains("Tercer Estado (código de país ISO)"));
        String concurrent = render("en", List.of(ActionForms.extradition("record-concurrent-requests")), "", Map.of(), Map.of());
        assertTrue(concurrent.contains(">Nationality of the person</option>"), concurrent);
    }
}
