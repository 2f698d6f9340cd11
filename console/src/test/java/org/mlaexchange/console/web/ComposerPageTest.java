package org.mlaexchange.console.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlaexchange.console.i18n.Texts;

/** The composer's page as rendered: each measure's kind's own controls, what was typed kept, errors beside their control. */
@QuarkusTest
class ComposerPageTest {

    @Inject
    Engine engine;

    @Inject
    Texts texts;

    private String render(String lang, Map<String, String> v, Map<String, String> errors) {
        Map<String, Object> data = PageData.base(texts.of(lang), lang, "/nl/requests/new");
        data.put("v", v);
        data.put("errors", errors);
        data.put("message", errors.isEmpty() ? "" : "invalid");
        data.put("measureKinds", Composer.MEASURE_KINDS);
        data.put("categories", Composer.CATEGORIES);
        data.put("natures", Composer.NATURES);
        data.put("measureRows", Composer.measureRows(v, errors));
        data.put("personRows", Composer.personRows(v));
        data.put("personOptions", Composer.personOptions(v));
        data.put("states", List.of("AR", "SN"));
        var page = engine.getTemplate("compose").instance();
        data.forEach(page::data);
        return page.render();
    }

    @Test
    void eachMeasureShowsItsKindsControlsWithWhatWasTyped() {
        Map<String, String> v = ComposerTest.filledForm();
        String html = render("en", v, Map.of());
        assertTrue(html.contains("<select id=\"content-measures-0-persons-0-person\" name=\"content.measures.0.persons.0.person\""), html);
        assertTrue(html.contains("<option value=\"0\" selected>Person concerned 1: Witness W-17</option>"), "persons concerned offered by name");
        assertTrue(html.contains("<input type=\"date\" id=\"content-measures-0-videoConference-proposedDates-2\" "
                + "name=\"content.measures.0.videoConference.proposedDates.2\" value=\"2027-03-02\""));
        assertTrue(html.contains("<option value=\"REQUESTING_STATE\" selected>The requesting State (we)</option>"));
        assertTrue(html.contains("name=\"content.measures.3.temporaryTransfer.personConsents\" value=\"true\" checked"));
        assertTrue(html.contains("<option value=\"CERTIFIED_COPIES\" selected>Certified copies</option>"));
        // typed under another kind: carried along, not shown
        assertTrue(html.contains("<input type=\"hidden\" name=\"content.measures.1.assets\" value=\"AR-0042\">"));
        assertTrue(html.contains("id=\"update-measure-4\""), "an empty row to add a measure");
        assertTrue(html.contains(">Add a measure of this kind</button>"));
        assertFalse(html.contains("content.measures.2.holder"), "an empty row has no kind's fields");
        assertTrue(render("fr", v, Map.of()).contains("Vidéoconférence : date proposée 1"));
        assertTrue(render("es", v, Map.of()).contains("Actualizar el formulario"));
    }

    @Test
    void aFieldErrorShowsBesideItsControl() {
        Map<String, String> v = ComposerTest.filledForm();
        Map<String, String> errors = Composer.onFields(Map.of("content.measures.0.videoConference.proposedDates", "propose at least one date",
                "content.measures.2.temporaryTransfer.returnDate", "must be after today"), v);
        String html = render("en", v, errors);
        assertTrue(html.contains("id=\"content-measures-0-videoConference-proposedDates-0\" name=\"content.measures.0.videoConference.proposedDates.0\""
                + " value=\"2027-03-01\" aria-invalid=\"true\" aria-describedby=\"content-measures-0-videoConference-proposedDates-0-error\">"), html);
        assertTrue(html.contains("<small id=\"content-measures-3-temporaryTransfer-returnDate-error\" class=\"field-error\" "
                + "data-field-error=\"content.measures.3.temporaryTransfer.returnDate\">must be after today</small>"));
        // listed above the form with its label, linked to its control
        assertTrue(html.contains("<a href=\"#content-measures-3-temporaryTransfer-returnDate\">Temporary transfer: return by</a>"), html);
    }
}
