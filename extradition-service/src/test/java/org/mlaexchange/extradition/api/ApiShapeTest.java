package org.mlaexchange.extradition.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.extradition.domain.ExtraditionAction;
import org.mlaexchange.extradition.domain.Party;

/** The public API follows the transition table: one documented POST, taking If-Match, per action a State takes. */
@QuarkusTest
class ApiShapeTest {

    @Test
    void everyActionOfAStateHasItsEndpoint() {
        JsonNode paths = EventJson.tree(given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString()).get("paths");
        assertTrue(paths.has("/api/extraditions") && paths.get("/api/extraditions").has("post"));
        assertTrue(paths.has("/api/extraditions/provisional-arrests"));
        for (ExtraditionAction action : ExtraditionAction.values()) {
            if (action.opensCase() || action.by() == Party.SYSTEM) {
                continue;
            }
            JsonNode post = paths.path("/api/extraditions/{id}/" + action.pathSegment()).get("post");
            assertNotNull(post, "no POST /api/extraditions/{id}/" + action.pathSegment());
            boolean ifMatch = false;
            for (JsonNode parameter : post.path("parameters")) {
                ifMatch |= "If-Match".equals(parameter.path("name").asText()) && "header".equals(parameter.path("in").asText());
            }
            assertTrue(ifMatch, action.pathSegment() + " takes If-Match");
            assertTrue(post.has("requestBody"), action.pathSegment() + " documents its body");
        }
    }
}
