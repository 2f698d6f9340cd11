package org.mlaexchange.contracts.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Signs checkpoints with a service's Ed25519 key (JDK provider). Thread-safe.
 *
 * <p>The public key is needed too, for the {@code keyId}; the pair is checked on construction by
 * signing and verifying a probe, so a mismatched configuration fails at start-up, not at audit time.
 */
public final class CheckpointSigner {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    public CheckpointSigner(KeyPair keyPair) {
        this.privateKey = keyPair.getPrivate();
        this.publicKey = keyPair.getPublic();
        this.keyId = CheckpointKeys.keyId(publicKey);
        byte[] probe = "mla-exchange checkpoint key check".getBytes(StandardCharsets.UTF_8);
        if (!new CheckpointVerifier(publicKey).verifyBytes(probe, sign(probe))) {
            throw new IllegalArgumentException("the private key does not belong to public key " + keyId);
        }
    }

    /** From configuration: a PKCS#8 private key and its X.509 public key, each PEM or base64. */
    public static CheckpointSigner fromEncoded(String privateKey, String publicKey) {
        return new CheckpointSigner(new KeyPair(CheckpointKeys.publicKey(publicKey), CheckpointKeys.privateKey(privateKey)));
    }

    /** A signer with a fresh key pair, for development and tests. */
    public static CheckpointSigner generate() {
        return new CheckpointSigner(CheckpointKeys.generate());
    }

    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /**
     * Signs the head of a log: chain head ({@code logseq}, {@code headHash}) and Merkle tree head
     * ({@code treeSize}, {@code merkleRoot}, lower-case hex). {@code time} is written as RFC 3339 UTC.
     */
    public Checkpoint sign(String service, long logseq, String headHash, long treeSize, String merkleRoot, Instant time) {
        return sign(new Checkpoint(service, logseq, headHash, treeSize, merkleRoot,
                DateTimeFormatter.ISO_INSTANT.format(time), keyId, CheckpointKeys.ALGORITHM, null));
    }

    /**
     * Signs a checkpoint after setting its {@code keyId} and {@code algorithm} to this signer's;
     * refuses one of the wrong form ({@link CheckpointVerifier#formProblem}).
     */
    public Checkpoint sign(Checkpoint checkpoint) {
        Checkpoint unsigned = new Checkpoint(checkpoint.service(), checkpoint.logseq(), checkpoint.headHash(),
                checkpoint.treeSize(), checkpoint.merkleRoot(), checkpoint.time(), keyId, CheckpointKeys.ALGORITHM, null);
        CheckpointVerifier.formProblem(unsigned).ifPresent(problem -> {
            throw new IllegalArgumentException("will not sign this checkpoint: " + problem);
        });
        byte[] signature = sign(unsigned.signingInput().getBytes(StandardCharsets.UTF_8));
        return unsigned.withSignature(Base64.getEncoder().encodeToString(signature));
    }

    private byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance(CheckpointKeys.ALGORITHM);
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with key " + keyId + ": " + e.getMessage(), e);
        }
    }
}
