package org.mlaexchange.console.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The request composer's form to the submission body of {@code POST /api/requests}. Fields are named by
 * their JSON path ("content.measures.0.kind"), so the API's field errors land next to their field.
 * Empty fields are left out: the service says what is missing.
 */
final class Composer {

    static final List<String> MEASURE_KINDS = List.of("TAKING_EVIDENCE_OR_STATEMENTS", "EXAMINING_OBJECTS_AND_SITES",
            "PROVIDING_INFORMATION_AND_EVIDENCE", "PROVIDING_DOCUMENTS_AND_RECORDS", "SPECIAL_INVESTIGATIVE_TECHNIQUES",
            "FACILITATING_VOLUNTARY_APPEARANCE", "CROSS_BORDER_INVESTIGATIONS", "PROTECTION_OF_WITNESSES_AND_VICTIMS",
            "SERVICE_OF_DOCUMENTS", "SEARCH_AND_SEIZURE", "FREEZING_AND_CONFISCATION_OF_ASSETS", "IDENTIFYING_OR_LOCATING_PERSONS");
    static final List<String> CATEGORIES = List.of("GENOCIDE", "CRIMES_AGAINST_HUMANITY", "WAR_CRIMES");
    static final List<String> NATURES = List.of("INVESTIGATION", "PROSECUTION");

    private static final List<String> TEXTS = List.of(
            "content.requestingAuthority.name", "content.requestingAuthority.address",
            "content.proceedingsAuthority.name", "content.proceedingsAuthority.address",
            "content.proceedings.nature", "content.proceedings.subjectMatter", "content.proceedings.caseNumber",
            "content.summaryOfFacts",
            "content.legalQualification.category", "content.legalQualification.annex", "content.legalQualification.law",
            "content.legalQualification.penalty",
            "content.purpose", "content.contact.name", "content.contact.email", "content.contact.phone", "content.language",
            "content.confidentialityReasons", "content.urgencyReasons", "content.desiredDate", "content.officialsPresenceDetails");

    private Composer() {
    }

    static ObjectNode submission(Map<String, String> v, ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        String requested = v.getOrDefault("requestedState", "").strip();
        if (!requested.isEmpty()) {
            body.put("requestedState", requested);
        }
        body.put("urgent", "true".equals(v.get("urgent")));
        body.put("confidential", "true".equals(v.get("confidential")));
        ObjectNode root = body;
        for (String path : TEXTS) {
            String value = v.getOrDefault(path, "").strip();
            if (!value.isEmpty()) {
                put(root, path, value);
            }
        }
        ObjectNode content = body.has("content") ? (ObjectNode) body.get("content") : body.putObject("content");
        content.put("officialsPresenceRequested", "true".equals(v.get("content.officialsPresenceRequested")));
        ArrayNode measures = content.putArray("measures");
        for (int i = 0; i < 4; i++) {
            String kind = v.getOrDefault("content.measures." + i + ".kind", "").strip();
            String specifics = v.getOrDefault("content.measures." + i + ".specifics", "").strip();
            if (!kind.isEmpty() || !specifics.isEmpty()) {
                ObjectNode m = measures.addObject();
                if (!kind.isEmpty()) {
                    m.put("kind", kind);
                }
                if (!specifics.isEmpty()) {
                    m.put("specifics", specifics);
                }
            }
        }
        ArrayNode persons = content.putArray("personsConcerned");
        for (int i = 0; i < 2; i++) {
            String identity = v.getOrDefault("content.personsConcerned." + i + ".identity", "").strip();
            if (!identity.isEmpty()) {
                persons.addObject().put("identity", identity)
                        .put("location", v.getOrDefault("content.personsConcerned." + i + ".location", "").strip())
                        .put("nationality", v.getOrDefault("content.personsConcerned." + i + ".nationality", "").strip())
                        .put("protectedPerson", "true".equals(v.get("content.personsConcerned." + i + ".protectedPerson")));
            }
        }
        return body;
    }

    /** An error on a whole object ("content.contact is required") shows at its first field. */
    static Map<String, String> onFields(Map<String, String> errors) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        errors.forEach((field, message) -> {
            String at = field;
            if (!TEXTS.contains(field) && !field.matches("content\\.(measures|personsConcerned)\\.\\d+\\..*")
                    && !field.equals("requestedState")) {
                at = TEXTS.stream().filter(t -> t.startsWith(field + ".")).findFirst()
                        .orElse(field.equals("content.measures") ? "content.measures.0.kind" : field);
            }
            out.merge(at, message, (a, b) -> a + "; " + b);
        });
        return out;
    }

    private static void put(ObjectNode body, String path, String value) {
        String[] parts = path.split("\\.");
        ObjectNode at = body;
        for (int i = 0; i < parts.length - 1; i++) {
            at = at.has(parts[i]) ? (ObjectNode) at.get(parts[i]) : at.putObject(parts[i]);
        }
        at.put(parts[parts.length - 1], value);
    }
}
