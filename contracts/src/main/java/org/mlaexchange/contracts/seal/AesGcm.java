package org.mlaexchange.contracts.seal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/** AES-GCM as every sealing here uses it: a fresh 12-byte IV before the ciphertext and its 128-bit tag. */
public final class AesGcm {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One cipher per thread, initialised afresh for each use: {@code Cipher.getInstance} looks the provider up and
     * builds a new AES engine each time, and the engine keeps the key schedule of the last key, which the fields
     * of one case share (new ciphers were a fifth of request-service's allocation per submission: docs/benchmarks.md).
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    });

    private AesGcm() {
    }

    /** IV ‖ ciphertext ‖ tag, the associated data bound in. */
    public static byte[] seal(SecretKey key, byte[] associatedData, byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv), associatedData, plaintext, 0, plaintext.length);
        return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    }

    /** The plaintext; {@link IllegalArgumentException} if the key or the associated data differ, or a byte was altered. */
    public static byte[] open(SecretKey key, byte[] associatedData, byte[] sealed) {
        if (sealed.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("too short to be sealed");
        }
        return run(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES), associatedData, sealed, IV_BYTES,
                sealed.length - IV_BYTES);
    }

    private static byte[] run(int mode, SecretKey key, GCMParameterSpec spec, byte[] associatedData, byte[] input, int offset, int length) {
        try {
            Cipher cipher = CIPHERS.get();
            // init resets whatever an earlier use left, a failed open included
            cipher.init(mode, key, spec);
            cipher.updateAAD(associatedData);
            return cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("does not open with this key and associated data", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }
}
