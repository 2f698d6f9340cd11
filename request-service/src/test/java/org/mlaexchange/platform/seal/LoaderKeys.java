package org.mlaexchange.platform.seal;

import java.util.List;

/**
 * For the history loader (request-service tests, {@code HistoryLoader}): the service's own key-encryption key
 * class, whose constructor from an id and a key is package-private, so that loaded data keys are wrapped exactly
 * as {@link CaseDataKeys} wraps them. Not part of any service.
 */
public final class LoaderKeys {

    private LoaderKeys() {
    }

    public static KeyEncryptionKey kek(String id, String base64) {
        return new ConfiguredKeyEncryptionKey(id, base64, List.of());
    }
}
