package org.mlaexchange.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's answer: status, ETag, Location and the JSON body. Reads both write shapes: the common
 * {@code {"case": ..., "version", "receipts"}} and the older per-service keys ({@code request},
 * {@code extradition}, {@code transfer}).
 */
public record ApiResponse(int status, String etag, String location, JsonNode body) {

    private static final List<String> CASE_KEYS = List.of("case", "request", "extradition", "transfer");

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The case a write answered with (the common shape first, then the service's own key). */
    public JsonNode changedCase() {
        for (String key : CASE_KEYS) {
            JsonNode node = body.path(key);
            if (node.isObject()) {
                return node;
            }
        }
        return MissingNode.getInstance();
    }

    /** The write receipts: event id, type, case, caseseq, logseq, hash, checkpoint. */
    public List<JsonNode> receipts() {
        List<JsonNode> out = new ArrayList<>();
        body.path("receipts").forEach(out::add);
        return out;
    }

    /** RFC 9457 field errors by field path (a field named twice keeps its messages joined). */
    public Map<String, String> fieldErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        for (JsonNode e : body.path("errors")) {
            String field = e.path("field").asText("");
            errors.merge(field, e.path("message").asText(""), (a, b) -> a + "; " + b);
        }
        return errors;
    }

    /**
     * The cases a change may have been kept in though it failed: a 503 {@code outcome-unknown} (the service's
     * database went away during its commit) names them, to be looked up before the change is tried again.
     */
    public List<String> maybeKeptIn() {
        List<String> cases = new ArrayList<>();
        if (body.path("type").asText("").endsWith(":outcome-unknown")) {
            body.path("cases").forEach(c -> cases.add(c.asText()));
        }
        return cases;
    }

    /** A 503 {@code statistics-folding}: the service is still folding its figures from a long history (after an upgrade). */
    public boolean figuresNotReady() {
        return status == 503 && body.path("type").asText("").endsWith(":statistics-folding");
    }

    /** The problem's detail, or its title, for a message to the officer. */
    public String problemDetail() {
        String detail = body.path("detail").asText("");
        return detail.isEmpty() ? body.path("title").asText("HTTP " + status) : detail;
    }
}
