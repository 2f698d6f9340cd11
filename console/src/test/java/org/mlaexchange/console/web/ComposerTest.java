package org.mlaexchange.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.request.MeasureRequest;
import org.mlaexchange.contracts.request.MeasureRequest.CertificationFormat;
import org.mlaexchange.contracts.request.MeasureRequest.FacilitatingVoluntaryAppearance;
import org.mlaexchange.contracts.request.MeasureRequest.HearingLead;
import org.mlaexchange.contracts.request.MeasureRequest.PersonHeard;
import org.mlaexchange.contracts.request.MeasureRequest.PersonStatus;
import org.mlaexchange.contracts.request.MeasureRequest.ProvidingDocumentsAndRecords;
import org.mlaexchange.contracts.request.MeasureRequest.TakingEvidence;
import org.mlaexchange.contracts.request.MeasureRequest.TemporaryTransfer;
import org.mlaexchange.contracts.request.MeasureRequest.VideoConference;
import org.mlaexchange.contracts.request.RequestContent;

/**
 * The composer's typed measures: a filled form is the JSON the request service reads into its contract records, the
 * service's field errors land on the control they name, and changing a measure's kind loses nothing typed.
 */
class ComposerTest {

    private final ObjectMapper json = new ObjectMapper();

    /** A request with three typed measures, as an officer fills the form (the second person row left empty). */
    static Map<String, String> filledForm() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("requestedState", "AR");
        v.put("content.language", "en");
        v.put("content.summaryOfFacts", "Civilians were detained and tortured at a site run by the suspect.");
        v.put("content.personsConcerned.0.identity", "Witness W-17");
        v.put("content.personsConcerned.0.location", "Buenos Aires");
        v.put("content.personsConcerned.2.identity", "Detainee D-3");
        v.put("content.personsConcerned.2.protectedPerson", "true");
        // 0: a hearing by video conference
        v.put("content.measures.0.kind", "TAKING_EVIDENCE_OR_STATEMENTS");
        v.put("content.measures.0.specifics", "Hear witness W-17 by video conference");
        v.put("content.measures.0.persons.0.person", "0");
        v.put("content.measures.0.persons.0.status", "WITNESS");
        v.put("content.measures.0.questions", "Conditions of detention at the site\r\n\n  Who gave orders to the guards \n");
        v.put("content.measures.0.rightsToNotify", "To refuse answers that could incriminate the witness");
        v.put("content.measures.0.interpreterLanguages", "es");
        v.put("content.measures.0.videoConference.proposedDates.0", "2027-03-01");
        v.put("content.measures.0.videoConference.proposedDates.2", "2027-03-02");
        v.put("content.measures.0.videoConference.ledBy", "REQUESTING_STATE");
        v.put("content.measures.0.videoConference.officialsPresent", "Investigating judge, Rotterdam District Court");
        // 1: documents and records
        v.put("content.measures.1.kind", "PROVIDING_DOCUMENTS_AND_RECORDS");
        v.put("content.measures.1.specifics", "Bank records of account AR-0042, 2021-2023");
        v.put("content.measures.1.holder", " Banco Ejemplo S.A., Buenos Aires ");
        v.put("content.measures.1.identifiers", "AR-0042");
        v.put("content.measures.1.periodFrom", "2021-01-01");
        v.put("content.measures.1.periodTo", "2023-12-31");
        v.put("content.measures.1.certification", "CERTIFIED_COPIES");
        // 2 is left empty; 3: the voluntary appearance of a detained person, by temporary transfer
        v.put("content.measures.3.kind", "FACILITATING_VOLUNTARY_APPEARANCE");
        v.put("content.measures.3.specifics", "Transfer D-3 to testify at the trial");
        v.put("content.measures.3.person", "2");
        v.put("content.measures.3.safeConduct", "true");
        v.put("content.measures.3.temporaryTransfer.personConsents", "true");
        v.put("content.measures.3.temporaryTransfer.agreedTerms", "Kept in custody, returned after the testimony");
        v.put("content.measures.3.temporaryTransfer.custody", "Dutch Custodial Institutions Agency");
        v.put("content.measures.3.temporaryTransfer.returnDate", "2027-04-30");
        // typed under another kind before the kind changed: not sent
        v.put("content.measures.1.assets", "AR-0042");
        for (int i = 0; i < 4; i++) {
            v.put("content.measures." + i + "." + Composer.SHOWN_KIND, v.getOrDefault("content.measures." + i + ".kind", ""));
        }
        return v;
    }

    @Test
    void typedMeasuresAreTheJsonTheRequestServiceReads() throws Exception {
        JsonNode body = Composer.submission(filledForm(), json);
        JsonNode measures = body.path("content").path("measures");
        List<MeasureRequest> read = EventJson.mapper().convertValue(measures, new TypeReference<List<MeasureRequest>>() { });
        List<MeasureRequest> expected = List.of(
                new TakingEvidence("Hear witness W-17 by video conference", List.of(new PersonHeard(0, PersonStatus.WITNESS)),
                        List.of("Conditions of detention at the site", "Who gave orders to the guards"),
                        List.of("To refuse answers that could incriminate the witness"), List.of("es"),
                        new VideoConference(List.of(LocalDate.parse("2027-03-01"), LocalDate.parse("2027-03-02")),
                                HearingLead.REQUESTING_STATE, List.of("Investigating judge, Rotterdam District Court"))),
                new ProvidingDocumentsAndRecords("Bank records of account AR-0042, 2021-2023", "Banco Ejemplo S.A., Buenos Aires",
                        List.of("AR-0042"), LocalDate.parse("2021-01-01"), LocalDate.parse("2023-12-31"), CertificationFormat.CERTIFIED_COPIES),
                // the person of the third row is the second person sent
                new FacilitatingVoluntaryAppearance("Transfer D-3 to testify at the trial", 1,
                        new TemporaryTransfer(true, "Kept in custody, returned after the testimony", "Dutch Custodial Institutions Agency",
                                LocalDate.parse("2027-04-30")), true));
        assertEquals(expected, read);
        // exactly that JSON: nothing more (no empty field, nothing of another kind), nothing less
        assertEquals(EventJson.mapper().valueToTree(expected), measures);
        RequestContent content = EventJson.mapper().treeToValue(body.path("content"), RequestContent.class);
        assertEquals(List.of("Witness W-17", "Detainee D-3"), content.personsConcerned().stream().map(p -> p.identity()).toList());
        assertTrue(content.personsConcerned().get(1).protectedPerson());
    }

    @Test
    void aMeasureInWordsOnlyStaysKindAndSpecifics() throws Exception {
        Map<String, String> v = Map.of("content.measures.0.kind", "SEARCH_AND_SEIZURE", "content.measures.0.specifics", "Search the site",
                "content.measures.0.place", " ", "content.measures.1.kind", "OTHER_ASSISTANCE", "content.measures.1.specifics", "x",
                "content.measures.1.reasons", "why");
        JsonNode measures = Composer.submission(v, json).path("content").path("measures");
        assertEquals("[{\"kind\":\"SEARCH_AND_SEIZURE\",\"specifics\":\"Search the site\"},"
                + "{\"kind\":\"OTHER_ASSISTANCE\",\"specifics\":\"x\",\"reasons\":\"why\"}]", measures.toString());
        assertEquals(List.of(MeasureRequest.described(org.mlaexchange.contracts.request.MeasureKind.SEARCH_AND_SEIZURE, "Search the site"),
                new MeasureRequest.OtherAssistance("x", "why")),
                EventJson.mapper().convertValue(measures, new TypeReference<List<MeasureRequest>>() { }));
    }

    @Test
    void protectionsAndAssetsBecomeTheirLists() {
        Map<String, String> v = new HashMap<>(Map.of("content.personsConcerned.0.identity", "V-1",
                "content.measures.0.kind", "PROTECTION_OF_WITNESSES_AND_VICTIMS", "content.measures.0.specifics", "Protect V-1",
                "content.measures.0.protections.1.person", "0",
                "content.measures.0.protections.1.measures", "IDENTITY_NON_DISCLOSURE\nRELOCATION",
                "content.measures.1.kind", "SPECIAL_INVESTIGATIVE_TECHNIQUES", "content.measures.1.specifics", "Intercept",
                "content.measures.1.durationDays", "30"));
        JsonNode measures = Composer.submission(v, json).path("content").path("measures");
        assertEquals("{\"kind\":\"PROTECTION_OF_WITNESSES_AND_VICTIMS\",\"specifics\":\"Protect V-1\",\"protections\":"
                + "[{\"person\":0,\"measures\":[\"IDENTITY_NON_DISCLOSURE\",\"RELOCATION\"]}]}", measures.get(0).toString());
        assertEquals(30, measures.get(1).path("durationDays").intValue());
        EventJson.mapper().convertValue(measures, new TypeReference<List<MeasureRequest>>() { });
    }

    @Test
    void theServicesFieldErrorsLandOnTheirControl() {
        Map<String, String> v = filledForm();
        Map<String, String> errors = Composer.onFields(StateResource.normalise(new LinkedHashMap<>(Map.of(
                "content.measures[0].videoConference.proposedDates[1]", "must not be in the past",
                "content.measures[0].questions[1]", "must not be blank",
                "content.measures[1].certification", "is required",
                // measures and persons sent are counted without the empty rows of the form
                "content.measures[2].temporaryTransfer.personConsents", "a detained person is transferred only with his or her consent",
                "content.measures[2].person", "is not a position",
                "content.personsConcerned[1].nationality", "is not a State",
                "content.contact", "is required"))), v);
        assertEquals(Map.of(
                // the second date sent is the third input
                "content.measures.0.videoConference.proposedDates.2", "must not be in the past",
                "content.measures.0.questions", "must not be blank",
                "content.measures.1.certification", "is required",
                "content.measures.3.temporaryTransfer.personConsents", "a detained person is transferred only with his or her consent",
                "content.measures.3.person", "is not a position",
                "content.personsConcerned.2.nationality", "is not a State",
                "content.contact.name", "is required"), errors);
        // a list without any item shows its error at its first control
        assertEquals(Map.of("content.measures.0.videoConference.proposedDates.0", "propose at least one date",
                        "content.measures.0.persons.0.person", "name at least one person to hear"),
                Composer.onFields(Map.of("content.measures.0.videoConference.proposedDates", "propose at least one date",
                        "content.measures.0.persons", "name at least one person to hear"), v));
        Composer.Control consent = control(Composer.measureRows(v, errors).get(3), "content.measures.3.temporaryTransfer.personConsents");
        assertEquals("a detained person is transferred only with his or her consent", consent.error());
        assertEquals("content-measures-3-temporaryTransfer-personConsents", consent.id());
    }

    @Test
    void changingAMeasuresKindKeepsWhatWasTyped() {
        Map<String, String> v = filledForm();
        v.put("content.measures.1.kind", "FREEZING_AND_CONFISCATION_OF_ASSETS");
        assertEquals(List.of(1), Composer.kindsChanged(v), "a kind picked without updating the form is shown before it is sent");
        // "Update the form": the new kind's fields, with what they share with the old one
        Composer.MeasureRow assets = Composer.measureRows(v, Map.of()).get(1);
        assertEquals("Banco Ejemplo S.A., Buenos Aires", control(assets, "content.measures.1.holder").value().strip());
        assertEquals("AR-0042", control(assets, "content.measures.1.assets").value());
        Map<String, String> resubmitted = resubmit(v, assets);
        assertEquals(List.of(), Composer.kindsChanged(resubmitted));
        // and back: the fields of documents and records come back as typed
        resubmitted.put("content.measures.1.kind", "PROVIDING_DOCUMENTS_AND_RECORDS");
        Composer.MeasureRow documents = Composer.measureRows(resubmitted, Map.of()).get(1);
        assertEquals("AR-0042", control(documents, "content.measures.1.identifiers").value());
        assertEquals("2021-01-01", control(documents, "content.measures.1.periodFrom").value());
        assertEquals("CERTIFIED_COPIES", control(documents, "content.measures.1.certification").value());
        assertEquals(Composer.submission(filledForm(), json), Composer.submission(resubmit(resubmitted, documents), json));
    }

    @Test
    void rowsGrowWithWhatIsTypedAndPersonsAreOffered() {
        Map<String, String> v = filledForm();
        assertEquals(5, Composer.measureRows(v, Map.of()).size(), "measures 1 to 4 and an empty one");
        assertEquals(List.of(0, 1, 2, 3), Composer.personRows(v));
        assertEquals(new Composer.PersonOption("2", 3, "Detainee D-3"), Composer.personOptions(v).get(2));
        assertEquals(2, Composer.measureRows(Map.of(), Map.of()).size());
    }

    @Test
    void everyFieldAndChoiceOfEveryKindHasItsTextInEachLanguage() throws Exception {
        Set<String> missing = new TreeSet<>();
        for (String lang : List.of("en", "fr", "es")) {
            Properties texts = new Properties();
            try (var in = getClass().getResourceAsStream("/messages/console_" + lang + ".properties")) {
                texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (String kind : Composer.MEASURE_KINDS) {
                if (!texts.containsKey("measure." + kind)) {
                    missing.add(lang + ": measure." + kind);
                }
                for (Composer.KindField f : Composer.KIND_FIELDS.get(kind)) {
                    String label = "field.content.measures." + f.path().replace(".#", "");
                    if (!texts.containsKey(label)) {
                        missing.add(lang + ": " + label);
                    }
                    f.options().stream().map(o -> f.labels() + "." + o).filter(k -> !texts.containsKey(k)).forEach(k -> missing.add(lang + ": " + k));
                }
            }
        }
        assertTrue(missing.isEmpty(), "texts missing: " + missing);
        assertEquals(Set.copyOf(List.of(org.mlaexchange.contracts.request.MeasureKind.values()).stream().map(Enum::name).toList()),
                Set.copyOf(Composer.MEASURE_KINDS), "every kind of the contract has its fields");
    }

    private static Composer.Control control(Composer.MeasureRow row, String name) {
        return row.controls().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not among " + row.controls().stream().map(Composer.Control::name).toList()));
    }

    /** What the browser sends back from a measure's row as rendered: its controls, the carried values, the kind shown. */
    private static Map<String, String> resubmit(Map<String, String> before, Composer.MeasureRow row) {
        String prefix = "content.measures." + row.index() + ".";
        Map<String, String> after = new HashMap<>();
        before.forEach((k, val) -> {
            if (!k.startsWith(prefix) || k.endsWith(".kind") || k.endsWith(".specifics")) {
                after.put(k, val);
            }
        });
        after.put(prefix + Composer.SHOWN_KIND, row.kind());
        row.controls().stream().filter(c -> !c.value().isEmpty()).forEach(c -> after.put(c.name(), c.value()));
        row.carried().forEach(e -> after.merge(e.getKey(), e.getValue(), (a, b) -> a + "\n" + b));
        return after;
    }
}
