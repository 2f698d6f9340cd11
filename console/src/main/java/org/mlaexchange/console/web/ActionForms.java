package org.mlaexchange.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The forms of the actions a service offers. Which actions appear is the service's answer
 * ({@code allowedActions} of the case); this only says what each action's body holds, field by field,
 * as the service's OpenAPI describes it. An action without a form here gets a JSON body field.
 */
public final class ActionForms {

    @io.quarkus.qute.TemplateData
    public enum Type { TEXT, TEXTAREA, LINES, DATE, DATETIME, EMAIL, SELECT, MULTI, MEASURES, PROGRESS, CHECKBOX, ASSURANCES, ROWS, JSON }

    /**
     * One field: its JSON path in the body (dotted), its kind, its choices, whether the service requires it. A
     * {@link Type#ROWS} field is a list of objects: {@code parts} are the fields of one row, their paths relative to it.
     */
    @io.quarkus.qute.TemplateData
    public record Field(String path, Type type, List<String> options, boolean required, String labels, List<Field> parts) {
        public Field(String path, Type type, List<String> options, boolean required) {
            this(path, type, options, required, "option");
        }

        public Field(String path, Type type, List<String> options, boolean required, String labels) {
            this(path, type, options, required, labels, List.of());
        }

        public String name() {
            return "f." + path;
        }

        /** The name of one part of a composite field (an assurance's kind, a measure's status). */
        public String part(String first, String second) {
            return name() + "." + first + (second.isEmpty() ? "" : "." + second);
        }

        public String id(String action) {
            return action + "-" + path.replace('.', '-');
        }
    }

    /** One input of a row of a {@link Type#ROWS} field, as the template shows it. */
    @io.quarkus.qute.TemplateData
    public record Cell(String name, String id, String label, Type type, List<String> options, String labels, boolean required,
                       String value, String error) {
    }

    /** One row of a {@link Type#ROWS} field: an offence, an identifier, a document, a factor weighed. */
    @io.quarkus.qute.TemplateData
    public record Row(int index, String id, List<Cell> cells) {
        public int ordinal() {
            return index + 1;
        }
    }

    /** Rows of a list shown: every row typed in and one empty one, at least {@value #MIN_ROWS}; "Add a row" shows one more. */
    static final int MIN_ROWS = 2;
    static final int MAX_ROWS = 10;

    /**
     * {@code initial}: what a field shows before the officer types, by path (a new content version starts from the
     * current one; a formal request from the provisional arrest's person, offences, warrant and contact).
     */
    @io.quarkus.qute.TemplateData
    public record Form(String action, List<Field> fields, Map<String, String> initial) {
        public Form(String action, List<Field> fields) {
            this(action, fields, Map.of());
        }

        public String initial(String path) {
            return initial.getOrDefault(path, "");
        }

        /** What a field shows: what was submitted when this form was, else its initial value (an empty object for a JSON body). */
        public String shown(String submittedAction, Map<String, String> values, Field f) {
            if (action.equals(submittedAction)) {
                return values.getOrDefault(f.name(), "");
            }
            return f.type() == Type.JSON ? "{}" : initial(f.path());
        }

        /** The rows a {@link Type#ROWS} field shows, with what was typed (or the initial values) and the errors placed on them. */
        public List<Row> rows(Field f, String submittedAction, Map<String, String> values, Map<String, String> errors) {
            boolean submitted = action.equals(submittedAction);
            java.util.function.UnaryOperator<String> value = name -> submitted ? values.getOrDefault(name, "")
                    : initial(name.substring("f.".length()));
            List<Integer> typed = typedRows(f, value);
            int count = Math.min(MAX_ROWS, Math.max(MIN_ROWS, (typed.isEmpty() ? -1 : typed.get(typed.size() - 1)) + 2));
            List<Row> rows = new java.util.ArrayList<>();
            for (int r = 0; r < count; r++) {
                List<Cell> cells = new java.util.ArrayList<>();
                for (Field p : f.parts()) {
                    String path = f.path() + "." + r + "." + p.path();
                    String error = submitted ? errors.entrySet().stream()
                            .filter(e -> e.getKey().equals(path) || e.getKey().startsWith(path + "."))
                            .map(Map.Entry::getValue).reduce((a, b) -> a + "; " + b).orElse(null) : null;
                    cells.add(new Cell("f." + path, action + "-" + path.replace('.', '-'), f.path() + "." + p.path(), p.type(),
                            p.options(), p.labels(), p.required() && r == 0, value.apply("f." + path), error));
                }
                rows.add(new Row(r, action + "-" + f.path().replace('.', '-') + "-" + r, cells));
            }
            return rows;
        }

