package org.mlaexchange.contracts.seal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.SecretKey;

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
        return V1 + keyId + ":" + ENCODER.encodeToString(AesGcm.seal(key, associatedData(caseId, keyId), text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text; {@link IllegalArgumentException} if it was not sealed with this key for this case or was altered. */
    public static String open(SecretKey key, String caseId, String sealed) {
        String keyId = keyId(sealed);
        byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(V1.length() + keyId.length() + 1));
        return new String(AesGcm.open(key, associatedData(caseId, keyId), bytes), StandardCharsets.UTF_8);
    }

    private static byte[] associatedData(String caseId, String keyId) {
        return (V1 + caseId + ":" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
