package org.mlaexchange.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Forms to the services' JSON bodies, and the services' field errors back to the form's fields. */
class FormsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anActionFormBecomesTheActionsBody() throws Exception {
        JsonNode request = json.readTree("{\"measures\": [{\"id\": \"m1\"}, {\"id\": \"m2\"}]}");
        JsonNode ack = ActionForms.body(ActionForms.request("acknowledge"), Map.of("f.caseReference", List.of(" AR-1 "),
                "f.contact.name", List.of("M. Gómez"), "f.contact.email", List.of("")), request, json);
        assertEquals("{\"caseReference\":\"AR-1\",\"contact\":{\"name\":\"M. Gómez\"}}", ack.toString());
        JsonNode accept = ActionForms.body(ActionForms.request("accept"), Map.of("f.measureIds", List.of("m1", "m2"),
                "f.impossibleProcedures", List.of("a\n\n b \n")), request, json);
        assertEquals("{\"measureIds\":[\"m1\",\"m2\"],\"impossibleProcedures\":[\"a\",\"b\"]}", accept.toString());
        JsonNode progress = ActionForms.body(ActionForms.request("report-progress"), Map.of("f.updates.m2.status", List.of("EXECUTED"),
                "f.updates.m2.note", List.of("done")), request, json);
        assertEquals("{\"updates\":[{\"measureId\":\"m2\",\"status\":\"EXECUTED\",\"note\":\"done\"}]}", progress.toString());
    }

    /** The request actions the request service offers (its RequestAction table, less submit and the system's). */
    static final List<String> REQUEST_ACTIONS = List.of("acknowledge", "request-information", "provide-information", "open-consultation",
            "postpone", "propose-conditions", "accept-conditions", "reject-conditions", "refuse", "accept", "report-progress", "complete",
            "close", "withdraw", "answer-consultation", "declare-impossible", "ask-status", "answer-status", "supplement",
            "cannot-keep-confidential", "continue-without-confidentiality", "extend-decision-deadline", "erase-personal-data");

    @Test
    void everyRequestActionHasARealForm() {
        for (String action : REQUEST_ACTIONS) {
            assertTrue(ActionForms.request(action).fields().stream().noneMatch(f -> f.type() == ActionForms.Type.JSON),
                    action + " falls back to a JSON body");
        }
    }

    @Test
    void everyFieldOptionAndActionHasItsText() throws Exception {
        java.util.Properties en = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/messages/console_en.properties")) {
            en.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        java.util.Set<String> missing = new java.util.TreeSet<>();
        ActionForms.all().forEach((service, forms) -> forms.forEach((action, fields) -> {
            if (!en.containsKey("action." + action)) {
                missing.add("action." + action);
            }
            for (ActionForms.Field f : fields) {
                if (!en.containsKey("field." + f.path())) {
                    missing.add("field." + f.path());
                }
                String prefix = switch (f.type()) {
                    case MULTI -> "ground";
                    case ASSURANCES -> "assurance";
                    case SELECT -> f.labels();
                    default -> null;
                };
                if (prefix != null) {
                    f.options().stream().map(o -> prefix + "." + o).filter(k -> !en.containsKey(k)).forEach(missing::add);
                }
            }
        }));
        assertTrue(missing.isEmpty(), "texts missing from console_en: " + missing);
    }

    @Test
    void aSupplementIsTheCurrentContentWithTheFieldsRewritten() throws Exception {
        JsonNode request = json.readTree("{\"contentVersions\": [{\"summaryOfFacts\": \"old\", \"purpose\": \"p\", \"language\": \"en\"}]}");
        ActionForms.Form form = ActionForms.request("supplement").from(request.path("contentVersions").get(0));
        assertEquals("old", form.initial("content.summaryOfFacts"), "the form starts from the current content");
        JsonNode body = ActionForms.body(form, Map.of("f.content.summaryOfFacts", List.of("new facts"), "f.note", List.of("n")), request, json);
        assertEquals("{\"content\":{\"summaryOfFacts\":\"new facts\",\"purpose\":\"p\",\"language\":\"en\"},\"note\":\"n\"}", body.toString());
    }

    @Test
    void assurancesAndYesNoFieldsBecomeTheirJson() {
        JsonNode assurances = ActionForms.body(ActionForms.extradition("provide-assurances"), Map.of(
                "f.assurances.DEATH_PENALTY", List.of(" no death penalty "), "f.assurances.OTHER", List.of(""),
                "f.givenBy", List.of("Ministry of Justice")), json.createObjectNode(), json);
        assertEquals("{\"assurances\":[{\"kind\":\"DEATH_PENALTY\",\"text\":\"no death penalty\"}],\"givenBy\":\"Ministry of Justice\"}",
                assurances.toString());
        JsonNode consent = ActionForms.body(ActionForms.extradition("record-simplified-consent"), Map.of(), json.createObjectNode(), json);
        assertEquals("{\"consented\":false}", consent.toString());
        JsonNode surrender = ActionForms.body(ActionForms.extradition("schedule-surrender"), Map.of("f.arrangements.place", List.of("Dakar"),
                "f.arrangements.date", List.of("2027-01-10")), json.createObjectNode(), json);
        assertEquals("{\"arrangements\":{\"place\":\"Dakar\",\"date\":\"2027-01-10\"}}", surrender.toString());
    }

    @Test
    void anArrestTimeIsReadAsUtc() {
        JsonNode arrest = ActionForms.body(ActionForms.extradition("record-arrest"), Map.of("f.arrestedAt", List.of("2026-12-01T20:00"),
                "f.place", List.of("Dakar")), json.createObjectNode(), json);
        assertEquals("2026-12-01T20:00:00Z", arrest.path("arrestedAt").asText());
    }

    @Test
    void fieldErrorsLandOnTheFieldsOfTheComposer() {
        Map<String, String> errors = Composer.onFields(StateResource.normalise(Map.of(
                "content.measures[1].specifics", "is required", "content.contact", "is required",
                "content.summaryOfFacts", "is required")), Map.of());
        assertEquals(Map.of("content.measures.1.specifics", "is required", "content.contact.name", "is required",
                "content.summaryOfFacts", "is required"), errors);
    }

    @Test
    void theComposerLeavesOutWhatWasNotTyped() {
        JsonNode body = Composer.submission(Map.of("requestedState", "AR", "content.summaryOfFacts", " facts ",
                "content.measures.0.kind", "SEARCH_AND_SEIZURE", "content.measures.2.specifics", "x"), json);
        assertEquals("AR", body.path("requestedState").asText());
        assertEquals("facts", body.path("content").path("summaryOfFacts").asText());
        assertEquals(2, body.path("content").path("measures").size());
        assertEquals(false, body.path("content").has("purpose"));
    }
}
