package org.mlaexchange.platform.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.platform.testing.OpenApiOperations.Operation;

/**
 * A corpus of bad input, kept as data ({@code bad-input/generic.json} for what every write operation must
 * refuse, {@code bad-input/<service>.json} for the service's own bodies and cases), run against the real
 * service. Every case must answer its 4xx as problem+json naming the field, and leave the event log and
 * its topic as they were (checked with a {@link Ledger} reading before and after, not assumed).
 *
 * <p>The operations come from the service's OpenAPI document, so an operation added later is covered by
 * the generic cases without touching the corpus; the service file adds valid bodies (for the cases that
 * must get past parsing, e.g. {@code If-Match}) and its own cases.
 */
public final class BadInputCorpus {

    private static final String LITERAL = "@@literal@@";

    /** Tallies of one run, for docs/reliability.md. */
    public static final class Tally {
        public final AtomicInteger attempted = new AtomicInteger();
        public final AtomicInteger rejectedAsExpected = new AtomicInteger();
        public final AtomicInteger leaked = new AtomicInteger();
        public final AtomicInteger wrongAnswer = new AtomicInteger();

        @Override
        public String toString() {
            return "attempted " + attempted + ", rejected as expected " + rejectedAsExpected + ", wrong answer " + wrongAnswer
                    + ", leaked (written or accepted) " + leaked;
        }
    }

    /** One case: what to send and what must come back. */
    public record Case(String name, Operation operation, String realm, String path, Map<String, String> headers,
                       String contentType, String body, int status, String field) {
    }

    private final JsonNode generic;
    private final JsonNode service;
    private final List<Operation> operations;
    private final Map<String, String> fixtures;
    private final Function<String, String> token;

    /**
     * @param fixtures for each case root of the OpenAPI paths ("/api/requests/{id}"), the id of a case the
     *                 corpus's caller is party to; roots without one get a random id
     * @param token    the access token of a realm's officer
     */
    public BadInputCorpus(String serviceCorpus, List<Operation> operations, Map<String, String> fixtures, Function<String, String> token) {
        this(serviceCorpus, operations, fixtures, token, Map.of());
    }

    /** @param vars values for {@code {{name}}} in the service corpus (ids of fixtures its bodies refer to) */
    public BadInputCorpus(String serviceCorpus, List<Operation> operations, Map<String, String> fixtures, Function<String, String> token,
                          Map<String, String> vars) {
        this.generic = load("bad-input/generic.json", Map.of());
        this.service = load(serviceCorpus, vars);
        this.operations = operations;
        this.fixtures = fixtures;
        this.token = token;
    }

