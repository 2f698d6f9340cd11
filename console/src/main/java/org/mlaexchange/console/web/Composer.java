package org.mlaexchange.console.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The request composer's form to the submission body of {@code POST /api/requests}. Fields are named by
 * their JSON path ("content.measures.0.kind"), so the API's field errors land next to their field.
 * Empty fields are left out: the service says what is missing.
 *
 * <p>Each kind of measure has its own fields (the contracts' {@code MeasureRequest} record of that kind):
 * {@link #KIND_FIELDS} describes them once, and both the form's controls and the measure's JSON are made
 * from that table.
 */
public final class Composer {

    /** How a measure's field is typed in and how it goes into JSON. */
    @io.quarkus.qute.TemplateData
    public enum Type {
        /** one line of text */ TEXT,
        /** several lines of text, one string */ TEXTAREA,
        /** one string per line: a JSON array */ LINES,
        /** an ISO date */ DATE,
        /** a few date inputs: a JSON array of dates */ DATES,
        /** a whole number */ NUMBER,
        /** one of a closed list */ SELECT,
        /** a yes: true, else left out */ CHECK,
        /** several of a closed list: a JSON array */ CHECKS,
        /** a person concerned of the same form: a position in content.personsConcerned */ PERSON
    }

    /**
     * One field of a kind of measure: its path in the measure's JSON ("videoConference.ledBy"; "#" stands
     * for the row of a list of objects, "persons.#.status"), its type, its choices and the prefix of their
     * texts, and whether the service requires it once the measure is typed.
     */
    record KindField(String path, Type type, List<String> options, String labels, boolean required) {
    }

    /** Rows of a list of objects (persons heard, protections) and date inputs of a list of dates, per measure. */
    static final int OBJECT_ROWS = 2;
    static final int DATE_INPUTS = 3;
    static final int MAX_MEASURES = 12;
    static final int MAX_PERSONS = 10;

    // the contracts' closed lists (MeasureRequest's enums), codes stable
    private static final List<String> PERSON_STATUS = List.of("WITNESS", "VICTIM", "SUSPECT", "EXPERT");
    private static final List<String> HEARING_LEAD = List.of("REQUESTING_STATE", "REQUESTED_STATE");
    private static final List<String> CERTIFICATION = List.of("CERTIFIED_COPIES", "ORIGINALS", "COPIES");
    private static final List<String> PROTECTIVE = List.of("IDENTITY_NON_DISCLOSURE", "TESTIMONY_BY_VIDEO_LINK",
            "VOICE_OR_IMAGE_DISTORTION", "PHYSICAL_PROTECTION", "RELOCATION", "OTHER");
    private static final List<String> ASSET_ACTION = List.of("FREEZE", "CONFISCATE");

    /** Each kind's own fields, in the order of the contract's record; what the service requires when typed is marked. */
    static final Map<String, List<KindField>> KIND_FIELDS = kinds();

    static final List<String> MEASURE_KINDS = List.copyOf(KIND_FIELDS.keySet());
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
    private static final List<String> PERSON_FIELDS = List.of("identity", "location", "nationality", "protectedPerson");
    private static final String MEASURES = "content.measures";
    private static final String PERSONS = "content.personsConcerned";
    /** The kind whose fields a measure's row showed: a kind changed since is shown before it is sent. */
    static final String SHOWN_KIND = "shownKind";

    private Composer() {
    }

    private static Map<String, List<KindField>> kinds() {
        Map<String, List<KindField>> k = new LinkedHashMap<>();
        k.put("TAKING_EVIDENCE_OR_STATEMENTS", List.of(person("persons.#.person", true),
                select("persons.#.status", PERSON_STATUS, "personStatus", true), f("questions", Type.LINES, true),
                f("rightsToNotify", Type.LINES, false), f("interpreterLanguages", Type.LINES, false),
                f("videoConference.proposedDates", Type.DATES, true),
                select("videoConference.ledBy", HEARING_LEAD, "hearingLead", true),
                f("videoConference.officialsPresent", Type.LINES, false)));
        k.put("EXAMINING_OBJECTS_AND_SITES", List.of(f("location", Type.TEXT, true), f("subject", Type.TEXT, true),
                f("method", Type.TEXT, true), f("standard", Type.TEXT, false), f("experts", Type.LINES, false)));
        k.put("PROVIDING_INFORMATION_AND_EVIDENCE", List.of(f("items", Type.LINES, true), f("expertEvaluation", Type.CHECK, false),
                f("expertQualifications", Type.TEXT, false)));
        k.put("PROVIDING_DOCUMENTS_AND_RECORDS", List.of(f("holder", Type.TEXT, true), f("identifiers", Type.LINES, false),
                f("periodFrom", Type.DATE, false), f("periodTo", Type.DATE, false),
                select("certification", CERTIFICATION, "certification", true)));
        k.put("SPECIAL_INVESTIGATIVE_TECHNIQUES", List.of(f("technique", Type.TEXT, true), f("legalAuthorisation", Type.TEXT, true),
                f("durationDays", Type.NUMBER, true), f("resultsHandling", Type.TEXTAREA, true)));
        k.put("FACILITATING_VOLUNTARY_APPEARANCE", List.of(person("person", true), f("safeConduct", Type.CHECK, false),
                f("temporaryTransfer.personConsents", Type.CHECK, false), f("temporaryTransfer.agreedTerms", Type.TEXTAREA, false),
                f("temporaryTransfer.custody", Type.TEXT, false), f("temporaryTransfer.returnDate", Type.DATE, false)));
        k.put("CROSS_BORDER_INVESTIGATIONS", List.of(f("area", Type.TEXT, true), f("from", Type.DATE, true), f("to", Type.DATE, true),
                f("officers", Type.LINES, true), f("stopConditions", Type.TEXTAREA, true)));
        k.put("PROTECTION_OF_WITNESSES_AND_VICTIMS", List.of(person("protections.#.person", true),
                new KindField("protections.#.measures", Type.CHECKS, PROTECTIVE, "protective", true),
                f("protections.#.details", Type.TEXT, false)));
        k.put("SERVICE_OF_DOCUMENTS", List.of(person("person", true), f("documents", Type.LINES, true)));
        k.put("SEARCH_AND_SEIZURE", List.of(f("place", Type.TEXT, true), f("sought", Type.LINES, true)));
        k.put("FREEZING_AND_CONFISCATION_OF_ASSETS", List.of(select("action", ASSET_ACTION, "assetAction", true),
                f("assets", Type.LINES, true), f("holder", Type.TEXT, false), f("orderReference", Type.TEXT, false)));
        k.put("IDENTIFYING_OR_LOCATING_PERSONS", List.of(person("person", true), f("lastKnownLocation", Type.TEXT, false)));
        k.put("OTHER_ASSISTANCE", List.of(f("reasons", Type.TEXTAREA, false)));
        return java.util.Collections.unmodifiableMap(k);
    }

    private static KindField f(String path, Type type, boolean required) {
        return new KindField(path, type, List.of(), "", required);
    }

    private static KindField select(String path, List<String> options, String labels, boolean required) {
        return new KindField(path, Type.SELECT, options, labels, required);
    }

    private static KindField person(String path, boolean required) {
        return new KindField(path, Type.PERSON, List.of(), "", required);
    }

    // ------------------------------------------------------------------------------------------
    // The form as the composer shows it
    // ------------------------------------------------------------------------------------------

    /**
     * One control of a measure's row. {@code label} is the text key of the field ("content.measures.persons.person"),
     * {@code ordinal} the row of a list it belongs to (1, 2, ...; 0 when none).
     */
    @io.quarkus.qute.TemplateData
    public record Control(String name, String label, int ordinal, Type type, List<String> options, String labels, boolean required,
                          String value, String error) {

        public String id() {
            return Extensions.dashed(name);
        }

        /** Whether a choice of a {@link Type#CHECKS} control is ticked. */
        public boolean chosen(String option) {
            return value.lines().anyMatch(option::equals);
        }
    }

    /** A person concerned offered in the measures' person selects: its row in the form and what was typed as its identity. */
    @io.quarkus.qute.TemplateData
    public record PersonOption(String value, int ordinal, String identity) {
    }

    /**
     * A measure's row: its kind's controls, and what was typed in fields its kind does not have (another kind's,
     * before the kind changed), carried along hidden so that nothing typed is lost when the kind changes back.
     */
    @io.quarkus.qute.TemplateData
    public record MeasureRow(int index, String kind, List<Control> controls, List<Map.Entry<String, String>> carried) {

        public int ordinal() {
            return index + 1;
        }

        public String field(String name) {
            return MEASURES + "." + index + "." + name;
        }
    }

    /** The measures' rows: every row typed in, and an empty one to add a measure. */
    static List<MeasureRow> measureRows(Map<String, String> v, Map<String, String> errors) {
        List<MeasureRow> rows = new ArrayList<>();
        int count = Math.min(MAX_MEASURES, Math.max(2, lastRow(v, MEASURES) + 2));
        for (int i = 0; i < count; i++) {
            String prefix = MEASURES + "." + i + ".";
            String kind = v.getOrDefault(prefix + "kind", "").strip();
            List<Control> controls = controls(i, kind, v, errors);
            Set<String> shown = new LinkedHashSet<>(List.of(prefix + "kind", prefix + "specifics", prefix + SHOWN_KIND));
            controls.forEach(c -> shown.add(c.name()));
            List<Map.Entry<String, String>> carried = new ArrayList<>();
            v.entrySet().stream().filter(e -> e.getKey().startsWith(prefix) && !shown.contains(e.getKey()))
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> e.getValue().lines().filter(l -> !l.isBlank()).forEach(l -> carried.add(Map.entry(e.getKey(), l))));
            rows.add(new MeasureRow(i, kind, controls, carried));
        }
        return rows;
    }

    /** The rows of persons concerned: every row typed in, and an empty one to add a person. */
    static List<Integer> personRows(Map<String, String> v) {
        int count = Math.min(MAX_PERSONS, Math.max(2, lastRow(v, PERSONS) + 2));
        return java.util.stream.IntStream.range(0, count).boxed().toList();
    }

    /** The persons a measure may name: every row of persons concerned, with the identity typed so far. */
    static List<PersonOption> personOptions(Map<String, String> v) {
        return personRows(v).stream().map(i -> new PersonOption(String.valueOf(i), i + 1,
                v.getOrDefault(PERSONS + "." + i + ".identity", "").strip())).toList();
    }

    private static List<Control> controls(int measure, String kind, Map<String, String> v, Map<String, String> errors) {
        List<Control> out = new ArrayList<>();
        String prefix = MEASURES + "." + measure + ".";
        List<KindField> fields = KIND_FIELDS.getOrDefault(kind, List.of());
        Set<String> listsDone = new LinkedHashSet<>();
        for (KindField f : fields) {
            if (!f.path().contains("#")) {
                control(out, f, prefix + f.path(), 0, f.required(), v, errors);
                continue;
            }
            // a list of objects row by row: person 1 and its status, then person 2 and its status
            String list = f.path().substring(0, f.path().indexOf(".#"));
            if (listsDone.add(list)) {
                for (int r = 0; r < OBJECT_ROWS; r++) {
                    for (KindField part : fields) {
                        if (part.path().startsWith(list + ".#.")) {
                            control(out, part, prefix + part.path().replace("#", String.valueOf(r)), r + 1, part.required() && r == 0, v, errors);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void control(List<Control> out, KindField f, String path, int ordinal, boolean required, Map<String, String> v,
                                Map<String, String> errors) {
        String label = MEASURES + "." + f.path().replace(".#", "");
        if (f.type() == Type.DATES) {
            for (int d = 0; d < DATE_INPUTS; d++) {
                String name = path + "." + d;
                out.add(new Control(name, label, d + 1, f.type(), f.options(), f.labels(), required && d == 0, v.getOrDefault(name, ""),
                        errors.get(name)));
            }
        } else {
            out.add(new Control(path, label, ordinal, f.type(), f.options(), f.labels(), required, v.getOrDefault(path, ""), errors.get(path)));
        }
    }

    /** Every field the composer shows for these values: where the service's errors can be placed. */
    static List<String> fieldNames(Map<String, String> v) {
        List<String> names = new ArrayList<>(List.of("requestedState"));
        names.addAll(TEXTS);
        for (int i : personRows(v)) {
            PERSON_FIELDS.forEach(f -> names.add(PERSONS + "." + i + "." + f));
        }
        for (MeasureRow row : measureRows(v, Map.of())) {
            names.add(row.field("kind"));
            names.add(row.field("specifics"));
            row.controls().forEach(c -> names.add(c.name()));
        }
        return names;
    }

    /** The highest row of a list with anything typed in it; -1 when none. */
    private static int lastRow(Map<String, String> v, String list) {
        int last = -1;
        java.util.regex.Pattern row = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(list) + "\\.(\\d+)\\.(.+)");
        for (Map.Entry<String, String> e : v.entrySet()) {
            java.util.regex.Matcher m = row.matcher(e.getKey());
            if (m.matches() && !m.group(2).equals(SHOWN_KIND) && !e.getValue().isBlank() && m.group(1).length() < 4) {
                last = Math.max(last, Integer.parseInt(m.group(1)));
            }
        }
        return last;
    }

    /**
     * The measures whose kind changed since their fields were shown (picked without "Update the form"): their
     * own fields are shown first, so that none is sent without the officer having seen it.
     */
    static List<Integer> kindsChanged(Map<String, String> v) {
        List<Integer> changed = new ArrayList<>();
        for (MeasureRow row : measureRows(v, Map.of())) {
            String shown = v.getOrDefault(row.field(SHOWN_KIND), "").strip();
            if (!row.kind().equals(shown) && !KIND_FIELDS.getOrDefault(row.kind(), List.of()).isEmpty()) {
                changed.add(row.index());
            }
        }
        return changed;
    }

    // ------------------------------------------------------------------------------------------
    // The form to JSON
    // ------------------------------------------------------------------------------------------

    static ObjectNode submission(Map<String, String> v, ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        String requested = v.getOrDefault("requestedState", "").strip();
        if (!requested.isEmpty()) {
            body.put("requestedState", requested);
        }
        body.put("urgent", "true".equals(v.get("urgent")));
        body.put("confidential", "true".equals(v.get("confidential")));
        for (String path : TEXTS) {
            String value = v.getOrDefault(path, "").strip();
            if (!value.isEmpty()) {
                put(body, path, value);
            }
        }
        ObjectNode content = body.has("content") ? (ObjectNode) body.get("content") : body.putObject("content");
        content.put("officialsPresenceRequested", "true".equals(v.get("content.officialsPresenceRequested")));
        List<Integer> persons = personsSent(v);
        ArrayNode measures = content.putArray("measures");
        for (int i : measuresSent(v)) {
            String prefix = MEASURES + "." + i + ".";
            String kind = v.getOrDefault(prefix + "kind", "").strip();
            String specifics = v.getOrDefault(prefix + "specifics", "").strip();
            ObjectNode m = measures.addObject();
            if (!kind.isEmpty()) {
                m.put("kind", kind);
            }
            if (!specifics.isEmpty()) {
                m.put("specifics", specifics);
            }
            for (KindField f : KIND_FIELDS.getOrDefault(kind, List.of())) {
                if (f.path().contains("#")) {
                    continue;
                }
                put(m, f.path(), value(f, prefix + f.path(), v, persons, json));
            }
            objectLists(m, prefix, KIND_FIELDS.getOrDefault(kind, List.of()), v, persons, json);
        }
        ArrayNode personsNode = content.putArray("personsConcerned");
        for (int i : persons) {
            String at = PERSONS + "." + i + ".";
            personsNode.addObject().put("identity", v.getOrDefault(at + "identity", "").strip())
                    .put("location", v.getOrDefault(at + "location", "").strip())
                    .put("nationality", v.getOrDefault(at + "nationality", "").strip())
                    .put("protectedPerson", "true".equals(v.get(at + "protectedPerson")));
        }
        return body;
    }

    /** The lists of objects of a kind ("persons.#.person", "persons.#.status"): one object per row with anything in it. */
    private static void objectLists(ObjectNode m, String prefix, List<KindField> fields, Map<String, String> v, List<Integer> persons,
                                    ObjectMapper json) {
        Map<String, List<KindField>> lists = new LinkedHashMap<>();
        fields.stream().filter(f -> f.path().contains("#"))
                .forEach(f -> lists.computeIfAbsent(f.path().substring(0, f.path().indexOf(".#")), x -> new ArrayList<>()).add(f));
        lists.forEach((list, parts) -> {
            ArrayNode rows = json.createArrayNode();
            for (int r = 0; r < OBJECT_ROWS; r++) {
                ObjectNode row = json.createObjectNode();
                for (KindField f : parts) {
                    String name = prefix + f.path().replace("#", String.valueOf(r));
                    put(row, f.path().substring(f.path().indexOf("#.") + 2), value(f, name, v, persons, json));
                }
                if (!row.isEmpty()) {
                    rows.add(row);
                }
            }
            if (!rows.isEmpty()) {
                m.set(list, rows);
            }
        });
    }

    /** A field's JSON value; null when nothing was typed (left out). */
    private static com.fasterxml.jackson.databind.JsonNode value(KindField f, String name, Map<String, String> v, List<Integer> persons,
                                                                 ObjectMapper json) {
        String typed = v.getOrDefault(name, "").strip();
        var nodes = json.getNodeFactory();
        switch (f.type()) {
            case LINES, CHECKS -> {
                List<String> lines = typed.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
                if (lines.isEmpty()) {
                    return null;
                }
                ArrayNode a = json.createArrayNode();
                lines.forEach(a::add);
                return a;
            }
            case DATES -> {
                ArrayNode a = json.createArrayNode();
                for (int d = 0; d < DATE_INPUTS; d++) {
                    String date = v.getOrDefault(name + "." + d, "").strip();
                    if (!date.isEmpty()) {
                        a.add(date);
                    }
                }
                return a.isEmpty() ? null : a;
            }
            case CHECK -> {
                return "true".equals(typed) ? nodes.booleanNode(true) : null;
            }
            case NUMBER -> {
                if (typed.isEmpty()) {
                    return null;
                }
                // not a number: sent as typed, for the service to say what is wrong with it
                return typed.matches("-?\\d{1,9}") ? nodes.numberNode(Integer.parseInt(typed)) : nodes.textNode(typed);
            }
            case PERSON -> {
                if (!typed.matches("\\d{1,4}")) {
                    return null;
                }
                // a row of the form to its position among the persons sent; a row left empty names no one
                int position = persons.indexOf(Integer.parseInt(typed));
                return nodes.numberNode(position >= 0 ? position : persons.size());
            }
            default -> {
                return typed.isEmpty() ? null : nodes.textNode(typed);
            }
        }
    }

    /** The rows of measures sent, in order: those with a kind or words. */
    private static List<Integer> measuresSent(Map<String, String> v) {
        List<Integer> sent = new ArrayList<>();
        for (int i = 0; i < MAX_MEASURES; i++) {
            String prefix = MEASURES + "." + i + ".";
            if (!v.getOrDefault(prefix + "kind", "").isBlank() || !v.getOrDefault(prefix + "specifics", "").isBlank()) {
                sent.add(i);
            }
        }
        return sent;
    }

    /** The rows of persons concerned sent, in order: those with an identity. */
    private static List<Integer> personsSent(Map<String, String> v) {
        List<Integer> sent = new ArrayList<>();
        for (int i = 0; i < MAX_PERSONS; i++) {
            if (!v.getOrDefault(PERSONS + "." + i + ".identity", "").isBlank()) {
                sent.add(i);
            }
        }
        return sent;
    }

    // ------------------------------------------------------------------------------------------
    // The service's field errors to the form's fields
    // ------------------------------------------------------------------------------------------

    /**
     * The service's field errors (paths already dotted: "content.measures.0.videoConference.proposedDates.1") on the
     * composer's fields: positions in the lists sent read as the form's rows; an error on a part of a field
     * ("questions.1") shows on the field, one on a whole object ("content.contact", "persons") at its first field;
     * one that names no field of the form stays as it is (listed above the form).
     */
    static Map<String, String> onFields(Map<String, String> errors, Map<String, String> v) {
        List<String> names = fieldNames(v);
        List<Integer> measures = measuresSent(v);
        List<Integer> persons = personsSent(v);
        Map<String, String> out = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            String path = withinMeasure(row(row(field, MEASURES, measures), PERSONS, persons), v);
            out.merge(place(path, names), message, (a, b) -> a + "; " + b);
        });
        return out;
    }

    private static String row(String path, String list, List<Integer> sent) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(list) + "\\.(\\d{1,4})(\\..*)?").matcher(path);
        if (m.matches() && Integer.parseInt(m.group(1)) < sent.size()) {
            return list + "." + sent.get(Integer.parseInt(m.group(1))) + (m.group(2) == null ? "" : m.group(2));
        }
        return path;
    }

    /** Within a measure, positions in its lists (dates, persons heard, protections) read as the rows of the form too. */
    private static String withinMeasure(String path, Map<String, String> v) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(MEASURES) + "\\.(\\d{1,4})\\.(.+)").matcher(path);
        if (!m.matches()) {
            return path;
        }
        String prefix = MEASURES + "." + m.group(1) + ".";
        for (KindField f : KIND_FIELDS.getOrDefault(v.getOrDefault(prefix + "kind", "").strip(), List.of())) {
            String list = f.type() == Type.DATES ? f.path() : f.path().contains(".#") ? f.path().substring(0, f.path().indexOf(".#")) : null;
            if (list == null) {
                continue;
            }
            List<Integer> sent = new ArrayList<>();
            int rows = f.type() == Type.DATES ? DATE_INPUTS : OBJECT_ROWS;
            for (int r = 0; r < rows; r++) {
                String row = prefix + list + "." + r;
                if (v.entrySet().stream().anyMatch(e -> (e.getKey().equals(row) || e.getKey().startsWith(row + ".")) && !e.getValue().isBlank())) {
                    sent.add(r);
                }
            }
            String mapped = row(path, prefix + list, sent);
            if (!mapped.equals(path)) {
                return mapped;
            }
        }
        return path;
    }

    private static String place(String path, List<String> names) {
        for (String at = path; at.contains(".") || at.equals("requestedState"); at = at.substring(0, Math.max(0, at.lastIndexOf('.')))) {
            if (names.contains(at)) {
                return at;
            }
            String object = at + ".";
            for (String name : names) {
                if (name.startsWith(object)) {
                    return name;
                }
            }
            if (at.equals("requestedState") || at.indexOf('.') == at.lastIndexOf('.') && at.startsWith("content.")
                    && !at.startsWith(MEASURES) && !at.startsWith(PERSONS)) {
                break; // a field of content the composer does not show: no parent to fall back on
            }
        }
        return path;
    }

    private static void put(ObjectNode body, String path, Object value) {
        if (value == null) {
            return;
        }
        String[] parts = path.split("\\.");
        ObjectNode at = body;
        for (int i = 0; i < parts.length - 1; i++) {
            at = at.has(parts[i]) ? (ObjectNode) at.get(parts[i]) : at.putObject(parts[i]);
        }
        if (value instanceof com.fasterxml.jackson.databind.JsonNode node) {
            at.set(parts[parts.length - 1], node);
        } else {
            at.put(parts[parts.length - 1], value.toString());
        }
    }
}
