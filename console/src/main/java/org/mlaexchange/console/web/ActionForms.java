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
    public enum Type { TEXT, TEXTAREA, LINES, DATE, DATETIME, EMAIL, SELECT, MULTI, MEASURES, PROGRESS, CHECKBOX, ASSURANCES, JSON }

    /** One field: its JSON path in the body (dotted), its kind, its choices, whether the service requires it. */
    @io.quarkus.qute.TemplateData
    public record Field(String path, Type type, List<String> options, boolean required, String labels) {
        public Field(String path, Type type, List<String> options, boolean required) {
            this(path, type, options, required, "option");
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

    /** {@code initial}: what a field shows before the officer types (a new content version starts from the current one). */
    @io.quarkus.qute.TemplateData
    public record Form(String action, List<Field> fields, Map<String, String> initial) {
        public Form(String action, List<Field> fields) {
            this(action, fields, Map.of());
        }

        public String initial(String path) {
            return initial.getOrDefault(path, "");
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
    private static Field measures() { return new Field("measureIds", Type.MEASURES, List.of(), true); }

    /** The content fields an officer rewrites in a new version of the request (the others are copied from the current one). */
    private static final List<Field> CONTENT_REWRITE = List.of(area("content.summaryOfFacts"), optArea("content.purpose"),
            optArea("note"));

    private static final Map<String, List<Field>> REQUEST = Map.ofEntries(
            Map.entry("acknowledge", List.of(text("caseReference"), text("contact.name"),
                    new Field("contact.email", Type.EMAIL, List.of(), false), optText("contact.phone"))),
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
            Map.entry("erase-personal-data", List.of(select("reason", ERASURE_REASONS))));

    /** Actions whose body is a new version of the request's content: the current one with the form's fields rewritten. */
    private static final java.util.Set<String> NEW_CONTENT_VERSION = java.util.Set.of("provide-information", "supplement");

    static final List<String> ASSURANCE_KINDS = List.of("DEATH_PENALTY", "LIFE_SENTENCE_REVIEW", "DETENTION_CONDITIONS",
            "RETRIAL_AFTER_IN_ABSENTIA", "OTHER");

    static final List<String> EXTRADITION_GROUNDS = List.of("DISCRIMINATION", "TORTURE_RISK", "NE_BIS_IN_IDEM", "NATIONALITY",
            "DEATH_PENALTY", "PENDING_DOMESTIC_PROCEEDINGS", "IN_ABSENTIA_WITHOUT_GUARANTEES");

    private static final Map<String, List<Field>> EXTRADITION = Map.ofEntries(
            Map.entry("acknowledge", List.of(text("caseReference"), text("contact.name"),
                    new Field("contact.email", Type.EMAIL, List.of(), false), optText("contact.phone"))),
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
            Map.entry("request-transit", List.of(new Field("transitState", Type.SELECT, List.of("NL", "AR", "SN"), true, "state"), checkbox("airTransitWithoutLanding"),
                    optArea("details"))),
            Map.entry("decide-transit", List.of(select("decision", List.of("AUTHORISED", "REFUSED")), optLines("conditions"), optArea("reasons"))),
            Map.entry("decide-speciality-consent", consentDecision()),
            Map.entry("decide-re-extradition-consent", consentDecision()),
            Map.entry("withdraw", List.of(area("reasons"))),
            Map.entry("close", List.of(optArea("note"))),
            Map.entry("erase-personal-data", List.of(select("reason", ERASURE_REASONS))));

    private static List<Field> consentDecision() {
        return List.of(text("consentId"), select("decision", List.of("GRANTED", "GRANTED_WITH_CONDITIONS", "DENIED")),
                optLines("conditions"), optArea("reasons"));
    }

    private static final Map<String, List<Field>> TRANSFER = Map.ofEntries(
            Map.entry("dispatch", List.of(optText("reference"))),
            Map.entry("cancel", List.of(area("reasons"))));

    private ActionForms() {
    }

    public static Form request(String action) {
        return new Form(action, REQUEST.getOrDefault(action, List.of(new Field("body", Type.JSON, List.of(), false))));
    }

    public static Form transfer(String action) {
        return new Form(action, TRANSFER.getOrDefault(action, List.of(new Field("body", Type.JSON, List.of(), false))));
    }

    public static Form extradition(String action) {
        return new Form(action, EXTRADITION.getOrDefault(action, List.of(new Field("body", Type.JSON, List.of(), false))));
    }

    /** Every form this console has, by service, for the texts' check. */
    static Map<String, Map<String, List<Field>>> all() {
        return Map.of("request", REQUEST, "extradition", EXTRADITION, "transfer", TRANSFER);
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
