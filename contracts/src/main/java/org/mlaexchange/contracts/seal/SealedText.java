package org.mlaexchange.contracts.seal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * One personal text sealed with its case's data key, as it stands in event JSON in place of the text:
 * {@code mla-sealed.v1:<key id>:<base64url(iv ‖ AES-256-GCM ciphertext and tag)>}. The associated data
 * binds it to its case and key ({@code mla-sealed.v1:<case id>:<key id>}), so a sealed text moved to
 * another case does not open. A new format gets a new prefix; v1 stays readable.
 */
public final class SealedText {

    public static final String V1 = "mla-sealed.v1:";
    /** What a reader gets in place of a sealed text whose case key was destroyed. */
    public static final String ERASED = "erased";
    public static final String CIPHER = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private SealedText() {
    }

    public static boolean isSealed(String text) {
        return text != null && text.startsWith(V1);
    }

    /** The id of the key a sealed text was sealed with. */
    public static String keyId(String sealed) {
        int end = sealed.indexOf(':', V1.length());
        if (!isSealed(sealed) || end < 0) {
            throw new IllegalArgumentException("not a sealed text");
        }
        return sealed.substring(V1.length(), end);
    }

    public static String seal(SecretKey key, String keyId, String caseId, String text) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(caseId, keyId));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return V1 + keyId + ":" + ENCODER.encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The text; {@link IllegalArgumentException} if it was not sealed with this key for this case or was altered. */
    public static String open(SecretKey key, String caseId, String sealed) {
        String keyId = keyId(sealed);
        byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(V1.length() + keyId.length() + 1));
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(associatedData(caseId, keyId));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("sealed text does not open with the key of case " + caseId, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private static byte[] associatedData(String caseId, String keyId) {
        return (V1 + caseId + ":" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
