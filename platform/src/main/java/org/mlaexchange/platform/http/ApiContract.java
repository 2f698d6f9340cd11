package org.mlaexchange.platform.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.mlaexchange.platform.problem.Problem;

/**
 * The API contract every service publishes, completed once for all of them at build time: every
 * operation gets each problem+json answer it can give (derived from what the operation is: its
 * security, body, path and query parameters, {@code If-Match}), {@code If-Match} is marked required
 * (428 without it), and request and response bodies get an example built from their schema. An
 * operation that returns a JAX-RS {@code Response} answers the case view named for its operationId or
 * tag by {@code api-contract.views.<operationId or tag>=<schema>} (a GET) or {@link
 * org.mlaexchange.platform.write.Changed} of it (a write). An operation without a summary, or whose
 * answer has no schema, fails the build.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiContract implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    static final String RECEIPT = "WriteReceipt";
    private static final String VIEWS = "api-contract.views.";
    private static final String TAGS = "api-contract.tags.";
    /** Operations that create a case and answer 201 with its Location: {@code api-contract.created=<operationId>,...}. */
    private static final String CREATED = "api-contract.created";
    private static final String RESPONSES_REF = "#/components/responses/";
    private static final String EXAMPLES_REF = "#/components/examples/";
    private static final int EXAMPLE_DEPTH = 12;

    /** Each answer a problem can be, with what it means for a client of this API. */
    private static final Map<Integer, String[]> ANSWERS = Map.ofEntries(
            Map.entry(400, new String[] {"malformed-json", "Bad request",
                    "The body or a parameter cannot be read (malformed JSON, unknown field, wrong form): errors name the field"}),
            Map.entry(401, new String[] {"unauthenticated", "Unauthenticated",
                    "No valid bearer token from a State Party's identity provider for audience mla-exchange"}),
            Map.entry(403, new String[] {"forbidden", "Forbidden",
                    "Your role or your side of the case does not allow this (an oversight auditor only reads)"}),
            Map.entry(404, new String[] {"not-found", "Not found",
                    "No such case, or one your State is not party to (it does not exist for you)"}),
            Map.entry(409, new String[] {"transition-forbidden", "This action is not allowed now",
                    "The case's status does not allow this action now: see allowedActions"}),
            Map.entry(412, new String[] {"stale-version", "Precondition failed",
                    "The case has changed since you read it: read it again and decide on the new version"}),
            Map.entry(422, new String[] {"invalid-input", "The input breaks a rule",
                    "Some fields are missing or invalid: errors lists each one with its JSON path"}),
            Map.entry(428, new String[] {"if-match-required", "Precondition required",
                    "Send If-Match with the ETag of the case you acted on"}),
            Map.entry(500, new String[] {"internal", "Internal error",
                    "The request was not carried out; nothing was changed"}),
            Map.entry(503, new String[] {"unavailable", "Service unavailable",
                    "The service's database cannot be reached; nothing was changed. Try again after Retry-After seconds"}));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema(FIELD_ERROR, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One rejected input: where (a JSON path such as content.measures[0].kind) and why")
                .addProperty("field", string("content.measures[0].kind"))
                .addProperty("message", string("must not be null")));
        components.addSchema(PROBLEM, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; type is stable, errors lists the fields at fault, cases the cases a"
                        + " change may have been kept in when its outcome is unknown")
                .addProperty("type", string("urn:mla-exchange:problem:invalid-input").format("uri"))
                .addProperty("title", string("The input breaks a rule"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", string("Some fields are missing or invalid"))
                .addProperty("instance", string("/api/requests"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(FIELD_ERROR)))
                .addProperty("cases", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("With type urn:mla-exchange:problem:outcome-unknown (503): the database went away while"
                                + " the change was committed, so it may have been kept in these cases. Look them up before trying again")
                        .items(string("0193a6f0-7c3e-7d2a-9b1e-5f4c3d2b1a09")))
                .required(List.of("type", "title", "status")));
        discriminatedUnions(components);
        Map<String, String> views = views();
        // one identity provider per State: a bearer JWT from any of them, not one OpenID Connect discovery URL
        if (components.getSecuritySchemes() != null) {
            new ArrayList<>(components.getSecuritySchemes().keySet()).forEach(name -> components.addSecurityScheme(name, OASFactory.createSecurityScheme()
                    .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("An access token from your State's own identity provider (its realm, e.g. /realms/nl), audience"
                            + " mla-exchange; your State is the token's issuer. The roles an operation needs are listed in its security.")));
        }
        // tag descriptions: api-contract.tags.<tag>=<description> (platform's own in its microprofile-config)
        Config config = ConfigProvider.getConfig();
        if (openAPI.getTags() != null) {
            openAPI.getTags().forEach(tag -> config.getOptionalValue(TAGS + tag.getName(), String.class).ifPresent(tag::setDescription));
        }
        List<String> created = config.getOptionalValues(CREATED, String.class).orElse(List.of());
        List<String> missingSummary = new ArrayList<>();
        List<String> missingSchema = new ArrayList<>();
        Map<String, Integer> operationIds = new HashMap<>();
        forEachOperation(openAPI, (path, method, operation) -> {
            if (operation.getOperationId() != null) {
                operationIds.merge(operation.getOperationId(), 1, Integer::sum);
            }
        });
        forEachOperation(openAPI, (path, method, operation) -> {
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                missingSummary.add(method + " " + path);
            }
            operation.setOperationId(operationId(operation, operationIds));
            if (created.contains(operation.getOperationId())) {
                answersCreated(operation);
            }
            if (!answerSchemas(method, operation, views, components)) {
                missingSchema.add(method + " " + path + " (" + operation.getOperationId() + ")");
            }
            complete(method, operation, components);
        });
        if (!missingSummary.isEmpty()) {
            throw new IllegalStateException("Operations without a summary (@Operation(summary = ...)): " + missingSummary);
        }
        if (!missingSchema.isEmpty()) {
            throw new IllegalStateException("Operations answering a Response without a schema: name their case view with "
                    + VIEWS + "<operationId or tag>=<schema>: " + missingSchema);
        }
        dropUnused(openAPI, components);
    }

    /**
     * Keeps only the schemas an operation reaches: contracts register schemas a service never answers with (a
     * measure, in evidence- and extradition-service), which a generated client would turn into dead classes.
     * Runs last, once every answer names its schema (SmallRye's own removal runs before this filter's references).
     */
    static void dropUnused(OpenAPI openAPI, Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        List<Schema> reached = new ArrayList<>();
        forEachOperation(openAPI, (path, method, operation) -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(parameter -> reachParameter(parameter, reached));
            }
            if (operation.getRequestBody() != null) {
                reachContent(operation.getRequestBody().getContent(), reached);
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(response -> reachResponse(response, reached));
            }
        });
        // the shared problem answers (problemResponse)
        if (components.getResponses() != null) {
            components.getResponses().values().forEach(response -> reachResponse(response, reached));
        }
        openAPI.getPaths().getPathItems().values().stream()
                .filter(item -> item.getParameters() != null)
                .forEach(item -> item.getParameters().forEach(parameter -> reachParameter(parameter, reached)));
        Set<String> used = new HashSet<>();
        while (!reached.isEmpty()) {
            Schema schema = reached.remove(reached.size() - 1);
            if (schema == null) {
                continue;
            }
            if (schema.getRef() != null) {
                String name = refName(schema.getRef());
                if (used.add(name)) {
                    reached.add(components.getSchemas().get(name));
                }
            }
            if (schema.getProperties() != null) {
                reached.addAll(schema.getProperties().values());
            }
            reached.add(schema.getItems());
            reached.add(schema.getNot());
            reached.add(schema.getAdditionalPropertiesSchema());
            for (List<Schema> parts : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf(), schema.getPrefixItems())) {
                if (parts != null) {
                    reached.addAll(parts);
                }
            }
            if (schema.getDiscriminator() != null && schema.getDiscriminator().getMapping() != null) {
                schema.getDiscriminator().getMapping().values().forEach(ref -> reached.add(OASFactory.createSchema().ref(ref)));
            }
        }
        new ArrayList<>(components.getSchemas().keySet()).stream()
                .filter(name -> !used.contains(name))
                .forEach(components::removeSchema);
    }

    private static void reachResponse(APIResponse response, List<Schema> reached) {
        reachContent(response.getContent(), reached);
        if (response.getHeaders() != null) {
            response.getHeaders().values().forEach(header -> {
                reached.add(header.getSchema());
                reachContent(header.getContent(), reached);
            });
        }
    }

    private static void reachParameter(Parameter parameter, List<Schema> reached) {
        reached.add(parameter.getSchema());
        reachContent(parameter.getContent(), reached);
    }

    private static void reachContent(Content content, List<Schema> reached) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> reached.add(media.getSchema()));
        }
    }

    /**
     * A schema told apart by a discriminator ({@code @Schema(oneOf, discriminatorProperty, discriminatorMapping)},
     * as a sealed interface with Jackson subtypes) is its alternatives only: the properties the scanner took from
     * the interface's own accessors would also apply beside the chosen alternative, and a validator then finds
     * the alternative's fields unevaluated. Each alternative requires the discriminator and fixes it to its
     * value, so that exactly one of them matches a document, with or without the discriminator (JSON Schema's oneOf).
     */
    static void discriminatedUnions(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        components.getSchemas().values().forEach(union -> {
            if (union.getOneOf() == null || union.getDiscriminator() == null || union.getDiscriminator().getMapping() == null) {
                return;
            }
            union.setProperties(null);
            union.setRequired(null);
            String tag = union.getDiscriminator().getPropertyName();
            union.getDiscriminator().getMapping().forEach((value, ref) -> {
                Schema alternative = components.getSchemas().get(refName(ref));
                if (alternative == null) {
                    throw new IllegalStateException("Discriminator value " + value + " maps to no schema: " + ref);
                }
                Schema property = alternative.getProperties() == null ? null : alternative.getProperties().get(tag);
                if (property == null) {
                    throw new IllegalStateException("Schema " + ref + " has no discriminator property " + tag);
                }
                property.setConstValue(value);
                if (alternative.getRequired() == null || !alternative.getRequired().contains(tag)) {
                    alternative.addRequired(tag);
                }
            });
        });
    }

    /**
     * A creating operation answers 201 Created (the JAX-RS {@code Response} it builds says so, which the
     * scanner cannot see): its 200 becomes 201, with the Location of the new case.
     */
    private static void answersCreated(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null || responses.getAPIResponse("200") == null) {
            return;
        }
        APIResponse ok = responses.getAPIResponse("200");
        responses.removeAPIResponse("200");
        ok.setDescription("Created: the new case as its GET shows it; Location names it");
        ok.addHeader("Location", OASFactory.createHeader().description("The new case's URL")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")));
        responses.addAPIResponse("201", ok);
    }

    private static Map<String, String> views() {
        Config config = ConfigProvider.getConfig();
        Map<String, String> views = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(VIEWS)) {
                views.put(name.substring(VIEWS.length()).replace("\"", ""), config.getValue(name, String.class));
            }
        }
        return views;
    }

    /**
     * Gives a schema to the success answers that have none (a JAX-RS Response): the case view, or the
     * {@code Changed} of it for a write; raw content (not JSON) is binary. False when no view is named.
     */
    private static boolean answerSchemas(PathItem.HttpMethod method, Operation operation, Map<String, String> views,
                                         Components components) {
        boolean complete = true;
        if (operation.getRequestBody() != null) {
            binaryWhereEmpty(operation.getRequestBody().getContent());
        }
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return true;
        }
        for (Map.Entry<String, APIResponse> answer : operation.getResponses().getAPIResponses().entrySet()) {
            Content content = answer.getValue().getContent();
            if (!answer.getKey().startsWith("2") || content == null || content.getMediaTypes() == null) {
                continue;
            }
            binaryWhereEmpty(content);
            for (Map.Entry<String, MediaType> media : content.getMediaTypes().entrySet()) {
                if (!empty(media.getValue().getSchema())) {
                    continue;
                }
                String tag = operation.getTags() == null || operation.getTags().isEmpty() ? "" : operation.getTags().get(0);
                String view = views.getOrDefault(operation.getOperationId(), views.get(tag));
                if (view == null) {
                    complete = false;
                    continue;
                }
                media.getValue().setSchema(OASFactory.createSchema().ref(method == PathItem.HttpMethod.GET ? view : changedOf(view, components)));
            }
        }
        return complete;
    }

    /** {@code <View>Changed}: what every write answers (platform Changed), with the case as this view. */
    private static String changedOf(String view, Components components) {
        String name = view + "Changed";
        if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
            components.addSchema(name, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                    .description("The answer to a write: the case as its GET shows it, its version (also the ETag) and the"
                            + " receipts of the events that recorded the change")
                    .addProperty("case", OASFactory.createSchema().ref(view))
                    .addProperty("version", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                    .addProperty("receipts", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                            .items(OASFactory.createSchema().ref(RECEIPT)))
                    .required(List.of("case", "version", "receipts")));
        }
        return name;
    }

    private static void binaryWhereEmpty(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().forEach((type, media) -> {
            if (!json(type) && empty(media.getSchema())) {
                media.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("binary"));
            }
        });
    }

    /** One JSON document (not NDJSON, a stream of them). */
    private static boolean json(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static boolean empty(Schema schema) {
        return schema == null || (schema.getRef() == null && schema.getType() == null && schema.getProperties() == null
                && schema.getAllOf() == null && schema.getOneOf() == null && schema.getAnyOf() == null && schema.getItems() == null);
    }

    /** The method name, or the tag and method name where two resources of the service share a method name. */
    private static String operationId(Operation operation, Map<String, Integer> operationIds) {
        String id = operation.getOperationId();
        if (id == null || operationIds.getOrDefault(id, 0) < 2 || operation.getTags() == null || operation.getTags().isEmpty()) {
            return id;
        }
        String tag = operation.getTags().get(0).replaceAll("[^A-Za-z0-9]", "");
        return tag + Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    private void complete(PathItem.HttpMethod method, Operation operation, Components components) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        boolean body = operation.getRequestBody() != null;
        boolean ifMatch = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));
        boolean pathParams = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        boolean constrained = parameters.stream().anyMatch(p -> p.getIn() != Parameter.In.PATH && constrained(p.getSchema()));
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;

        for (Parameter parameter : parameters) {
            if (parameter.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(parameter.getName())) {
                parameter.setRequired(true);
                parameter.setDescription("The ETag of the version you decided on (from the case's GET or your last change)");
                parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).examples(List.of("\"3\"")));
            }
        }

        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        List<Integer> answers = new ArrayList<>();
        if (body || !parameters.isEmpty()) {
            answers.add(400);
        }
        if (secured) {
            answers.add(401);
            answers.add(403);
        }
        // path parameters name a case, an item or an event; JAX-RS also answers 404 to a query parameter it cannot convert
        if (pathParams || parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY)) {
            answers.add(404);
        }
        if (write && pathParams) {
            answers.add(409);
        }
        if (ifMatch) {
            answers.add(412);
            answers.add(428);
        }
        if (body || constrained) {
            answers.add(422);
        }
        answers.add(500);
        answers.add(503);
        for (int status : answers) {
            APIResponse existing = responses.getAPIResponse(String.valueOf(status));
            responses.addAPIResponse(String.valueOf(status), problemResponse(status, existing, components));
        }

        if (body) {
            exampleFor(operation.getRequestBody().getContent(), components);
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("2")) {
                if (response.getDescription() == null || response.getDescription().isBlank()) {
                    response.setDescription("OK");
                }
                exampleFor(response.getContent(), components);
            }
        });
    }

    private static boolean constrained(Schema schema) {
        return schema != null && (schema.getPattern() != null || schema.getMinimum() != null || schema.getMaximum() != null
                || schema.getMinLength() != null || schema.getMaxLength() != null);
    }

    /**
     * The problem+json answer {@code status}: a reference to the one answer in components/responses that every
     * operation shares, or, where the operation describes that answer itself, its description with the shared
     * content. Shared because a document repeating the same answers and examples on every operation was 0.8 MB,
     * which each start parses and writes out twice (Quarkus 3.32.1 prepares /q/openapi eagerly at start).
     */
    private static APIResponse problemResponse(int status, APIResponse existing, Components components) {
        if (existing != null && existing.getDescription() != null && existing.getContent() != null) {
            return problemAnswer(status, existing.getDescription(), components);
        }
        String name = ANSWERS.get(status)[0];
        if (components.getResponses() == null || !components.getResponses().containsKey(name)) {
            components.addResponse(name, problemAnswer(status, ANSWERS.get(status)[2], components));
        }
        return OASFactory.createAPIResponse().ref(RESPONSES_REF + name);
    }

    private static APIResponse problemAnswer(int status, String description, Components components) {
        String[] answer = ANSWERS.get(status);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "urn:mla-exchange:problem:" + answer[0]);
        example.put("title", answer[1]);
        example.put("status", status);
        example.put("detail", answer[2]);
        if (status == 400 || status == 422) {
            // an ordered map, not Map.of: Map.of's order changes from one JVM to the next, and so would the stored
            // document's bytes between two builds of the same code
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", status == 400 ? "content.urgent" : "content.summary");
            error.put("message", status == 400 ? "cannot read \"soon\" as boolean" : "must not be blank");
            example.put("errors", List.of(error));
        }
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM)).addExample(answer[0], sharedExample(answer[0], example, components))));
        if (status == 401) {
            response.addHeader("WWW-Authenticate", OASFactory.createHeader().description("Bearer")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        if (status == 503) {
            response.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before trying again")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        }
        return response;
    }

    /** The component a {@code $ref} names: {@code Problem} for {@code #/components/schemas/Problem}. */
    private static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** A reference to components/examples/{@code name}, which holds {@code value} (added the first time). */
    private static Example sharedExample(String name, Object value, Components components) {
        if (components.getExamples() == null || !components.getExamples().containsKey(name)) {
            components.addExample(name, OASFactory.createExample().value(value));
        }
        return OASFactory.createExample().ref(EXAMPLES_REF + name);
    }

    /**
     * An example for each JSON body without one: a component schema's example once in components/examples
     * (dozens of answers are the same case view), an inline schema's in place.
     */
    private static void exampleFor(Content content, Components components) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().forEach((type, media) -> {
            if (media.getExample() == null && (media.getExamples() == null || media.getExamples().isEmpty())
                    && media.getSchema() != null && json(type)) {
                String name = media.getSchema().getRef() == null ? null : refName(media.getSchema().getRef());
                if (name != null && components.getExamples() != null && components.getExamples().containsKey(name)) {
                    // built once per schema: dozens of answers are the same case view
                    media.addExample(name, sharedExample(name, null, components));
                    return;
                }
                Object example = example(media.getSchema(), components, 0);
                if (example == null) {
                    return;
                }
                if (name == null) {
                    media.setExample(example);
                } else {
                    media.addExample(name, sharedExample(name, example, components));
                }
            }
        });
    }

    /** An example value that conforms to the schema: its own example, a default, the first enum value, or built from its parts. */
    static Object example(Schema schema, Components components, int depth) {
        if (schema == null || depth > EXAMPLE_DEPTH) {
            return null;
        }
        // before the $ref: an alternative of a discriminated union fixes its discriminator (an enum's one value)
        if (schema.getConstValue() != null) {
            return schema.getConstValue();
        }
        if (schema.getRef() != null) {
            String name = refName(schema.getRef());
            Schema target = components.getSchemas() == null ? null : components.getSchemas().get(name);
            return example(target, components, depth + 1);
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getDefaultValue() != null) {
            return schema.getDefaultValue();
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().stream().filter(v -> v != null).findFirst().orElse(null);
        }
        for (List<Schema> alternatives : Arrays.asList(schema.getOneOf(), schema.getAnyOf())) {
            if (alternatives != null && !alternatives.isEmpty()) {
                return example(alternatives.get(0), components, depth + 1);
            }
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            Map<String, Object> merged = new TreeMap<>();
            for (Schema part : schema.getAllOf()) {
                if (example(part, components, depth + 1) instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> merged.put(String.valueOf(k), v));
                }
            }
            Map<String, Object> own = objectExample(schema, components, depth);
            merged.putAll(own);
            return merged;
        }
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        Schema.SchemaType type = types.stream().filter(t -> t != Schema.SchemaType.NULL).findFirst()
                .orElse(schema.getProperties() != null ? Schema.SchemaType.OBJECT : null);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case OBJECT -> objectExample(schema, components, depth);
            case ARRAY -> {
                Object item = example(schema.getItems(), components, depth + 1);
                yield item == null ? List.of() : List.of(item);
            }
            case STRING -> stringExample(schema);
            case INTEGER -> schema.getMinimum() != null ? schema.getMinimum().max(BigDecimal.ONE).toBigInteger() : 1;
            case NUMBER -> schema.getMinimum() != null ? schema.getMinimum().max(BigDecimal.ONE) : BigDecimal.ONE;
            case BOOLEAN -> false;
            default -> null;
        };
    }

    private static Map<String, Object> objectExample(Schema schema, Components components, int depth) {
        Map<String, Object> example = new LinkedHashMap<>();
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                Object value = example(property, components, depth + 1);
                if (value != null) {
                    example.put(name, value);
                }
            });
        }
        return example;
    }

    private static String stringExample(Schema schema) {
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        String value = switch (format) {
            case "uuid" -> "5f0c6a52-2b1e-4d7a-9a43-8c1d2e3f4a5b";
            case "date-time" -> "2026-11-22T10:00:00Z";
            case "date" -> "2026-12-01";
            case "duration" -> "P30D";
            case "email" -> "officer@nl.example";
            case "uri" -> "https://mla.example/api";
            default -> "text";
        };
        if (schema.getPattern() != null && !value.matches(schema.getPattern())) {
            // the one patterned string most schemas share is a State code
            value = "NL".matches(schema.getPattern()) ? "NL" : value;
        }
        if (schema.getMinLength() != null && value.length() < schema.getMinLength()) {
            value = value + "x".repeat(schema.getMinLength() - value.length());
        }
        return value;
    }

    private static Schema string(String example) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).examples(List.of(example));
    }

    private interface OperationVisitor {
        void visit(String path, PathItem.HttpMethod method, Operation operation);
    }

    private static void forEachOperation(OpenAPI openAPI, OperationVisitor visitor) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        new TreeMap<>(openAPI.getPaths().getPathItems()).forEach((path, item) ->
                item.getOperations().forEach((method, operation) -> visitor.visit(path, method, operation)));
    }
}
