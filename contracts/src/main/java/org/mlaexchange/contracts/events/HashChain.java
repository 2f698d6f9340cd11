package org.mlaexchange.contracts.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The tamper-evident chain over one service's event log: {@code hash} is the lower-case hex SHA-256
 * of the RFC 8785 canonical form of the whole CloudEvent without its {@code hash} attribute, so
 * {@code prevhash} is covered and anyone can recompute it from a Kafka record alone.
 */
public final class HashChain {

    /** {@code prevhash} of the first event of a log. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    public static String hashOf(CloudEvent event) {
        return hashOf((JsonNode) EventJson.mapper().valueToTree(event));
    }

    /** Hash of an event given as a JSON tree (the {@code hash} attribute, if present, is ignored). */
    public static String hashOf(JsonNode event) {
        ObjectNode copy = event.deepCopy();
        copy.remove("hash");
        return sha256Hex(EventJson.canonical(copy));
    }

    /** The event with its hash computed, as the exact bytes to store and publish (canonical JSON). */
    public static Sealed seal(CloudEvent unsealed) {
        String canonical = EventJson.canonical(unsealed.withHash(null));
        String hash = sha256Hex(canonical);
        return new Sealed(unsealed.withHash(hash), withHashMember(canonical, hash));
    }

    /**
     * The canonical form with {@code hash} added, without canonicalising again: in RFC 8785 member order
     * {@code hash} comes right before the envelope's {@code id}, the last {@code "id":} of the text
     * (the members after it never hold one, and a string value cannot hold an unescaped quote).
     */
    static String withHashMember(String canonicalWithoutHash, String hash) {
        int id = EventJson.lastMember(canonicalWithoutHash, "\"id\":");
        if (id < 0) {
            throw new IllegalArgumentException("a CloudEvent has an id");
        }
        return canonicalWithoutHash.substring(0, id) + "\"hash\":\"" + hash + "\"," + canonicalWithoutHash.substring(id);
    }

    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present in the JDK", e);
        }
    }

    public record Sealed(CloudEvent event, String json) {
    }
}
