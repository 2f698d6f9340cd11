package org.mlaexchange.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Write receipts carried from a change to the page shown after it (post/redirect/get) in the URL: they
 * are not secret, and the "prove" link checks each against the service's signed log anyway.
 */
final class Receipts {

    private Receipts() {
    }

    static String encode(List<JsonNode> receipts, ObjectMapper json) {
        ArrayNode compact = json.createArrayNode();
        for (JsonNode r : receipts) {
            compact.addObject().put("eventId", r.path("eventId").asText()).put("type", r.path("type").asText())
                    .put("caseseq", r.path("caseseq").asLong()).put("logseq", r.path("logseq").asLong())
                    .put("hash", r.path("hash").asText());
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(compact.toString().getBytes(StandardCharsets.UTF_8));
    }

    static List<JsonNode> decode(String encoded, ObjectMapper json) {
        List<JsonNode> out = new ArrayList<>();
        if (encoded == null || encoded.isBlank() || encoded.length() > 8000) {
            return out;
        }
        try {
            json.readTree(Base64.getUrlDecoder().decode(encoded)).forEach(out::add);
        } catch (Exception e) {
            return List.of();
        }
        return out;
    }
}