        /**
         * The same form with the choices of its State fields: {@code choices} answers each field's marker
         * ({@link StateChoices#IN_FORCE}, {@link StateChoices#REGISTRY}) with the codes to offer.
         */
        public Form withStates(java.util.function.BiFunction<Field, List<String>, List<String>> choices) {
            List<Field> filled = fields.stream().map(f -> StateChoices.LABELS.equals(f.labels())
                    ? new Field(f.path(), f.type(), choices.apply(f, f.options()), f.required(), f.labels(), f.parts()) : f).toList();
            return new Form(action, filled, initial);
        }

        /** The same form with these initial values (by path). */
        public Form startingWith(Map<String, String> values) {
            return new Form(action, fields, Map.copyOf(values));
        }

        /** The same form starting from the case's current content. */
        public Form from(JsonNode content) {
            Map<String, String> values = new java.util.HashMap<>();
            for (Field f : fields) {
                if (f.path().startsWith("content.")) {
                    JsonNode at = content;
                    for (String part : f.path().substring("content.".length()).split("\\.")) {
                        at = at.path(part);
                    }
                    if (at.isTextual()) {
                        values.put(f.path(), at.asText());
                    }
                }
            }
            return new Form(action, fields, Map.copyOf(values));
        }
    }

    // vocabularies of the contracts (closed lists with stable codes)
    static final List<String> CONSENT_DECISIONS = List.of("GRANTED", "GRANTED_WITH_CONDITIONS", "DENIED");
    static final List<String> GROUNDS = List.of("NOT_IN_CONFORMITY", "ESSENTIAL_INTERESTS", "DOMESTIC_LAW_PROHIBITS",
            "DISCRIMINATION", "NE_BIS_IN_IDEM", "DEATH_PENALTY", "OTHER");
    static final List<String> POSTPONEMENT = List.of("ONGOING_DOMESTIC_INVESTIGATION", "ONGOING_DOMESTIC_PROSECUTION",
            "ONGOING_DOMESTIC_PROCEEDINGS_OTHER");
    static final List<String> MEASURE_STATUS = List.of("IN_EXECUTION", "EXECUTED");
    static final List<String> ERASURE_REASONS = List.of("RETENTION_PERIOD_ENDED", "PURPOSE_FULFILLED", "UNLAWFUL_PROCESSING",
            "ERASURE_ORDERED", "WITHDRAWN_BY_SUPPLYING_STATE");

    private static Field text(String p) { return new Field(p, Type.TEXT, List.of(), true); }
    private static Field optText(String p) { return new Field(p, Type.TEXT, List.of(), false); }
    private static Field area(String p) { return new Field(p, Type.TEXTAREA, List.of(), true); }
    private static Field optArea(String p) { return new Field(p, Type.TEXTAREA, List.of(), false); }
    private static Field lines(String p) { return new Field(p, Type.LINES, List.of(), true); }
    private static Field optLines(String p) { return new Field(p, Type.LINES, List.of(), false); }
    private static Field date(String p) { return new Field(p, Type.DATE, List.of(), true); }
    private static Field optDate(String p) { return new Field(p, Type.DATE, List.of(), false); }
    private static Field select(String p, List<String> options) { return new Field(p, Type.SELECT, options, true); }
    private static Field checkbox(String p) { return new Field(p, Type.CHECKBOX, List.of(), false); }
    /** A State picked from the registry's list ({@link StateChoices}): its choices are filled when the form is shown. */
    private static Field state(String p, List<String> marker, boolean required) {
        return new Field(p, Type.SELECT, marker, required, StateChoices.LABELS);
    }

    private static Field measures() { return new Field("measureIds", Type.MEASURES, List.of(), true); }

    /** An acknowledgement of receipt: the receiving side's case reference and contact (requests, extradition, spontaneous information). */
    private static final List<Field> ACKNOWLEDGE = List.of(text("caseReference"), text("contact.name"),
            new Field("contact.email", Type.EMAIL, List.of(), false), optText("contact.phone"));

