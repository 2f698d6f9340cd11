package org.mlaexchange.contracts.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.mlaexchange.contracts.events.EventJson;

/**
 * A signed statement of one service's log head: the chain head ({@code logseq}, {@code headHash}) and
 * the RFC 9162 Merkle tree head ({@code treeSize}, {@code merkleRoot}) over the same events, at
 * {@code time}. Leaf i of the tree is logseq i + 1, so {@code treeSize == logseq}; an empty log has
 * logseq 0, head hash 64 zeros and root SHA-256("").
 *
 * <p>{@code headHash} and {@code merkleRoot} are lower-case hex, {@code time} is RFC 3339 UTC
 * ({@code ...Z}), {@code keyId} is the first 16 hex digits of SHA-256 of the signer's X.509 public
 * key, {@code algorithm} is {@code Ed25519} and {@code signature} is the base64 signature of
 * {@link #signingInput()}. {@code signature} is null on an unsigned checkpoint.
 */
@JsonPropertyOrder({"service", "logseq", "headHash", "treeSize", "merkleRoot", "time", "keyId", "algorithm", "signature"})
public record Checkpoint(
        String service,
        long logseq,
        String headHash,
        long treeSize,
        String merkleRoot,
        String time,
        String keyId,
        String algorithm,
        String signature) {

    public Checkpoint {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(headHash, "headHash");
        Objects.requireNonNull(merkleRoot, "merkleRoot");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
    }

    /**
     * The exact bytes signed: the RFC 8785 canonical JSON of this checkpoint without {@code signature}
     * (as UTF-8). Members are sorted by JCS, so the field order here does not matter.
     */
    public String signingInput() {
        return EventJson.canonical(unsignedNode());
    }

    public Checkpoint withSignature(String newSignature) {
        return new Checkpoint(service, logseq, headHash, treeSize, merkleRoot, time, keyId, algorithm, newSignature);
    }

    /** The checkpoint as canonical JSON, signature included (as stored and published). */
    public String toJson() {
        ObjectNode node = unsignedNode();
        if (signature != null) {
            node.put("signature", signature);
        }
        return EventJson.canonical(node);
    }

    public static Checkpoint fromJson(String json) {
        JsonNode node = EventJson.tree(json);
        return new Checkpoint(text(node, "service"), number(node, "logseq"), text(node, "headHash"),
                number(node, "treeSize"), text(node, "merkleRoot"), text(node, "time"), text(node, "keyId"),
                text(node, "algorithm"), node.hasNonNull("signature") ? text(node, "signature") : null);
    }

    private ObjectNode unsignedNode() {
        ObjectNode node = EventJson.mapper().createObjectNode();
        node.put("service", service);
        node.put("logseq", logseq);
        node.put("headHash", headHash);
        node.put("treeSize", treeSize);
        node.put("merkleRoot", merkleRoot);
        node.put("time", time);
        node.put("keyId", keyId);
        node.put("algorithm", algorithm);
        return node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("not a checkpoint: " + field + " must be a string");
        }
        return value.asText();
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("not a checkpoint: " + field + " must be an integer");
        }
        return value.asLong();
    }
}
