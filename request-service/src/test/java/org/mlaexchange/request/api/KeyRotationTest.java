package org.mlaexchange.request.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mlaexchange.platform.testing.PersonalDataTraces.column;
import static org.mlaexchange.request.api.Api.as;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.seal.AesGcm;
import org.mlaexchange.platform.seal.CaseDataKeys;
import org.mlaexchange.platform.seal.KeyEncryptionKey;

/**
 * A key-encryption key rotation: requests whose data keys are wrapped by the previous key still open, the
 * operator's re-wrap moves every key under the current one (once: a second run has nothing to do), the
 * requests still open, and a key under a key-encryption key no longer held is reported, not touched.
 */
@QuarkusTest
@TestProfile(OperatorCommandsProfile.class)
class KeyRotationTest {

    /** Read from the log, opened with the case's data key (the stored request is the service's clear projection). */
    private static final String FACTS = "[0].data.content.summaryOfFacts";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KeyEncryptionKey kek;

    @Test
    void dataKeysWrappedByThePreviousKeyAreRewrappedUnderTheCurrentOneAndEveryRequestStillOpens() throws Exception {
        List<String> ids = List.of(Api.submitted("nl", "AR"), Api.submitted("nl", "AR"));
        String facts = as("nl").get("/api/requests/" + ids.get(0) + "/history").then().statusCode(200).extract().path(FACTS);
        // as sealed before the rotation: their data keys wrapped by the previous key-encryption key
        for (String id : ids) {
            wrapUnderPreviousKek(id);
            assertEquals(OperatorCommandsProfile.PREVIOUS_KEK_ID, kekOf(id));
            as("ar").get("/api/requests/" + id + "/history").then().statusCode(200).body(FACTS, equalTo(facts));
        }

        given().port(Api.managementPort()).post("/mla/seal/rewrap").then().statusCode(200)
                .body("currentKekId", equalTo(OperatorCommandsProfile.CURRENT_KEK_ID))
                .body("rewrapped", greaterThanOrEqualTo(2))
                .body("notHeld", equalTo(Map.of()))
                .body("wrappedByKek", not(hasKey(OperatorCommandsProfile.PREVIOUS_KEK_ID)));
        for (String id : ids) {
            assertEquals(OperatorCommandsProfile.CURRENT_KEK_ID, kekOf(id));
            as("nl").get("/api/requests/" + id + "/history").then().statusCode(200).body(FACTS, equalTo(facts));
        }
        // idempotent: nothing is left to re-wrap
        given().port(Api.managementPort()).post("/mla/seal/rewrap").then().statusCode(200).body("rewrapped", equalTo(0));

        // a row under a key-encryption key the service no longer holds is counted and left as it was
        update("UPDATE case_data_key SET kek_id = 'retired' WHERE case_id = ?", ids.get(1));
        given().port(Api.managementPort()).post("/mla/seal/rewrap").then().statusCode(200)
                .body("rewrapped", equalTo(0)).body("notHeld", equalTo(Map.of("retired", 1)));
        assertEquals("retired", kekOf(ids.get(1)));
        update("UPDATE case_data_key SET kek_id = '" + OperatorCommandsProfile.CURRENT_KEK_ID + "' WHERE case_id = ?", ids.get(1));
    }

    /** Unwraps the case's data key with the service's key and wraps it again with the previous one, as it was before. */
    private void wrapUnderPreviousKek(String caseId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT key_id, kek_id, wrapped_key FROM case_data_key WHERE case_id = ?");
             PreparedStatement update = c.prepareStatement("UPDATE case_data_key SET kek_id = ?, wrapped_key = ? WHERE case_id = ?")) {
            select.setString(1, caseId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                String context = CaseDataKeys.context(caseId, row.getString(1));
                byte[] raw = kek.unwrap(row.getBytes(3), row.getString(2), context);
                SecretKeySpec previous = new SecretKeySpec(Base64.getDecoder().decode(OperatorCommandsProfile.PREVIOUS_KEK), "AES");
                update.setString(1, OperatorCommandsProfile.PREVIOUS_KEK_ID);
                update.setBytes(2, AesGcm.seal(previous, context.getBytes(StandardCharsets.UTF_8), raw));
                update.setString(3, caseId);
                assertEquals(1, update.executeUpdate());
            }
        }
    }

    private String kekOf(String caseId) throws Exception {
        return column(dataSource, "SELECT kek_id FROM case_data_key WHERE case_id = ?", caseId);
    }

    private void update(String sql, String caseId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, caseId);
            assertEquals(1, s.executeUpdate());
        }
    }
}