    /** An erasure of personal data by the State that supplied it: its legal ground (every kind of case has it). */
    private static final List<Field> ERASE = List.of(select("reason", ERASURE_REASONS));

    /** The content fields an officer rewrites in a new version of the request (the others are copied from the current one). */
    private static final List<Field> CONTENT_REWRITE = List.of(area("content.summaryOfFacts"), optArea("content.purpose"),
            optArea("note"));

    private static final Map<String, List<Field>> REQUEST = Map.ofEntries(
            Map.entry("acknowledge", ACKNOWLEDGE),
            Map.entry("request-information", List.of(lines("missing"), date("dueDate"))),
            Map.entry("provide-information", CONTENT_REWRITE),
            Map.entry("open-consultation", List.of(lines("matters"))),
            Map.entry("postpone", List.of(new Field("reason", Type.SELECT, POSTPONEMENT, true), area("reasons"), date("reviewDate"))),
            Map.entry("propose-conditions", List.of(lines("conditions"))),
            Map.entry("accept-conditions", List.of(optArea("reasons"))),
            Map.entry("reject-conditions", List.of(area("reasons"))),
            Map.entry("refuse", List.of(measures(),
                    new Field("grounds", Type.MULTI, GROUNDS, true), area("reasons"))),
            Map.entry("accept", List.of(measures(), optLines("impossibleProcedures"))),
            Map.entry("report-progress", List.of(new Field("updates", Type.PROGRESS, MEASURE_STATUS, true), optArea("summary"))),
            Map.entry("complete", List.of(optArea("summary"))),
            Map.entry("close", List.of(optArea("note"))),
            Map.entry("withdraw", List.of(area("reasons"))),
            Map.entry("answer-consultation", List.of(area("position"), optLines("acceptedChanges"))),
            Map.entry("declare-impossible", List.of(measures(), area("reasons"))),
            Map.entry("ask-status", List.of(area("question"), optDate("answerDueDate"))),
            Map.entry("answer-status", List.of(area("answer"))),
            Map.entry("supplement", CONTENT_REWRITE),
            Map.entry("cannot-keep-confidential", List.of(area("reasons"))),
            Map.entry("continue-without-confidentiality", List.of(optArea("note"))),
            Map.entry("extend-decision-deadline", List.of(area("reasons"))),
            Map.entry("erase-personal-data", ERASE));

    /** Actions whose body is a new version of the request's content: the current one with the form's fields rewritten. */
    private static final java.util.Set<String> NEW_CONTENT_VERSION = java.util.Set.of("provide-information", "supplement");

    static final List<String> ASSURANCE_KINDS = List.of("DEATH_PENALTY", "LIFE_SENTENCE_REVIEW", "DETENTION_CONDITIONS",
            "RETRIAL_AFTER_IN_ABSENTIA", "OTHER");

    static final List<String> EXTRADITION_GROUNDS = List.of("DISCRIMINATION", "TORTURE_RISK", "NE_BIS_IN_IDEM", "NATIONALITY",
            "DEATH_PENALTY", "PENDING_DOMESTIC_PROCEEDINGS", "IN_ABSENTIA_WITHOUT_GUARANTEES");

    // the contracts' closed lists of extradition (org.mlaexchange.contracts.extradition), codes stable
    static final List<String> CHANNELS = List.of("DIRECT", "DIPLOMATIC", "INTERPOL", "ELECTRONIC");
    static final List<String> IDENTIFIER_KINDS = List.of("PASSPORT", "NATIONAL_IDENTITY_NUMBER", "INTERPOL_NOTICE", "FINGERPRINT_RECORD", "OTHER");
    static final List<String> CRIME_CATEGORIES = List.of("GENOCIDE", "CRIMES_AGAINST_HUMANITY", "WAR_CRIMES", "ANNEX_CRIME");
    static final List<String> WARRANT_KINDS = List.of("ARREST_WARRANT", "CONVICTION_JUDGMENT");
    static final List<String> CONCURRENCY_FACTORS = List.of("SERIOUSNESS_OF_OFFENCES", "PLACE_OF_COMMISSION", "DATES_OF_REQUESTS",
            "NATIONALITY_OF_PERSON", "POSSIBILITY_OF_ONWARD_EXTRADITION", "INTERESTS_OF_VICTIMS");

