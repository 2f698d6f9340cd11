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
    void everyTransferActionHasARealForm() {
        for (String action : List.of("dispatch", "cancel", "erase-personal-data")) {
            assertTrue(ActionForms.transfer(action).fields().stream().noneMatch(f -> f.type() == ActionForms.Type.JSON),
                    action + " falls back to a JSON body");
        }
    }

    @Test
    void everySpontaneousInformationActionHasARealForm() {
        for (String action : List.of("acknowledge", "decline-conditions", "revise-conditions", "return", "close", "request-use-consent",
                "decide-use-consent", "erase-personal-data")) {
            assertTrue(ActionForms.spontaneous(action).fields().stream().noneMatch(f -> f.type() == ActionForms.Type.JSON),
                    action + " falls back to a JSON body");
        }
        assertEquals("{\"reason\":\"RETENTION_PERIOD_ENDED\"}", ActionForms.body(ActionForms.spontaneous("erase-personal-data"),
                Map.of("f.reason", List.of("RETENTION_PERIOD_ENDED")), json.createObjectNode(), json).toString());
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
                // a State's label is its name from the registry (StateChoices), not a text of the bundle
                if (prefix != null && !prefix.equals(StateChoices.LABELS)) {
                    f.options().stream().map(o -> prefix + "." + o).filter(k -> !en.containsKey(k)).forEach(missing::add);
                }
                if (f.type() == ActionForms.Type.ROWS && !en.containsKey("row." + f.path())) {
                    missing.add("row." + f.path());
                }
                // a row's fields: their labels and choices
                for (ActionForms.Field p : f.parts()) {
                    if (!en.containsKey("field." + f.path() + "." + p.path())) {
                        missing.add("field." + f.path() + "." + p.path());
                    }
                    if (p.type() == ActionForms.Type.SELECT) {
                        p.options().stream().map(o -> p.labels() + "." + o).filter(k -> !en.containsKey(k)).forEach(missing::add);
                    }
                }
            }
        }));
        assertTrue(missing.isEmpty(), "texts missing from console_en: " + missing);
    }

    /**
     * Every field that picks a State takes its choices from the registry when shown (StateChoices): the transit State
     * and the receiving State among those with which the Convention is in force today, a third State among all; no
     * form carries a list of States of its own.
     */
    @Test
    void noFormHardCodesTheStates() {
        Map<String, List<String>> stateFields = new java.util.TreeMap<>();
        ActionForms.all().forEach((service, forms) -> forms.forEach((action, fields) -> {
            for (ActionForms.Field f : fields) {
                if (f.labels().equals(StateChoices.LABELS)) {
                    stateFields.put(service + " " + action + " " + f.path(), f.options());
                } else {
                    assertTrue(f.options().stream().noneMatch(o -> o.matches("[A-Z]{2}")), action + " " + f.path() + " lists States");
                }
            }
        }));
        assertEquals(Map.of("extradition request-transit transitState", StateChoices.IN_FORCE,
                "spontaneous request-use-consent thirdState", StateChoices.REGISTRY,
                "spontaneous-sending send receivingState", StateChoices.IN_FORCE), stateFields);
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

    /** The extradition actions whose bodies hold lists of objects: typed forms with rows, not a JSON body. */
    @Test
    void theExtraditionActionsWithListsHaveRealForms() {
        for (String action : List.of("submit-formal-request", "record-concurrent-requests", "request-speciality-consent",
                "request-re-extradition-consent")) {
            List<ActionForms.Field> fields = ActionForms.extradition(action).fields();
            assertTrue(fields.stream().noneMatch(f -> f.type() == ActionForms.Type.JSON), action + " falls back to a JSON body");
            assertTrue(fields.stream().anyMatch(f -> f.type() == ActionForms.Type.ROWS), action + " has no rows for its list");
        }
    }

    /** A formal request typed in the form: rows left empty are not sent, the others keep their order; lists of texts one per line. */
    @Test
    void aFormalRequestBecomesItsBody() throws Exception {
        Map<String, List<String>> form = new java.util.HashMap<>();
        form.put("f.channel", List.of("DIRECT"));
        form.put("f.request.person.names", List.of("Carlos Ruiz\n Carlos R. Ruiz \n"));
        form.put("f.request.person.aliases", List.of(""));
        form.put("f.request.person.dateOfBirth", List.of("1971-04-02"));
        form.put("f.request.person.nationalities", List.of("AR"));
        form.put("f.request.person.identifiers.1.kind", List.of("PASSPORT"));
        form.put("f.request.person.identifiers.1.value", List.of("AAB123456"));
        form.put("f.request.person.protectedPerson", List.of("true"));
        // row 0 of the offences left empty, rows 1 and 2 typed
        form.put("f.request.offences.0.qualification.category", List.of(""));
        form.put("f.request.offences.1.qualification.category", List.of("CRIMES_AGAINST_HUMANITY"));
        form.put("f.request.offences.1.qualification.law", List.of("Law 26.200, art. 9"));
        form.put("f.request.offences.1.qualification.penalty", List.of("life imprisonment"));
        form.put("f.request.offences.1.description", List.of("Detention and torture at the northern site"));
        form.put("f.request.offences.1.committedFrom", List.of("2021-03-01"));
        form.put("f.request.offences.1.committedTo", List.of("2023-06-30"));
        form.put("f.request.offences.1.place", List.of("Northern province"));
        form.put("f.request.offences.2.qualification.category", List.of("WAR_CRIMES"));
        form.put("f.request.offences.2.description", List.of("Pillage"));
        form.put("f.request.warrant.kind", List.of("ARREST_WARRANT"));
        form.put("f.request.warrant.reference", List.of("W-2026-17"));
        form.put("f.request.warrant.issuingAuthority", List.of("Rotterdam District Court"));
        form.put("f.request.warrant.issuedOn", List.of("2026-10-01"));
        form.put("f.request.documents.0.title", List.of("Arrest warrant W-2026-17"));
        form.put("f.request.documents.0.evidenceItemId", List.of(" "));
        form.put("f.request.contact.name", List.of("J. de Vries"));
        form.put("f.request.contact.email", List.of("j.devries@nl.demo"));
        JsonNode body = ActionForms.body(ActionForms.extradition("submit-formal-request"), form, json.createObjectNode(), json);
        JsonNode expected = json.readTree("""
                {"channel": "DIRECT",
                 "request": {
                   "person": {"names": ["Carlos Ruiz", "Carlos R. Ruiz"], "aliases": [], "dateOfBirth": "1971-04-02",
                              "nationalities": ["AR"], "identifiers": [{"kind": "PASSPORT", "value": "AAB123456"}],
                              "protectedPerson": true},
                   "offences": [
                     {"qualification": {"category": "CRIMES_AGAINST_HUMANITY", "law": "Law 26.200, art. 9", "penalty": "life imprisonment"},
                      "description": "Detention and torture at the northern site", "committedFrom": "2021-03-01",
                      "committedTo": "2023-06-30", "place": "Northern province"},
                     {"qualification": {"category": "WAR_CRIMES"}, "description": "Pillage"}],
                   "warrant": {"kind": "ARREST_WARRANT", "reference": "W-2026-17", "issuingAuthority": "Rotterdam District Court",
                               "issuedOn": "2026-10-01"},
                   "documents": [{"title": "Arrest warrant W-2026-17"}],
                   "contact": {"name": "J. de Vries", "email": "j.devries@nl.demo"}}}""");
        assertEquals(expected, body);
        // what the extradition service reads it as: the contracts' record, nothing left over or misnamed
        var mapper = new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        var request = mapper.treeToValue(body.path("request"), org.mlaexchange.contracts.extradition.FormalRequest.class);
        assertEquals(java.time.LocalDate.parse("2023-06-30"), request.offences().get(0).committedTo());
        assertEquals(org.mlaexchange.contracts.extradition.IdentifierKind.PASSPORT, request.person().identifiers().get(0).kind());

        // the service's errors name positions in the lists sent: offence 1 sent is row 2 of the form
        Map<String, String> errors = ActionForms.onFields(ActionForms.extradition("submit-formal-request"), StateResource.normalise(Map.of(
                "request.offences[1].qualification", "is required", "request.offences[1].place", "is required",
                "request.offences[0].committedFrom", "must not be in the future", "request.warrant", "is required",
                "request.person.names[1]", "must not be blank")), form);
        assertEquals(Map.of("request.offences.2.qualification.category", "is required", "request.offences.2.place", "is required",
                "request.offences.1.committedFrom", "must not be in the future", "request.warrant.kind", "is required",
                "request.person.names.1", "must not be blank"), errors);
    }

    @Test
    void concurrentRequestsAndConsentsBecomeTheirBodies() throws Exception {
        JsonNode concurrent = ActionForms.body(ActionForms.extradition("record-concurrent-requests"), Map.of(
                "f.otherCaseIds", List.of("6f1c1f4e-8a0b-4a51-9a43-0d6b0c1d2e3f\n"),
                "f.factors.0.factor", List.of("SERIOUSNESS_OF_OFFENCES"), "f.factors.0.assessment", List.of("graver here"),
                "f.factors.1.factor", List.of("PLACE_OF_COMMISSION"), "f.factors.1.assessment", List.of("committed here"),
                "f.chosenCaseId", List.of("6f1c1f4e-8a0b-4a51-9a43-0d6b0c1d2e3f"), "f.reasons", List.of("r")), json.createObjectNode(), json);
        assertEquals(json.readTree("""
                {"otherCaseIds": ["6f1c1f4e-8a0b-4a51-9a43-0d6b0c1d2e3f"],
                 "factors": [{"factor": "SERIOUSNESS_OF_OFFENCES", "assessment": "graver here"},
                             {"factor": "PLACE_OF_COMMISSION", "assessment": "committed here"}],
                 "chosenCaseId": "6f1c1f4e-8a0b-4a51-9a43-0d6b0c1d2e3f", "reasons": "r"}"""), concurrent);
        JsonNode reExtradition = ActionForms.body(ActionForms.extradition("request-re-extradition-consent"), Map.of(
                "f.thirdState", List.of("SN"), "f.offences.0.qualification.category", List.of("GENOCIDE"),
                "f.offences.0.description", List.of("d"), "f.purpose", List.of("p")), json.createObjectNode(), json);
        assertEquals(json.readTree("""
                {"thirdState": "SN", "offences": [{"qualification": {"category": "GENOCIDE"}, "description": "d"}], "purpose": "p"}"""),
                reExtradition);
        JsonNode nothing = ActionForms.body(ActionForms.extradition("request-speciality-consent"), Map.of(), json.createObjectNode(), json);
        assertEquals("{\"offences\":[]}", nothing.toString(), "an empty list is sent for the service to say one is required");
    }

    /** The formal request starts from the provisional arrest's person, offences, warrant and contact. */
    @Test
    void aFormalRequestStartsFromTheProvisionalArrest() throws Exception {
        JsonNode extradition = json.readTree("""
                {"provisionalArrest": {"request": {"person": {"names": ["Carlos Ruiz", "C. Ruiz"], "protectedPerson": false},
                  "offences": [{"qualification": {"category": "GENOCIDE"}, "place": "Salta"}],
                  "warrant": {"kind": "ARREST_WARRANT"}, "urgencyReasons": "flight risk"}}}""");
        ActionForms.Form form = ActionForms.extradition("submit-formal-request", extradition);
        assertEquals("Carlos Ruiz\nC. Ruiz", form.initial("request.person.names"));
        assertEquals("Salta", form.initial("request.offences.0.place"));
        assertEquals("ARREST_WARRANT", form.initial("request.warrant.kind"));
        ActionForms.Field offences = form.fields().stream().filter(f -> f.path().equals("request.offences")).findFirst().orElseThrow();
        List<ActionForms.Row> rows = form.rows(offences, "", Map.of(), Map.of());
        assertEquals(2, rows.size(), "the offence it names and an empty row");
        assertEquals("GENOCIDE", rows.get(0).cells().get(0).value());
        assertEquals("", ActionForms.extradition("request-speciality-consent", extradition).initial("offences.0.place"),
                "other actions start empty");
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
