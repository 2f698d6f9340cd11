package org.mlaexchange.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlaexchange.console.api.ApiResponse;
import org.mlaexchange.console.i18n.Texts;

/**
 * A change whose outcome the service could not tell (its database went away during the commit): the officer is
 * shown the cases it may have been kept in, linked, before trying again; any other failure shows none.
 */
@QuarkusTest
class FailurePageTest {

    private static final String CASE = "01a23bbe-2d6e-7fac-b98b-86b6dbbfa0e2";

    @Inject
    Engine engine;

    @Inject
    Texts texts;

    @Inject
    ObjectMapper json;

    private ApiResponse answer(String body) throws Exception {
        return new ApiResponse(503, null, null, json.readTree(body));
    }

    private String render(String lang, ApiResponse result) {
        Map<String, Object> data = PageData.base(texts.of(lang), lang, "/nl/requests/new");
        data.put("status", result.status());
        data.put("detail", result.problemDetail());
        data.put("maybeKept", result.maybeKeptIn().stream().map(id -> Map.of("id", id, "href", "/nl/requests/" + id)).toList());
        var page = engine.getTemplate("failure").instance();
        data.forEach(page::data);
        return page.render();
    }

    @Test
    void anUnknownOutcomeLinksTheCasesItMayHaveBeenKeptIn() throws Exception {
        ApiResponse unknown = answer("""
                {"type": "urn:mla-exchange:problem:outcome-unknown", "title": "Outcome unknown", "status": 503,
                 "detail": "The service's database went away while this change was being committed", "cases": ["%s"]}""".formatted(CASE));
        assertEquals(List.of(CASE), unknown.maybeKeptIn());
        String html = render("en", unknown);
        assertTrue(html.contains("<a href=\"/nl/requests/" + CASE + "\">" + CASE + "</a>"), html);
        assertTrue(html.contains("it may have been kept. Look at the case before you try again"), html);
        assertTrue(render("fr", unknown).contains("il a peut-être été conservé"));
        assertTrue(render("es", unknown).contains("puede que se haya conservado"));
    }

    @Test
    void anyOtherFailureNamesNoCase() throws Exception {
        ApiResponse unavailable = answer("""
                {"type": "urn:mla-exchange:problem:unavailable", "title": "Service unavailable", "status": 503,
                 "detail": "The service's database cannot be reached; nothing was changed", "cases": ["%s"]}""".formatted(CASE));
        assertEquals(List.of(), unavailable.maybeKeptIn());
        String html = render("en", unavailable);
        assertTrue(html.contains("nothing was changed"));
        assertFalse(html.contains(CASE), html);
        assertFalse(html.contains("may have been kept"), html);
    }
}