    /** Every case of the corpus, the generic ones applied to each write operation. */
    public List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String realm = service.get("as").asText();
        for (Operation op : operations) {
            if (!op.write()) {
                continue;
            }
            String path = op.on(fixtures.getOrDefault(op.caseRoot(), java.util.UUID.randomUUID().toString()));
            JsonNode valid = service.path("bodies").get(op.key());
            // never a case's version: a bad body that wrongly gets past parsing is then refused (412), not applied
            String ifMatch = op.ifMatch() ? "\"0\"" : null;
            if (op.jsonBody()) {
                for (JsonNode c : generic.get("everyJsonBody")) {
                    cases.add(new Case(c.get("name").asText(), op, realm, path, headers(ifMatch), "application/json",
                            body(c), c.get("status").asInt(), c.path("field").asText(null)));
                }
            }
            if (op.ifMatch() && valid != null && fixtures.containsKey(op.caseRoot())) {
                for (JsonNode c : generic.get("everyIfMatch")) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    if (!c.get("ifMatch").isNull()) {
                        headers.put("If-Match", c.get("ifMatch").asText());
                    }
                    cases.add(new Case(c.get("name").asText(), op, realm, path, headers, contentTypeOf(op),
                            valid == null ? null : valid.toString(), c.get("status").asInt(), c.path("field").asText(null)));
                }
            }
            if (valid != null) {
                for (JsonNode pointer : service.path("text").path(op.key())) {
                    for (JsonNode c : generic.get("everyText")) {
                        cases.add(new Case(c.get("name").asText() + " in " + pointer.asText(), op, realm, path, headers(ifMatch),
                                "application/json", edited(valid, Map.of(pointer.asText(), c), List.of()), c.get("status").asInt(),
                                fieldOf(pointer.asText())));
                    }
                }
            }
        }
        for (JsonNode c : service.path("cases")) {
            Operation op = operations.stream().filter(o -> o.key().equals(c.get("op").asText())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the corpus names an operation the service does not have: " + c.get("op")));
            String path = op.on(fixtures.getOrDefault(op.caseRoot(), java.util.UUID.randomUUID().toString()));
            Map<String, String> headers = headers(op.ifMatch() ? "\"0\"" : null);
            c.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
            if (c.has("ifMatch") && c.get("ifMatch").isNull()) {
                headers.remove("If-Match");  // a case about the header's absence
            }
            String body;
            if (c.has("raw")) {
                body = c.get("raw").asText();
            } else {
                JsonNode base = c.has("body") ? c.get("body") : service.get("bodies").get(op.key());
                Map<String, JsonNode> set = new LinkedHashMap<>();
                c.path("set").fields().forEachRemaining(e -> set.put(e.getKey(), e.getValue()));
                List<String> remove = new ArrayList<>();
                c.path("remove").forEach(r -> remove.add(r.asText()));
                body = edited(base, set, remove);
            }
            cases.add(new Case(c.get("name").asText(), op, c.path("as").asText(realm), path, headers,
                    c.path("contentType").asText(contentTypeOf(op)), body, c.get("status").asInt(), c.path("field").asText(null)));
        }
        return cases;
    }

    /**
     * The corpus {@code bad-input/<service>.json} against the service under test, checked against its event log
     * (in {@code dataSource}) and topic; {@code vars} fill {@code {{name}}} in the corpus.
     */
    public static List<DynamicTest> run(String service, javax.sql.DataSource dataSource, String topic, Map<String, String> fixtures,
                                        Map<String, String> vars) {
        Ledger ledger = new Ledger(dataSource, topic);
        List<DynamicTest> tests = new BadInputCorpus("bad-input/" + service + ".json", OpenApiOperations.of(), fixtures, Tokens::officer, vars)
                .tests(ledger, new Tally(), "bad-input-" + service);
        tests.add(DynamicTest.dynamicTest("close", ledger::close));
        return tests;
    }

    /**
     * The cases as dynamic tests, each checked against the ledger, then the valid writes of {@code verbatim}
     * (read back with {@code GET <Location>}), then one that writes the tally to {@code target/<name>.txt}.
     */
    public List<DynamicTest> tests(Ledger ledger, Tally tally, String name) {
        List<DynamicTest> tests = cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.operation().key() + ": " + c.name(), () -> run(c, ledger, tally)))
                .collect(Collectors.toList());
        for (JsonNode v : service.path("verbatim")) {
            tests.add(DynamicTest.dynamicTest("verbatim: " + v.get("name").asText(), () -> verbatim(v)));
        }
        tests.add(DynamicTest.dynamicTest("tally", () -> {
            String line = name + ": " + tally + "; verbatim round trips " + service.path("verbatim").size();
            System.out.println("bad-input corpus " + line);
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", name + ".txt"), line + "\n");
        }));
        return tests;
    }

    /** A valid write with hostile-looking text: accepted, and served back as the same text in JSON that no browser sniffs as HTML. */
    private void verbatim(JsonNode v) {
        Map<String, JsonNode> set = new LinkedHashMap<>();
        v.get("set").fields().forEachRemaining(e -> set.put(e.getKey(), e.getValue()));
        String realm = v.path("as").asText(service.get("as").asText());
        Response created = given().auth().oauth2(token.apply(realm)).contentType("application/json").accept("application/json")
                .body(edited(service.get("bodies").get(v.get("op").asText()), set, List.of()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .request(v.get("op").asText().split(" ")[0], v.get("op").asText().split(" ", 2)[1]);
        if (created.statusCode() != 201) {
            throw new AssertionError(v.get("name").asText() + ": expected 201, got " + created.statusCode() + " " + created.asString());
        }
        Response read = given().auth().oauth2(token.apply(realm)).accept("application/json").get(created.header("Location"));
        String expected = set.values().iterator().next().asText();
        String served = read.jsonPath().getString(v.get("read").asText());
        if (read.statusCode() != 200 || !expected.equals(served)) {
            throw new AssertionError(v.get("name").asText() + ": served " + read.statusCode() + " " + served + ", stored " + expected);
        }
        if (!read.contentType().startsWith("application/json") || !"nosniff".equals(read.header("X-Content-Type-Options"))) {
            throw new AssertionError(v.get("name").asText() + ": served as " + read.contentType() + ", X-Content-Type-Options "
                    + read.header("X-Content-Type-Options"));
        }
    }

    private void run(Case c, Ledger ledger, Tally tally) {
        tally.attempted.incrementAndGet();
        Ledger.Mark before = ledger.settled();
        Map<String, String> headers = new LinkedHashMap<>(c.headers());
        if ("current".equals(headers.get("If-Match"))) {
            // the case's version now, so that the call gets past the version check to what the case is about
            headers.put("If-Match", given().auth().oauth2(token.apply(c.realm())).get(c.operation().caseRoot().replaceAll("\\{[^}]+}", idIn(c.path(), c.operation())))
                    .then().statusCode(200).extract().header("ETag"));
        }
        RequestSpecification request = given().auth().oauth2(token.apply(c.realm())).accept("application/json")
                .headers(headers);
        if (c.contentType() != null) {
            request = request.contentType(c.contentType());
        }
        if (c.body() != null) {
            request = request.body(c.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Response response = request.request(c.operation().method(), c.path());
        Ledger.Mark after = ledger.now();
        if (!before.equals(after) || response.statusCode() < 400) {
            tally.leaked.incrementAndGet();
            throw new AssertionError(c.name() + ": written or accepted: " + response.statusCode() + " " + before + " -> " + after
                    + "\n" + response.asString());
        }
        List<String> problems = new ArrayList<>();
        if (response.statusCode() != c.status()) {
            problems.add("status " + response.statusCode() + ", expected " + c.status());
        }
        if (!String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            problems.add("content type " + response.contentType());
        } else if (c.field() != null) {
            List<String> fields = response.jsonPath().getList("errors.field");
            if (fields == null || !fields.contains(c.field())) {
                problems.add("field " + c.field() + " not named, named " + fields);
            }
        }
        if (!problems.isEmpty()) {
            tally.wrongAnswer.incrementAndGet();
            throw new AssertionError(c.name() + ": " + problems + "\n" + response.asString());
        }
        tally.rejectedAsExpected.incrementAndGet();
    }

    /** The id of the case in a concrete path (the segment where the template has its first parameter). */
    private static String idIn(String path, Operation op) {
        return path.split("/")[op.caseRoot().split("/").length - 1];
    }

    private static Map<String, String> headers(String ifMatch) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (ifMatch != null) {
            headers.put("If-Match", ifMatch);
        }
        return headers;
    }

    private static String contentTypeOf(Operation op) {
        return op.jsonBody() ? "application/json" : op.mediaTypes().isEmpty() ? null : "application/octet-stream";
    }

    /** A generic body case: {@code raw} text, or {@code repeat}ed to a size. */
    private static String body(JsonNode c) {
        if (c.has("raw")) {
            return c.get("raw").asText();
        }
        return c.get("prefix").asText() + c.get("repeat").asText().repeat(c.get("times").asInt()) + c.get("suffix").asText();
    }

    /**
     * The base body with each JSON pointer of {@code set} given a value: {@code value} (any JSON), {@code literal}
     * (JSON text as written, for what a parser would not produce, like a lone surrogate), {@code repeat} ×
     * {@code times} (a long string) or {@code arrayOf} × {@code times} (a long array); or a plain JSON value.
     */
    static String edited(JsonNode base, Map<String, JsonNode> set, List<String> remove) {
        JsonNode body = base.deepCopy();
        List<String> literals = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : set.entrySet()) {
            JsonNode spec = e.getValue();
            JsonNode value;
            if (spec.isObject() && spec.has("literal")) {
                literals.add(spec.get("literal").asText());
                value = TextNode.valueOf(LITERAL + (literals.size() - 1));
            } else if (spec.isObject() && spec.has("repeat")) {
                value = TextNode.valueOf(spec.get("repeat").asText().repeat(spec.get("times").asInt()));
            } else if (spec.isObject() && spec.has("arrayOf")) {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                for (int i = 0; i < spec.get("times").asInt(); i++) {
                    array.add(spec.get("arrayOf").deepCopy());
                }
                value = array;
            } else if (spec.isObject() && spec.has("value")) {
                value = spec.get("value");
            } else {
                value = spec;
            }
            put(body, e.getKey(), value);
        }
        for (String pointer : remove) {
            int slash = pointer.lastIndexOf('/');
            JsonNode parent = body.at(pointer.substring(0, slash));
            if (parent instanceof ObjectNode o) {
                o.remove(pointer.substring(slash + 1));
            } else if (parent instanceof ArrayNode a) {
                a.remove(Integer.parseInt(pointer.substring(slash + 1)));
            }
        }
        String text = body.toString();
        for (int i = 0; i < literals.size(); i++) {
            text = text.replace("\"" + LITERAL + i + "\"", literals.get(i));
        }
        return text;
    }

    private static void put(JsonNode body, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = body.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
        } else {
            throw new IllegalStateException("no parent for " + pointer + " in " + body);
        }
    }

    /** "/content/measures/0/specifics" to "content.measures[0].specifics", as the problem names fields. */
    static String fieldOf(String pointer) {
        StringBuilder field = new StringBuilder();
        for (String part : pointer.substring(1).split("/")) {
            if (part.matches("\\d+")) {
                field.append('[').append(part).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(part);
            }
        }
        return field.toString();
    }

    private static JsonNode load(String resource, Map<String, String> vars) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no corpus " + resource + " on the class path");
            }
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            for (Map.Entry<String, String> var : vars.entrySet()) {
                text = text.replace("{{" + var.getKey() + "}}", var.getValue());
            }
            return EventJson.tree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
