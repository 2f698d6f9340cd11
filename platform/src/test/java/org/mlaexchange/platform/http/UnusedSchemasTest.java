package org.mlaexchange.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

/** A spec keeps exactly the schemas its operations reach, through every kind of reference. */
class UnusedSchemasTest {

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(name);
    }

    private static Schema object() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
    }

    @Test
    void keepsWhatAnOperationReachesAndDropsTheRest() {
        Components components = OASFactory.createComponents()
                .addSchema("Answer", object().addProperty("measures", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(ref("Measure"))))
                .addSchema("Measure", OASFactory.createSchema().addOneOf(ref("Hearing"))
                        .discriminator(OASFactory.createDiscriminator().propertyName("kind").addMapping("SEIZURE", "#/components/schemas/Seizure")))
                .addSchema("Hearing", object().addAllOf(ref("Person")))
                .addSchema("Person", object())
                .addSchema("Seizure", object())
                .addSchema("Body", object().additionalPropertiesSchema(ref("Note")))
                .addSchema("Note", object())
                .addSchema("Header", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addSchema("Query", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addSchema("Unused", object().addProperty("other", ref("AlsoUnused")))
                .addSchema("AlsoUnused", object())
                .addSchema("Problem", object())
                // an answer every operation shares, which operations name by reference
                .addResponse("not-found", OASFactory.createAPIResponse().content(OASFactory.createContent()
                        .addMediaType("application/problem+json", OASFactory.createMediaType().schema(ref("Problem")))));
        OpenAPI openAPI = OASFactory.createOpenAPI().components(components).paths(OASFactory.createPaths()
                .addPathItem("/api/cases/{id}", OASFactory.createPathItem()
                        .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH)
                                .schema(ref("Query")))
                        .POST(OASFactory.createOperation()
                                .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent()
                                        .addMediaType("application/json", OASFactory.createMediaType().schema(ref("Body")))))
                                .responses(OASFactory.createAPIResponses()
                                        .addAPIResponse("404", OASFactory.createAPIResponse().ref("#/components/responses/not-found"))
                                        .addAPIResponse("200", OASFactory.createAPIResponse()
                                        .addHeader("ETag", OASFactory.createHeader().schema(ref("Header")))
                                        .content(OASFactory.createContent()
                                                .addMediaType("application/json", OASFactory.createMediaType().schema(ref("Answer")))))))));

        ApiContract.dropUnused(openAPI, components);

        assertEquals(Set.of("Answer", "Measure", "Hearing", "Person", "Seizure", "Body", "Note", "Header", "Query", "Problem"),
                components.getSchemas().keySet());
    }
}
