package org.mlaexchange.contracts.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys for checkpoints, with the JDK's own provider (Java 15+): private keys as PKCS#8,
 * public keys as X.509 SubjectPublicKeyInfo, each either PEM or bare base64 of the DER.
 */
public final class CheckpointKeys {

    /** The JCA and checkpoint name of the signature algorithm. */
    public static final String ALGORITHM = "Ed25519";

    private CheckpointKeys() {
    }

    /** A fresh key pair, for development and tests; production keys come from configuration. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of the JDK since Java 15", e);
        }
    }

    /** A PKCS#8 private key, PEM ({@code -----BEGIN PRIVATE KEY-----}) or base64. */
    public static PrivateKey privateKey(String pemOrBase64) {
        try {
            return keyFactory().generatePrivate(new PKCS8EncodedKeySpec(der(pemOrBase64, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 PKCS#8 private key: " + e.getMessage(), e);
        }
    }

    /** An X.509 public key, PEM ({@code -----BEGIN PUBLIC KEY-----}) or base64. */
    public static PublicKey publicKey(String pemOrBase64) {
        try {
            return keyFactory().generatePublic(new X509EncodedKeySpec(der(pemOrBase64, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 X.509 public key: " + e.getMessage(), e);
        }
    }

    /** PEM text of a private (PKCS#8) or public (X.509) key, e.g. for the well-known key endpoint. */
    public static String toPem(Key key) {
        String label = key instanceof PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /** First 16 hex digits of SHA-256 of the public key's X.509 encoding. */
    public static String keyId(PublicKey publicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always present in the JDK", e);
        }
    }

    private static byte[] der(String pemOrBase64, String label) {
        String text = pemOrBase64.strip();
        if (text.startsWith("-----BEGIN ")) {
            String begin = "-----BEGIN " + label + "-----";
            String end = "-----END " + label + "-----";
            int from = text.indexOf(begin);
            int to = text.indexOf(end);
            if (from != 0 || to < 0) {
                throw new IllegalArgumentException("expected a PEM block " + begin);
            }
            text = text.substring(begin.length(), to);
        }
        try {
            return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key is not base64: " + e.getMessage(), e);
        }
    }

    private static KeyFactory keyFactory() throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM);
    }
}
