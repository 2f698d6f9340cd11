package org.mlaexchange.platform.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlaexchange.contracts.events.EventJson;

/** The operations a service declares in its own OpenAPI document ({@code /q/openapi}), read at test time. */
public final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** One operation: method, path template, what body it takes and whether it needs {@code If-Match}. */
    public record Operation(String method, String path, List<String> mediaTypes, boolean ifMatch) {

        /** "POST /api/requests/{id}/acknowledge": how corpora name an operation. */
        public String key() {
            return method + " " + path;
        }

        public boolean write() {
            return !method.equals("GET");
        }

        public boolean jsonBody() {
            return mediaTypes.contains("application/json");
        }

        /** Operations on one case: the path names it. */
        public boolean caseScoped() {
            return path.contains("{");
        }

        /** The path with every parameter replaced by {@code id}. */
        public String on(String id) {
            return path.replaceAll("\\{[^}]+}", id);
        }

        /** The path's first template, e.g. "/api/requests/{id}": where corpora attach a fixture. */
        public String caseRoot() {
            int open = path.indexOf('{');
            return open < 0 ? path : path.substring(0, path.indexOf('}', open) + 1);
        }
    }

    private OpenApiOperations() {
    }

    /** Every operation under {@code /api/} of the service under test. */
    public static List<Operation> of() {
        JsonNode doc = EventJson.tree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                List<String> media = new ArrayList<>();
                op.getValue().path("requestBody").path("content").fieldNames().forEachRemaining(media::add);
                boolean ifMatch = false;
                for (JsonNode parameter : op.getValue().path("parameters")) {
                    ifMatch |= parameter.path("in").asText().equals("header") && parameter.path("name").asText().equalsIgnoreCase("If-Match");
                }
                operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), media, ifMatch));
            }
        }
        return operations;
    }
}
