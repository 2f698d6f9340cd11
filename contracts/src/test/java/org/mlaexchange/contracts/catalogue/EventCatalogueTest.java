package org.mlaexchange.contracts.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The event catalogue in {@code docs/events/} is what {@link EventCatalogue} generates from the records
 * (regenerate with {@code -Dcatalogue.update=true} and review the diff), and every stored snapshot event
 * ({@code src/test/resources/snapshots}) is valid against its type's schema in that committed document.
 */
class EventCatalogueTest {

    private static final Path DOCS = Path.of("..", "docs", "events");
    private static final Path ASYNCAPI = DOCS.resolve("asyncapi.yaml");
    private static final Path MARKDOWN = DOCS.resolve("README.md");
    private static final Path SNAPSHOTS = Path.of("src/test/resources/snapshots");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EventCatalogue catalogue;
    private static ObjectNode generated;
    private static String generatedYaml;
    private static JsonNode committed;

    @BeforeAll
    static void generate() throws IOException {
        catalogue = new EventCatalogue();
        generated = catalogue.document();
        generatedYaml = YAML.writeValueAsString(generated);
        String yaml = generatedYaml;
        String markdown = EventCatalogue.markdown(generated);
        if (Boolean.getBoolean("catalogue.update")) {
            Files.createDirectories(DOCS);
            Files.writeString(ASYNCAPI, yaml, StandardCharsets.UTF_8);
            Files.writeString(MARKDOWN, markdown, StandardCharsets.UTF_8);
        }
        committed = YAML.readTree(Files.readString(ASYNCAPI));
    }

    @Test
    void committedCatalogueIsTheGeneratedOne() throws IOException {
        assertEquals(generatedYaml, Files.readString(ASYNCAPI), ASYNCAPI + " is stale: run ./mvnw -pl contracts test -Dcatalogue.update=true and review the diff");
        assertEquals(EventCatalogue.markdown(generated), Files.readString(MARKDOWN), MARKDOWN + " is stale (same command)");
    }

    @Test
    void everyEventTypeHasASnapshotAndAMessage() throws IOException {
        for (String type : catalogue.typeNames().keySet()) {
            assertTrue(Files.exists(SNAPSHOTS.resolve(type + ".json")), "no snapshot for " + type);
            assertTrue(committed.at("/components/messages/" + type).isObject(), "no message for " + type);
        }
        // the other snapshots (the envelope, parts of events such as each kind of measure) are not events
        try (Stream<Path> files = Files.list(SNAPSHOTS)) {
            assertEquals(catalogue.typeNames().size(), files.filter(f -> f.getFileName().toString().startsWith("org.mlaexchange.")).count(),
                    "one snapshot per event type");
        }
    }

    @TestFactory
    Stream<DynamicTest> everySnapshotIsValidAgainstItsSchema() {
        Stream<DynamicTest> events = catalogue.typeNames().keySet().stream().map(type -> DynamicTest.dynamicTest(type, () -> {
            JsonNode message = committed.at("/components/messages/" + type);
            String ref = message.at("/payload/allOf/1/properties/data/$ref").asText();
            assertEquals(Set.of(), validate(ref, snapshot(type)), type);
        }));
        Stream<DynamicTest> envelope = Stream.of(DynamicTest.dynamicTest("cloudevents-envelope",
                () -> assertEquals(Set.of(), validate(EventCatalogue.SCHEMAS + EventCatalogue.ENVELOPE, snapshot("cloudevents-envelope")))));
        return Stream.concat(events, envelope);
    }

    @Test
    void schemasRefuseWhatTheRecordsCannotBe() throws IOException {
        String refused = EventCatalogue.SCHEMAS + "request.RequestEvent.Refused";
        ObjectNode unknownGround = (ObjectNode) snapshot("org.mlaexchange.request.refused.v1");
        unknownGround.putArray("grounds").add("BECAUSE");
        assertFalse(validate(refused, unknownGround).isEmpty(), "a ground outside the enum");
        ObjectNode extraMember = (ObjectNode) snapshot("org.mlaexchange.request.refused.v1");
        extraMember.put("refusingOfficer", "J. Doe");
        assertFalse(validate(refused, extraMember).isEmpty(), "a member the record does not have");
        ObjectNode notAnEnvelope = (ObjectNode) snapshot("cloudevents-envelope");
        notAnEnvelope.put("logseq", "first");
        assertFalse(validate(EventCatalogue.SCHEMAS + EventCatalogue.ENVELOPE, notAnEnvelope).isEmpty(), "logseq as text");
    }

    /** Validates against a schema of the committed document, resolving its $refs within the document. */
    private static Set<ValidationMessage> validate(String ref, JsonNode instance) {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.putArray("allOf").addObject().put("$ref", ref);
        schema.set("components", committed.get("components"));
        JsonSchema compiled = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
        return compiled.validate(instance);
    }

    private static JsonNode snapshot(String name) throws IOException {
        return JSON.readTree(SNAPSHOTS.resolve(name + ".json").toFile());
    }
}
