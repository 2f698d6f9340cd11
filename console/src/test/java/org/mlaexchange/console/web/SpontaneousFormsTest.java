package org.mlaexchange.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.request.CrimeCategory;
import org.mlaexchange.contracts.request.PersonConcerned;
import org.mlaexchange.contracts.request.SpontaneousInformation;
import org.mlaexchange.contracts.request.UseConditions;

/**
 * Sending spontaneous information: the filled form is the body the request service reads into its contract records,
 * and the service's field errors come back on the fields (and rows) they name.
 */
class SpontaneousFormsTest {

    private final ObjectMapper json = new ObjectMapper();

    static Map<String, List<String>> filled() {
        Map<String, List<String>> f = new HashMap<>();
        f.put("f.receivingState", List.of("AR"));
        f.put("f.information.providingAuthority.name", List.of("Public Prosecution Service, The Hague"));
        f.put("f.information.subjectMatter", List.of("Detention site in Buenos Aires"));
        f.put("f.information.summary", List.of("Witness W-17 named the site's commander."));
        f.put("f.information.legalQualification.category", List.of(""));
        // the first row of persons left empty, the second typed: only the typed one is sent
        f.put("f.information.personsConcerned.1.identity", List.of("Witness W-17"));
        f.put("f.information.personsConcerned.1.protectedPerson", List.of("true"));
        f.put("f.information.contact.name", List.of("J. de Vries"));
        f.put("f.information.contact.email", List.of("j.devries@nl.demo"));
        f.put("f.information.language", List.of("en"));
        f.put("f.conditions.permittedUse", List.of("Investigation AR-2026-17 only"));
        f.put("f.conditions.useLimits", List.of("No onward transfer\n\nNot before a court without consent\n"));
        f.put("f.conditions.confidential", List.of("true"));
        f.put("f.conditions.confidentialityReasons", List.of("A protected witness"));
        f.put("f.evidenceItemIds", List.of(""));
        return f;
    }

    @Test
    void theFilledFormIsTheContractsSending() throws Exception {
        JsonNode body = ActionForms.body(ActionForms.spontaneousSending("en"), filled(), json.createObjectNode(), json);
        assertEquals("AR", body.path("receivingState").asText());
        SpontaneousInformation information = EventJson.mapper().treeToValue(body.path("information"), SpontaneousInformation.class);
        assertEquals("Public Prosecution Service, The Hague", information.providingAuthority().name());
        assertEquals(null, information.legalQualification(), "no category chosen: no legal qualification sent");
        assertEquals(List.of(new PersonConcerned("Witness W-17", null, null, true)), information.personsConcerned());
        assertEquals("en", information.language());
        UseConditions conditions = EventJson.mapper().treeToValue(body.path("conditions"), UseConditions.class);
        assertEquals(new UseConditions("Investigation AR-2026-17 only", List.of("No onward transfer", "Not before a court without consent"),
                true, "A protected witness"), conditions);
        assertFalse(body.has("evidenceItemIds") && !body.path("evidenceItemIds").isEmpty(), "no evidence item typed, none sent");

        Map<String, List<String>> qualified = filled();
        qualified.put("f.information.legalQualification.category", List.of("WAR_CRIMES"));
        qualified.put("f.information.legalQualification.law", List.of("Art. 8 Rome Statute"));
        JsonNode withQualification = ActionForms.body(ActionForms.spontaneousSending("en"), qualified, json.createObjectNode(), json);
        assertEquals(CrimeCategory.WAR_CRIMES, EventJson.mapper().treeToValue(withQualification.path("information"),
                SpontaneousInformation.class).legalQualification().category());
    }

    @Test
    void theServicesFieldErrorsLandOnTheirFieldsAndRows() {
        ActionForms.Form form = ActionForms.spontaneousSending("en");
        Map<String, String> errors = ActionForms.onFields(form, StateResource.normalise(Map.of(
                "information.personsConcerned[0].location", "is required",
                "information.contact", "is required",
                "conditions.confidentialityReasons", "is required")), filled());
        assertEquals("is required", errors.get("information.personsConcerned.1.location"), "the first person sent is row 2 of the form");
        assertEquals("is required", errors.get("information.contact.name"), "an error on the contact shows at its first field");
        assertEquals("is required", errors.get("conditions.confidentialityReasons"));
    }

    @Test
    void theReceivingStateIsChosenFromTheRegistryAndTheLanguageIsTheOfficers() {
        ActionForms.Form form = ActionForms.spontaneousSending("es");
        assertEquals(StateChoices.IN_FORCE, form.fields().get(0).options(), "no list of States in the form itself");
        assertEquals(List.of("SN", "DE"), form.withStates((f, marker) -> marker == StateChoices.IN_FORCE ? List.of("SN", "DE") : List.of())
                .fields().get(0).options(), "filled when shown");
        assertEquals("es", form.initial("information.language"));
    }

    @Test
    void everySpontaneousActionHasARealForm() {
        for (String action : List.of("acknowledge", "decline-conditions", "revise-conditions", "return", "close", "request-use-consent",
                "decide-use-consent")) {
            assertTrue(ActionForms.spontaneous(action).fields().stream().noneMatch(f -> f.type() == ActionForms.Type.JSON),
                    action + " falls back to a JSON body");
        }
        JsonNode consent = ActionForms.body(ActionForms.spontaneous("request-use-consent"), Map.of("f.purpose", List.of("OTHER_PROCEEDINGS"),
                "f.thirdState", List.of(""), "f.description", List.of("Trial of the commander")), json.createObjectNode(), json);
        assertEquals("{\"purpose\":\"OTHER_PROCEEDINGS\",\"description\":\"Trial of the commander\"}", consent.toString(),
                "no third State chosen: none sent");
    }
}
