package org.mlaexchange.request.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The operator's settings the commands act on: a retention period of seconds, and a key-encryption key
 * rotation in progress (current {@code rotation-b}, the development key {@code local-dev} as the previous one).
 */
public class OperatorCommandsProfile implements QuarkusTestProfile {

    static final String CURRENT_KEK_ID = "rotation-b";
    static final String PREVIOUS_KEK_ID = "local-dev";
    static final String PREVIOUS_KEK = "bWxhLWV4Y2hhbmdlIGRldmVsb3BtZW50IGtlayAhISE=";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mla.retention.period", "PT3S",
                "mla.seal.kek", "FHGS95yJpD7r+hh+GHy/QWj8+6UqO7NYf+wpr7tPtaQ=",
                "mla.seal.kek-id", CURRENT_KEK_ID,
                "mla.seal.previous-keks", PREVIOUS_KEK_ID + "=" + PREVIOUS_KEK);
    }
}
