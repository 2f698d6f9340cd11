package org.mlaexchange.request.api;

import static io.restassured.RestAssured.given;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.request.SpontaneousInformationEventTypes;
import org.mlaexchange.platform.testing.AsOfCheck;
import org.mlaexchange.platform.testing.Tokens;

/** Every request in the log, rebuilt from its events as of now, is the request the service shows. */
@QuarkusTest
class AsOfTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyRequestRebuildsToItsLiveState() throws SQLException {
        // some requests further along, besides whatever the other tests left
        String acknowledged = Api.submitted("nl", "AR");
        Api.step("ar", acknowledged, "acknowledge", Map.of("caseReference", "AR-1", "contact", Map.of("name", "M. Gómez", "email", "mgomez@ar.demo")));
        String consulting = Api.submitted("sn", "NL");
        Api.step("nl", consulting, "acknowledge", Map.of("caseReference", "NL-1", "contact", Map.of("name", "J. de Vries", "email", "j.devries@nl.demo")));
        Api.step("nl", consulting, "open-consultation", Map.of("matters", List.of("Scope of the search")));
        String oversight = Tokens.auditor("oversight");
        // spontaneous information shares the log: rebuilt by its own fold, shown at its own path
        String spontaneous = SpontaneousInformationApiTest.sent("nl", "AR", false);
        AsOfCheck.assertEveryCaseRebuildsToItsLiveState(dataSource, (id, firstType) -> given().auth().oauth2(oversight)
                .get((SpontaneousInformationEventTypes.isSpontaneousInformation(firstType) ? "/api/spontaneous-information/" : "/api/requests/")
                        + id).then().statusCode(200).extract().path(""));
        given().auth().oauth2(oversight).get("/api/audit/cases/" + spontaneous).then().statusCode(200);
        List.of(acknowledged, consulting).forEach(id -> given().auth().oauth2(oversight).get("/api/audit/cases/" + id).then().statusCode(200));
    }
}