    private static Field rows(String path, Field... parts) {
        return new Field(path, Type.ROWS, List.of(), true, "option", List.of(parts));
    }

    /** Offences (the contracts' Offence): qualification, what happened, when and where; one row each. */
    private static Field offences(String path) {
        return rows(path, new Field("qualification.category", Type.SELECT, CRIME_CATEGORIES, true), optText("qualification.annex"),
                text("qualification.law"), text("qualification.penalty"), area("description"), date("committedFrom"),
                optDate("committedTo"), text("place"));
    }

    /** The formal request (model ECE 12, the contracts' FormalRequest): person, offences, warrant, documents, contact. */
    private static List<Field> formalRequest() {
        return List.of(new Field("channel", Type.SELECT, CHANNELS, true, "channel"),
                lines("request.person.names"), optLines("request.person.aliases"), optDate("request.person.dateOfBirth"),
                optText("request.person.placeOfBirth"), optLines("request.person.nationalities"),
                rows("request.person.identifiers", new Field("kind", Type.SELECT, IDENTIFIER_KINDS, true, "identifierKind"),
                        text("value"), optText("issuingState")),
                optArea("request.person.description"), checkbox("request.person.protectedPerson"),
                offences("request.offences"),
                new Field("request.warrant.kind", Type.SELECT, WARRANT_KINDS, true, "warrantKind"), text("request.warrant.reference"),
                text("request.warrant.issuingAuthority"), date("request.warrant.issuedOn"),
                rows("request.documents", text("title"), optText("evidenceItemId"), optText("mlaRequestId")),
                text("request.contact.name"), new Field("request.contact.email", Type.EMAIL, List.of(), true),
                optText("request.contact.phone"));
    }

    private static final Map<String, List<Field>> EXTRADITION = Map.ofEntries(
            Map.entry("submit-formal-request", formalRequest()),
            Map.entry("record-concurrent-requests", List.of(lines("otherCaseIds"),
                    rows("factors", new Field("factor", Type.SELECT, CONCURRENCY_FACTORS, true, "factor"), area("assessment")),
                    text("chosenCaseId"), area("reasons"))),
            Map.entry("request-speciality-consent", List.of(offences("offences"), area("purpose"))),
            Map.entry("request-re-extradition-consent", List.of(text("thirdState"), offences("offences"), area("purpose"))),
            Map.entry("acknowledge", ACKNOWLEDGE),
            Map.entry("record-arrest", List.of(new Field("arrestedAt", Type.DATETIME, List.of(), true), text("place"))),
            Map.entry("record-release", List.of(new Field("releasedAt", Type.DATETIME, List.of(), true),
                    new Field("reason", Type.SELECT, List.of("FORMAL_REQUEST_NOT_RECEIVED", "COURT_ORDER"), true), optArea("details"))),
            Map.entry("grant", List.of(optLines("conditions"))),
            Map.entry("refuse", List.of(new Field("grounds", Type.MULTI, EXTRADITION_GROUNDS, true), area("reasons"))),
            Map.entry("submit-for-prosecution", List.of(text("prosecutingAuthority"), text("caseReference"))),
            Map.entry("report-prosecution-outcome", List.of(select("outcome", List.of("NOT_PROSECUTED", "CONVICTED", "ACQUITTED", "DISCONTINUED")),
                    area("details"))),
            Map.entry("request-supplementary-information", List.of(lines("missing"), date("dueDate"))),
            Map.entry("provide-supplementary-information", List.of(area("information"))),
            Map.entry("record-simplified-consent", List.of(checkbox("consented"), optArea("note"))),
            Map.entry("request-assurances", List.of(new Field("assurances", Type.ASSURANCES, ASSURANCE_KINDS, true), date("dueDate"))),
            Map.entry("provide-assurances", List.of(new Field("assurances", Type.ASSURANCES, ASSURANCE_KINDS, true), text("givenBy"))),
            Map.entry("schedule-surrender", List.of(text("arrangements.place"), date("arrangements.date"), optArea("arrangements.details"))),
            Map.entry("postpone-surrender", List.of(select("reason", List.of("DOMESTIC_PROCEEDINGS", "SERVING_SENTENCE")), area("details"))),
            Map.entry("temporary-surrender", List.of(text("place"), date("returnDate"), optLines("conditions"))),
            Map.entry("record-return", List.of(optArea("note"))),
            Map.entry("record-surrender", List.of(optArea("note"))),
            Map.entry("record-not-taken-over", List.of(optArea("note"))),
            Map.entry("request-transit", List.of(state("transitState", StateChoices.IN_FORCE, true), checkbox("airTransitWithoutLanding"),
                    optArea("details"))),
            Map.entry("decide-transit", List.of(select("decision", List.of("AUTHORISED", "REFUSED")), optLines("conditions"), optArea("reasons"))),
            Map.entry("decide-speciality-consent", consentDecision()),
            Map.entry("decide-re-extradition-consent", consentDecision()),
            Map.entry("withdraw", List.of(area("reasons"))),
            Map.entry("close", List.of(optArea("note"))),
            Map.entry("erase-personal-data", ERASE));

