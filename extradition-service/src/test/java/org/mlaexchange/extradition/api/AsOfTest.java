package org.mlaexchange.extradition.api;

import static io.restassured.RestAssured.given;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.mlaexchange.platform.testing.AsOfCheck;
import org.mlaexchange.platform.testing.Tokens;

/** Every extradition case in the log, rebuilt from its events as of now, is the case the service shows (redacted alike). */
@QuarkusTest
class AsOfTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyCaseRebuildsToItsLiveState() throws SQLException {
        String acknowledged = Extraditions.submitted("nl", "AR");
        Extraditions.step("ar", acknowledged, "acknowledge", Extraditions.acknowledgement());
        Extraditions.submit("sn", Extraditions.submission("AR", Extraditions.formalRequest(
                Extraditions.person(Extraditions.passport(), true, "AR")))).statusCode(201);
        String oversight = Tokens.auditor("oversight");
        AsOfCheck.assertEveryCaseRebuildsToItsLiveState(dataSource,
                (id, firstType) -> given().auth().oauth2(oversight).get("/api/extraditions/" + id).then().statusCode(200).extract().path(""));
    }
}
