package org.mlaexchange.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
                "content.summaryOfFacts", "is required")));
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