    private static List<Field> consentDecision() {
        return List.of(text("consentId"), select("decision", CONSENT_DECISIONS), optLines("conditions"), optArea("reasons"));
    }


    /** The conditions on the use of spontaneous information (the contracts' UseConditions). */
    private static List<Field> useConditions() {
        return List.of(optArea("conditions.permittedUse"), optLines("conditions.useLimits"), checkbox("conditions.confidential"),
                optArea("conditions.confidentialityReasons"));
    }

    private static final Map<String, List<Field>> SPONTANEOUS = Map.ofEntries(
            Map.entry("acknowledge", ACKNOWLEDGE),
            Map.entry("decline-conditions", List.of(area("reasons"))),
            Map.entry("revise-conditions", java.util.stream.Stream.concat(useConditions().stream(), java.util.stream.Stream.of(optArea("note"))).toList()),
            Map.entry("return", List.of(optArea("note"))),
            Map.entry("close", List.of(optArea("note"))),
            Map.entry("request-use-consent", List.of(select("purpose", EvidencePages.USE_PURPOSES),
                    state("thirdState", StateChoices.REGISTRY, false), area("description"))),
            Map.entry("decide-use-consent", List.of(select("decision", CONSENT_DECISIONS), optLines("conditions"), optArea("reasons"))),
            Map.entry("erase-personal-data", ERASE));

    /**
     * Sending spontaneous information (the body of {@code POST /api/spontaneous-information}): to another State, the
     * information (the contracts' SpontaneousInformation) field by field, persons concerned row by row, the conditions on
     * its use and the evidence items it refers to. It starts in the officer's language.
     */
    public static Form spontaneousSending(String lang) {
        List<Field> fields = new java.util.ArrayList<>(List.of(
                state("receivingState", StateChoices.IN_FORCE, true),
                text("information.providingAuthority.name"), optText("information.providingAuthority.address"),
                text("information.subjectMatter"), area("information.summary"),
                new Field("information.legalQualification.category", Type.SELECT, Composer.CATEGORIES, false),
                optText("information.legalQualification.annex"), optText("information.legalQualification.law"),
                optText("information.legalQualification.penalty"),
                new Field("information.personsConcerned", Type.ROWS, List.of(), false, "option", List.of(optText("identity"),
                        optText("location"), optText("nationality"), checkbox("protectedPerson"))),
                text("information.contact.name"), new Field("information.contact.email", Type.EMAIL, List.of(), true),
                optText("information.contact.phone"),
                new Field("information.language", Type.SELECT, org.mlaexchange.console.i18n.Texts.LANGUAGES, true, "lang")));
        fields.addAll(useConditions());
        fields.add(optLines("evidenceItemIds"));
        return new Form("send", List.copyOf(fields), Map.of("information.language", lang));
    }

    private static final Map<String, List<Field>> TRANSFER = Map.ofEntries(
            Map.entry("dispatch", List.of(optText("reference"))),
            Map.entry("cancel", List.of(area("reasons"))),
            Map.entry("erase-personal-data", ERASE));

    private ActionForms() {
    }

    public static Form request(String action) {
        return new Form(action, REQUEST.getOrDefault(action, List.of(new Field("body", Type.JSON, List.of(), false))));
    }

    public static Form transfer(String action) {
        return new Form(action, TRANSFER.getOrDefault(action, List.of(new Field("body", Type.JSON, List.of(), false))));
    }

