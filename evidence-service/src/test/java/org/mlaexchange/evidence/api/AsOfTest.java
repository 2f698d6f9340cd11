package org.mlaexchange.evidence.api;

import static io.restassured.RestAssured.given;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlaexchange.platform.projection.KnownRequests;
import org.mlaexchange.platform.testing.AsOfCheck;
import org.mlaexchange.platform.testing.Tokens;

/** Every transfer and item in the log, rebuilt from its events as of now, is what the service shows. */
@QuarkusTest
class AsOfTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KnownRequests known;

    @Test
    void everyTransferAndItemRebuildsToItsLiveState() throws SQLException {
        UUID request = Evidence.requestInExecution(known);
        String transfer = Evidence.openTransfer("ar", request);
        Evidence.register("ar", transfer, Evidence.document("Bank statements 2024"));
        Evidence.register("ar", transfer, Evidence.physicalObject());
        String oversight = Tokens.auditor("oversight");
        AsOfCheck.assertEveryCaseRebuildsToItsLiveState(dataSource, (id, firstType) -> firstType.startsWith("org.mlaexchange.evidence.transfer.")
                ? withoutItems(given().auth().oauth2(oversight).get("/api/transfers/" + id).then().statusCode(200).extract().path(""))
                : given().auth().oauth2(oversight).get("/api/items/" + id).then().statusCode(200).extract().path(""));
    }

    private static Object withoutItems(java.util.Map<String, Object> transferView) {
        java.util.Map<String, Object> transfer = new java.util.LinkedHashMap<>(transferView);
        transfer.remove("items");
        return transfer;
    }
}
