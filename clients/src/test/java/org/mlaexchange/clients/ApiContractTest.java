package org.mlaexchange.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The specs the services' builds wrote (target/openapi/openapi.json) are a contract a State can generate a
 * client from: every operation named, summarised, with its bodies' schemas and examples and each problem
 * answer it can give.
 */
class ApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of(System.getProperty("specs.dir", ".."));

    private static boolean json(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** The node a local {@code $ref} ("#/components/...") points to, or the node itself; missing if it points nowhere. */
    static JsonNode resolved(JsonNode spec, JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? spec.at(ref.substring(1)) : node;
    }

    /** One example, or named ones (OpenAPI allows either), each with a value where it is a reference. */
    private static boolean hasExample(JsonNode spec, JsonNode media) {
        if (media.has("example")) {
            return true;
        }
        if (!media.path("examples").isObject() || media.path("examples").isEmpty()) {
            return false;
        }
        for (JsonNode example : media.path("examples")) {
            if (!resolved(spec, example).has("value")) {
                return false;
            }
        }
        return true;
    }

    static JsonNode spec(String service) throws IOException {
        return JSON.readTree(ROOT.resolve(service).resolve("target/openapi/openapi.json").toFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"request-service", "evidence-service", "extradition-service"})
    void everyOperationIsComplete(String service) throws IOException {
        JsonNode spec = spec(service);
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        spec.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = op.getValue();
            if (!ids.add(operation.path("operationId").asText(""))) {
                problems.add(where + ": operationId missing or repeated");
            }
            if (operation.path("summary").asText("").isBlank()) {
                problems.add(where + ": no summary");
            }
            operation.path("requestBody").path("content").fields().forEachRemaining(media -> {
                if (json(media.getKey()) && !hasExample(spec, media.getValue())) {
                    problems.add(where + ": request body " + media.getKey() + " without example");
                }
            });
            JsonNode responses = operation.get("responses");
            responses.fields().forEachRemaining(answer -> {
                // an answer shared by many operations is a reference to components/responses
                JsonNode content = resolved(spec, answer.getValue()).path("content");
                if (content.isEmpty() && !answer.getKey().startsWith("2")) {
                    problems.add(where + ": answer " + answer.getKey() + " has no content");
                }
                content.fields().forEachRemaining(media -> {
                    JsonNode schema = media.getValue().path("schema");
                    if (schema.isEmpty()) {
                        problems.add(where + ": answer " + answer.getKey() + " " + media.getKey() + " without schema");
                    }
                    if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
                        if (!media.getKey().equals("application/problem+json") || !schema.path("$ref").asText().endsWith("/Problem")) {
                            problems.add(where + ": answer " + answer.getKey() + " is not problem+json");
                        } else if (!hasExample(spec, media.getValue())) {
                            problems.add(where + ": answer " + answer.getKey() + " without example");
                        } else {
                            media.getValue().path("examples").forEach(example -> {
                                JsonNode value = resolved(spec, example).path("value");
                                if (value.path("status").asInt() != Integer.parseInt(answer.getKey())) {
                                    problems.add(where + ": answer " + answer.getKey() + " shows another status");
                                }
                                // as the API writes a Problem.FieldError, so that the document is the same from one build to the next
                                value.path("errors").forEach(error -> {
                                    List<String> names = new ArrayList<>();
                                    error.fieldNames().forEachRemaining(names::add);
                                    if (!names.equals(List.of("field", "message"))) {
                                        problems.add(where + ": answer " + answer.getKey() + " shows an error as " + names);
                                    }
                                });
                            });
                        }
                    } else if (json(media.getKey()) && !hasExample(spec, media.getValue())) {
                        problems.add(where + ": answer " + answer.getKey() + " without example");
                    }
                });
            });
            boolean secured = operation.has("security") && !operation.get("security").isEmpty();
            boolean ifMatch = false;
            boolean pathParam = false;
            for (JsonNode p : operation.path("parameters")) {
                ifMatch |= p.path("in").asText().equals("header") && p.path("name").asText().equals("If-Match");
                pathParam |= p.path("in").asText().equals("path");
            }
            List<String> expected = new ArrayList<>(List.of("500", "503"));
            if (secured) {
                expected.addAll(List.of("401", "403"));
            }
            if (pathParam) {
                expected.add("404");
            }
            if (ifMatch) {
                expected.addAll(List.of("409", "412", "428"));
            }
            if (operation.has("requestBody")) {
                expected.addAll(List.of("400", "422"));
            }
            for (String status : expected) {
                if (!responses.has(status)) {
                    problems.add(where + ": does not list its answer " + status);
                }
            }
        }));
        assertTrue(problems.isEmpty(), service + ":\n  " + String.join("\n  ", problems));
        assertFalse(ids.isEmpty());
    }

    @Test
    void refuseListsEveryAnswerItCanGive() throws IOException {
        JsonNode refuse = spec("request-service").at("/paths/~1api~1requests~1{id}~1refuse/post");
        Set<String> answers = new TreeSet<>();
        refuse.get("responses").fieldNames().forEachRemaining(answers::add);
        assertEquals(new TreeSet<>(List.of("200", "400", "401", "403", "404", "409", "412", "422", "428", "500", "503")), answers);
        assertEquals("RequestViewChanged", refuse.at("/responses/200/content/application~1json/schema/$ref").asText()
                .replace("#/components/schemas/", ""));
        assertTrue(refuse.at("/parameters").toString().contains("\"required\":true"), "If-Match is required (428 without it)");
    }

    /** What creates a case answers 201 with its Location (as the services do), never a 200 it does not give. */
    @Test
    void creatingOperationsAnswer201WithLocation() throws IOException {
        String[][] creating = {{"request-service", "/api/requests"}, {"request-service", "/api/spontaneous-information"},
                {"evidence-service", "/api/transfers"}, {"evidence-service", "/api/transfers/{id}/items"},
                {"extradition-service", "/api/extraditions"}, {"extradition-service", "/api/extraditions/provisional-arrests"}};
        for (String[] op : creating) {
            JsonNode responses = spec(op[0]).at("/paths/" + op[1].replace("/", "~1") + "/post/responses");
            assertTrue(responses.has("201"), op[1] + " lists 201: " + responses.fieldNames());
            assertFalse(responses.has("200"), op[1] + " lists no 200");
            assertTrue(responses.at("/201/headers/Location").isObject(), op[1] + " names the Location header");
            assertTrue(responses.at("/201/content/application~1json/schema/$ref").asText().endsWith("Changed"), op[1] + " answers the Changed view");
        }
        // an action on a case still answers 200
        assertTrue(spec("request-service").at("/paths/~1api~1requests~1{id}~1acknowledge/post/responses").has("200"));
    }

    /**
     * A measure and its execution record are one schema per kind, chosen by kind (issue 14 §2): every kind of the
     * spec's MeasureKind maps to one alternative of the oneOf, which requires kind and fixes it to that kind.
     */
    @ParameterizedTest
    @ValueSource(strings = {"MeasureRequest", "MeasureExecution"})
    void aMeasureIsOneSchemaPerKind(String name) throws IOException {
        JsonNode schemas = spec("request-service").at("/components/schemas");
        JsonNode union = schemas.get(name);
        assertEquals("kind", union.at("/discriminator/propertyName").asText());
        assertFalse(union.has("properties"), "the alternatives carry the fields, not the union");
        Set<String> kinds = new TreeSet<>();
        schemas.at("/MeasureKind/enum").forEach(k -> kinds.add(k.asText()));
        assertEquals(13, kinds.size());
        Set<String> mapped = new TreeSet<>();
        union.at("/discriminator/mapping").fieldNames().forEachRemaining(mapped::add);
        assertEquals(kinds, mapped);
        Set<String> alternatives = new TreeSet<>();
        union.get("oneOf").forEach(a -> alternatives.add(a.get("$ref").asText()));
        Set<String> targets = new TreeSet<>();
        union.at("/discriminator/mapping").forEach(t -> targets.add(t.asText()));
        assertEquals(alternatives, targets, "one alternative per kind, each mapped");
        assertEquals(kinds.size(), alternatives.size());
        union.at("/discriminator/mapping").fields().forEachRemaining(kind -> {
            JsonNode alternative = schemas.get(kind.getValue().asText().replace("#/components/schemas/", ""));
            assertEquals(kind.getKey(), alternative.at("/properties/kind/const").asText(), kind.getValue().asText());
            assertTrue(alternative.get("required").toString().contains("\"kind\""), kind.getValue() + " requires kind");
        });
        // the fields a typed hearing is sent with and reported in
        assertTrue(schemas.at("/TakingEvidence/properties").has("persons"));
        assertTrue(schemas.at("/TakingEvidence/properties").has("questions"));
        assertTrue(schemas.at("/Hearing/properties").has("heldOn"));
        assertEquals("#/components/schemas/MeasureRequest", schemas.at("/RequestContent/properties/measures/items/$ref").asText());
    }
}