    public static Form spontaneous(String action) {
        return new Form(action, SPONTANEOUS.getOrDefault(action, List.of(new Field("body", Type.JSON, List.of(), false))));
    }

    public static Form extradition(String action) {
        return new Form(action, EXTRADITION.getOrDefault(action, List.of(new Field("body", Type.JSON, List.of(), false))));
    }

    /**
     * An extradition action's form, starting from what the case already holds: the formal request repeats the
     * provisional arrest's person, offences, warrant and contact (model ECE 16 then 12), so it starts from them.
     */
    public static Form extradition(String action, JsonNode extradition) {
        Form form = extradition(action);
        JsonNode provisional = extradition.path("provisionalArrest").path("request");
        if (!action.equals("submit-formal-request") || !provisional.isObject()) {
            return form;
        }
        Map<String, String> values = new java.util.HashMap<>();
        flatten(provisional, "request", values);
        return form.startingWith(values);
    }

    /** A JSON object as form values by path: lists of texts one per line, lists of objects row by row. */
    private static void flatten(JsonNode node, String path, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(e.getValue(), path + "." + e.getKey(), out));
        } else if (node.isArray() && node.size() > 0 && node.get(0).isContainerNode()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path + "." + i, out);
            }
        } else if (node.isArray()) {
            List<String> lines = new java.util.ArrayList<>();
            node.forEach(n -> lines.add(n.asText()));
            out.put(path, String.join("\n", lines));
        } else if (node.isValueNode() && !node.isNull()) {
            out.put(path, node.asText());
        }
    }

    /** Every form this console has, by service, for the texts' check. */
    static Map<String, Map<String, List<Field>>> all() {
        return Map.of("request", REQUEST, "extradition", EXTRADITION, "transfer", TRANSFER, "spontaneous", SPONTANEOUS,
                "spontaneous-sending", Map.of("send", spontaneousSending("en").fields()));
    }

    public static Form generic(String action) {
        return new Form(action, List.of(new Field("body", Type.JSON, List.of(), false)));
    }

    /** The JSON body from the submitted form; {@code base} is the case, for fields that copy from it. */
    public static ObjectNode body(Form form, Map<String, List<String>> values, JsonNode base, ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        for (Field f : form.fields()) {
            List<String> submitted = values.getOrDefault(f.name(), List.of());
            String one = submitted.isEmpty() ? "" : submitted.get(0).strip();
            switch (f.type()) {
                case JSON -> {
                    if (!one.isEmpty()) {
                        try {
                            JsonNode parsed = json.readTree(one);
                            if (parsed.isObject()) {
                                body.setAll((ObjectNode) parsed);
                            }
                        } catch (java.io.IOException e) {
                            throw new IllegalArgumentException("body: not JSON");
                        }
                    }
                }
                case LINES -> {
                    ArrayNode array = json.createArrayNode();
                    one.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(array::add);
                    put(body, f.path(), array);
                }
                case MEASURES, MULTI -> {
                    ArrayNode array = json.createArrayNode();
                    submitted.stream().filter(v -> !v.isBlank()).forEach(array::add);
                    put(body, f.path(), array);
                }
                case PROGRESS -> {
                    ArrayNode updates = json.createArrayNode();
                    for (JsonNode m : base.path("measures")) {
                        String id = m.path("id").asText();
                        String status = first(values, "f.updates." + id + ".status");
                        if (!status.isEmpty()) {
                            updates.addObject().put("measureId", id).put("status", status)
                                    .put("note", first(values, "f.updates." + id + ".note"));
                        }
                    }
                    put(body, f.path(), updates);
                }
                case CHECKBOX -> put(body, f.path(), json.getNodeFactory().booleanNode("true".equals(one)));
                case ROWS -> {
                    // one object per row with anything typed in it, in the form's order; the service counts what is missing
                    ArrayNode rows = json.createArrayNode();
                    for (int r : typedRows(f, name -> first(values, name))) {
                        ObjectNode row = json.createObjectNode();
                        for (Field p : f.parts()) {
                            String typed = first(values, f.name() + "." + r + "." + p.path());
                            if (p.type() == Type.CHECKBOX) {
                                if ("true".equals(typed)) {
                                    put(row, p.path(), json.getNodeFactory().booleanNode(true));
                                }
                            } else if (p.type() == Type.LINES) {
                                ArrayNode array = json.createArrayNode();
                                typed.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(array::add);
                                if (!array.isEmpty()) {
                                    put(row, p.path(), array);
                                }
                            } else if (!typed.isEmpty()) {
                                put(row, p.path(), json.getNodeFactory().textNode(typed));
                            }
                        }
                        rows.add(row);
                    }
                    put(body, f.path(), rows);
                }
                case ASSURANCES -> {
                    // one text per kind of assurance; the kinds left empty are not asked or given
                    ArrayNode assurances = json.createArrayNode();
                    for (String kind : f.options()) {
                        String text = first(values, f.name() + "." + kind);
                        if (!text.isEmpty()) {
                            assurances.addObject().put("kind", kind).put("text", text);
                        }
                    }
                    put(body, f.path(), assurances);
                }
                case DATETIME -> {
                    // the form's local date and time, read as UTC (the label says so)
                    if (!one.isEmpty()) {
                        put(body, f.path(), json.getNodeFactory().textNode(one.length() == 16 ? one + ":00Z" : one));
                    }
                }
                default -> {
                    if (!one.isEmpty()) {
                        put(body, f.path(), json.getNodeFactory().textNode(one));
                    }
                }
            }
        }
        if (NEW_CONTENT_VERSION.contains(form.action())) {
            // a new version of the content: the current one with the fields of the form rewritten
            JsonNode versions = base.path("contentVersions");
            if (versions.isArray() && !versions.isEmpty()) {
                ObjectNode content = versions.get(versions.size() - 1).deepCopy();
                if (body.path("content").isObject()) {
                    content.setAll((ObjectNode) body.path("content"));
                }
                body.set("content", content);
            }
        }
        return body;
    }

    /** The rows of a {@link Type#ROWS} field with anything typed in them, in order. */
    static List<Integer> typedRows(Field f, java.util.function.UnaryOperator<String> value) {
        List<Integer> typed = new java.util.ArrayList<>();
        for (int r = 0; r < MAX_ROWS; r++) {
            int row = r;
            if (f.parts().stream().anyMatch(p -> !value.apply(f.name() + "." + row + "." + p.path()).isBlank())) {
                typed.add(r);
            }
        }
        return typed;
    }

    /**
     * The service's field errors (dotted paths) on the form's fields: a position in a list of rows sent reads as the
     * row of the form it came from (empty rows are not sent), and an error on a whole object ("request.warrant",
     * "request.offences.0.qualification") shows at its first field. Others stay as they are.
     */
    static Map<String, String> onFields(Form form, Map<String, String> errors, Map<String, List<String>> values) {
        List<String> names = new java.util.ArrayList<>();
        Map<String, List<Integer>> sent = new java.util.HashMap<>();
        for (Field f : form.fields()) {
            names.add(f.path());
            if (f.type() == Type.ROWS) {
                List<Integer> typed = typedRows(f, name -> first(values, name));
                sent.put(f.path(), typed);
                for (int r = 0; r < MAX_ROWS; r++) {
                    for (Field p : f.parts()) {
                        names.add(f.path() + "." + r + "." + p.path());
                    }
                }
            }
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        errors.forEach((key, message) -> {
            String path = key;
            for (Map.Entry<String, List<Integer>> list : sent.entrySet()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(list.getKey()) + "\\.(\\d{1,4})(\\..*)?")
                        .matcher(key);
                if (m.matches() && Integer.parseInt(m.group(1)) < list.getValue().size()) {
                    path = list.getKey() + "." + list.getValue().get(Integer.parseInt(m.group(1))) + (m.group(2) == null ? "" : m.group(2));
                }
            }
            String at = path;
            if (!names.contains(at)) {
                path = names.stream().filter(n -> n.startsWith(at + ".")).findFirst().orElse(path);
            }
            out.merge(path, message, (a, b) -> a + "; " + b);
        });
        return out;
    }

    static String first(Map<String, List<String>> values, String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? "" : v.get(0).strip();
    }

    private static void put(ObjectNode body, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode at = body;
        for (int i = 0; i < parts.length - 1; i++) {
            at = at.has(parts[i]) ? (ObjectNode) at.get(parts[i]) : at.putObject(parts[i]);
        }
        at.set(parts[parts.length - 1], value);
    }
}
