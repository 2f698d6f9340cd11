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
    public enum Type { TEXT, TEXTAREA, LINES, DATE, DATETIME, EMAIL, SELECT, MULTI, MEASURES, PROGRESS, JSON }

    /** One field: its JSON path in the body (dotted), its kind, its choices, whether the service requires it. */
    @io.quarkus.qute.TemplateData
    public record Field(String path, Type type, List<String> options, boolean required) {
        public String name() {
            return "f." + path;
        }

        public String id(String action) {
            return action + "-" + path.replace('.', '-');
        }
    }

    @io.quarkus.qute.TemplateData
    public record Form(String action, List<Field> fields) {
    }

    // vocabularies of the contracts (closed lists with stable codes)
    static final List<String> GROUNDS = List.of("NOT_IN_CONFORMITY", "ESSENTIAL_INTERESTS", "DOMESTIC_LAW_PROHIBITS",
            "DISCRIMINATION", "NE_BIS_IN_IDEM", "DEATH_PENALTY", "OTHER");
    static final List<String> POSTPONEMENT = List.of("ONGOING_DOMESTIC_INVESTIGATION", "ONGOING_DOMESTIC_PROSECUTION",
            "ONGOING_DOMESTIC_PROCEEDINGS_OTHER");
    static final List<String> MEASURE_STATUS = List.of("IN_EXECUTION", "EXECUTED");

    private static Field text(String p) { return new Field(p, Type.TEXT, List.of(), true); }
    private static Field optText(String p) { return new Field(p, Type.TEXT, List.of(), false); }
    private static Field area(String p) { return new Field(p, Type.TEXTAREA, List.of(), true); }
    private static Field optArea(String p) { return new Field(p, Type.TEXTAREA, List.of(), false); }
    private static Field lines(String p) { return new Field(p, Type.LINES, List.of(), true); }
    private static Field optLines(String p) { return new Field(p, Type.LINES, List.of(), false); }
    private static Field date(String p) { return new Field(p, Type.DATE, List.of(), true); }

    private static final Map<String, List<Field>> REQUEST = Map.ofEntries(
            Map.entry("acknowledge", List.of(text("caseReference"), text("contact.name"),
                    new Field("contact.email", Type.EMAIL, List.of(), false), optText("contact.phone"))),
            Map.entry("request-information", List.of(lines("missing"), date("dueDate"))),
            Map.entry("provide-information", List.of(area("content.summaryOfFacts"), optArea("note"))),
            Map.entry("open-consultation", List.of(lines("matters"))),
            Map.entry("postpone", List.of(new Field("reason", Type.SELECT, POSTPONEMENT, true), area("reasons"), date("reviewDate"))),
            Map.entry("propose-conditions", List.of(lines("conditions"))),
            Map.entry("accept-conditions", List.of(optArea("reasons"))),
            Map.entry("reject-conditions", List.of(area("reasons"))),
            Map.entry("refuse", List.of(new Field("measureIds", Type.MEASURES, List.of(), true),
                    new Field("grounds", Type.MULTI, GROUNDS, true), area("reasons"))),
            Map.entry("accept", List.of(new Field("measureIds", Type.MEASURES, List.of(), true), optLines("impossibleProcedures"))),
            Map.entry("report-progress", List.of(new Field("updates", Type.PROGRESS, MEASURE_STATUS, true), optArea("summary"))),
            Map.entry("complete", List.of(optArea("summary"))),
            Map.entry("close", List.of(optArea("note"))),
            Map.entry("withdraw", List.of(area("reasons"))));

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
            Map.entry("report-prosecution-outcome", List.of(new Field("outcome", Type.SELECT,
                    List.of("NOT_PROSECUTED", "CONVICTED", "ACQUITTED"), true), area("details"))),
            Map.entry("withdraw", List.of(area("reasons"))),
            Map.entry("close", List.of(optArea("note"))));

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
        if (form.action().equals("provide-information")) {
            // the answer is a new version of the content: the current one with the facts rewritten
            JsonNode versions = base.path("contentVersions");
            if (versions.isArray() && !versions.isEmpty()) {
                ObjectNode content = versions.get(versions.size() - 1).deepCopy();
                content.setAll((ObjectNode) body.path("content"));
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
