package org.mlaexchange.contracts.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Verifies checkpoints against one service's published Ed25519 public key: the form of every field,
 * the key id, the algorithm and the signature over {@link Checkpoint#signingInput()}. Thread-safe.
 * It says nothing about whether the log matches the checkpoint: that is {@link LogAudit}'s job.
 */
public final class CheckpointVerifier {

    private static final Pattern HEX_HASH = Pattern.compile("[0-9a-f]{64}");

    private final PublicKey publicKey;
    private final String keyId;

    public CheckpointVerifier(PublicKey publicKey) {
        this.publicKey = publicKey;
        this.keyId = CheckpointKeys.keyId(publicKey);
    }

    /** From an X.509 public key, PEM or base64 (as served by the service's well-known key endpoint). */
    public static CheckpointVerifier fromEncoded(String publicKey) {
        return new CheckpointVerifier(CheckpointKeys.publicKey(publicKey));
    }

    public String keyId() {
        return keyId;
    }

    public boolean verify(Checkpoint checkpoint) {
        return problem(checkpoint).isEmpty();
    }

    /** Why the checkpoint is not valid under this key, or empty if it is. */
    public Optional<String> problem(Checkpoint checkpoint) {
        Optional<String> form = formProblem(checkpoint);
        if (form.isPresent()) {
            return form;
        }
        if (!keyId.equals(checkpoint.keyId())) {
            return Optional.of("signed with key " + checkpoint.keyId() + ", not with key " + keyId);
        }
        if (checkpoint.signature() == null) {
            return Optional.of("not signed");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(checkpoint.signature());
        } catch (IllegalArgumentException e) {
            return Optional.of("signature is not base64");
        }
        if (!verifyBytes(checkpoint.signingInput().getBytes(StandardCharsets.UTF_8), signature)) {
            return Optional.of("signature does not verify with key " + keyId);
        }
        return Optional.empty();
    }

    /**
     * What is wrong with the form of a checkpoint, whoever signed it: lower-case hex hashes,
     * {@code treeSize == logseq >= 0} (leaf i is logseq i + 1), RFC 3339 UTC time, Ed25519.
     */
    public static Optional<String> formProblem(Checkpoint c) {
        if (c.service().isBlank()) {
            return Optional.of("service is blank");
        }
        if (c.logseq() < 0 || c.treeSize() != c.logseq()) {
            return Optional.of("treeSize " + c.treeSize() + " must equal logseq " + c.logseq() + " (leaf i is logseq i + 1)");
        }
        if (!HEX_HASH.matcher(c.headHash()).matches() || !HEX_HASH.matcher(c.merkleRoot()).matches()) {
            return Optional.of("headHash and merkleRoot must be 64 lower-case hex digits");
        }
        if (!c.time().endsWith("Z")) {
            return Optional.of("time must be RFC 3339 in UTC (ending in Z)");
        }
        try {
            Instant.parse(c.time());
        } catch (DateTimeParseException e) {
            return Optional.of("time is not RFC 3339: " + c.time());
        }
        if (!CheckpointKeys.ALGORITHM.equals(c.algorithm())) {
            return Optional.of("algorithm must be " + CheckpointKeys.ALGORITHM + ", not " + c.algorithm());
        }
        return Optional.empty();
    }

    boolean verifyBytes(byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(CheckpointKeys.ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            return false; // malformed signature bytes
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot verify with key " + keyId + ": " + e.getMessage(), e);
        }
    }
}
