package org.mlaexchange.platform.seal;

/**
 * The service's key-encryption key: it wraps and unwraps the case data keys and never leaves its
 * holder. {@link ConfiguredKeyEncryptionKey} holds it in configuration (a Kubernetes Secret); an external
 * KMS (an HSM, Vault's transit engine, a cloud KMS) implements this interface as an alternative bean, so
 * that the key never enters the service's memory at all.
 */
public interface KeyEncryptionKey {

    /** Id of the key wrapping new data keys, stored beside each wrapped key (for rotation). */
    String id();

    /** The data key wrapped, bound to {@code context} (the case and data key ids): it unwraps only with the same context. */
    byte[] wrap(byte[] dataKey, String context);

    /** The data key; {@link IllegalStateException} if {@code kekId} is not held or the wrapped key was altered. */
    byte[] unwrap(byte[] wrapped, String kekId, String context);
}
