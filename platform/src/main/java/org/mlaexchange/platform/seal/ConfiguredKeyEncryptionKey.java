package org.mlaexchange.platform.seal;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;
import org.mlaexchange.contracts.seal.AesGcm;
import org.mlaexchange.platform.PlatformConfig;

/**
 * The key-encryption key from configuration ({@code mla.seal.kek}, 32 bytes in base64; in Kubernetes a
 * Secret): data keys are wrapped with AES-256-GCM ({@link AesGcm}), the context as associated data.
 */
@ApplicationScoped
@DefaultBean
public class ConfiguredKeyEncryptionKey implements KeyEncryptionKey {

    /** The id of the development key in the shared defaults: anyone can read it, so it protects nothing. */
    static final String DEVELOPMENT_KEY_ID = "local-dev";
    private static final Logger LOG = Logger.getLogger(ConfiguredKeyEncryptionKey.class);

    private final String id;
    private final SecretKey key;

    public ConfiguredKeyEncryptionKey(PlatformConfig config) {
        byte[] raw = Base64.getDecoder().decode(config.seal().kek().trim());
        if (raw.length != 32) {
            throw new IllegalStateException("mla.seal.kek must be 32 bytes (AES-256) in base64, got " + raw.length + " bytes");
        }
        this.id = config.seal().kekId();
        this.key = new SecretKeySpec(raw, "AES");
        if (DEVELOPMENT_KEY_ID.equals(id)) {
            LOG.warn("personal data is sealed under the development key-encryption key (mla.seal.kek-id=local-dev): "
                    + "set mla.seal.kek and mla.seal.kek-id outside the local stack");
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public byte[] wrap(byte[] dataKey, String context) {
        return AesGcm.seal(key, context.getBytes(StandardCharsets.UTF_8), dataKey);
    }

    @Override
    public byte[] unwrap(byte[] wrapped, String kekId, String context) {
        if (!id.equals(kekId)) {
            throw new IllegalStateException("data key wrapped by key-encryption key " + kekId + ", this service holds " + id);
        }
        try {
            return AesGcm.open(key, context.getBytes(StandardCharsets.UTF_8), wrapped);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("wrapped data key does not unwrap with key-encryption key " + id, e);
        }
    }
}
