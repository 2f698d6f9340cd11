package org.mlaexchange.platform.seal;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;
import org.mlaexchange.contracts.seal.AesGcm;
import org.mlaexchange.platform.PlatformConfig;

/**
 * The key-encryption key from configuration ({@code mla.seal.kek}, 32 bytes in base64; in Kubernetes a
 * Secret): data keys are wrapped with AES-256-GCM ({@link AesGcm}), the context as associated data.
 * Keys rotated out ({@code mla.seal.previous-keks}, {@code <id>=<base64>} each) still unwrap the rows
 * wrapped by them until {@link KeyRotation} has re-wrapped those under the current key; they never wrap.
 */
@ApplicationScoped
@DefaultBean
public class ConfiguredKeyEncryptionKey implements KeyEncryptionKey {

    /** The id of the development key in the shared defaults: anyone can read it, so it protects nothing. */
    static final String DEVELOPMENT_KEY_ID = "local-dev";
    private static final Logger LOG = Logger.getLogger(ConfiguredKeyEncryptionKey.class);

    private final String id;
    /** Every key held by its id, the current one first. */
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();

    @Inject
    public ConfiguredKeyEncryptionKey(PlatformConfig config) {
        this(config.seal().kekId(), config.seal().kek(), config.seal().previousKeks().orElse(List.of()));
    }

    /** The current key {@code id} ({@code base64}) and the previous ones, each {@code <id>=<base64>}. */
    ConfiguredKeyEncryptionKey(String id, String base64, List<String> previous) {
        this.id = id;
        keys.put(id, key("mla.seal.kek", base64));
        for (String entry : previous) {
            int eq = entry.indexOf('=');
            if (eq < 1) {
                throw new IllegalStateException("mla.seal.previous-keks: each entry is <key id>=<base64 key>, got one without an id");
            }
            String previousId = entry.substring(0, eq).trim();
            if (keys.putIfAbsent(previousId, key("mla.seal.previous-keks " + previousId, entry.substring(eq + 1))) != null) {
                throw new IllegalStateException("mla.seal.previous-keks names key-encryption key " + previousId + " twice, or the current one");
            }
        }
        if (DEVELOPMENT_KEY_ID.equals(id)) {
            LOG.warn("personal data is sealed under the development key-encryption key (mla.seal.kek-id=local-dev): "
                    + "set mla.seal.kek and mla.seal.kek-id outside the local stack");
        }
    }

    private static SecretKey key(String name, String base64) {
        byte[] raw = Base64.getDecoder().decode(base64.trim());
        if (raw.length != 32) {
            throw new IllegalStateException(name + " must be 32 bytes (AES-256) in base64, got " + raw.length + " bytes");
        }
        return new SecretKeySpec(raw, "AES");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public byte[] wrap(byte[] dataKey, String context) {
        return AesGcm.seal(keys.get(id), context.getBytes(StandardCharsets.UTF_8), dataKey);
    }

    @Override
    public byte[] unwrap(byte[] wrapped, String kekId, String context) {
        SecretKey key = keys.get(kekId);
        if (key == null) {
            throw new IllegalStateException("data key wrapped by key-encryption key " + kekId + ", this service holds " + keys.keySet());
        }
        try {
            return AesGcm.open(key, context.getBytes(StandardCharsets.UTF_8), wrapped);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("wrapped data key does not unwrap with key-encryption key " + kekId, e);
        }
    }
}
