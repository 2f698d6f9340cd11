package org.mlaexchange.evidence.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.mlaexchange.evidence.api.Evidence.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlaexchange.platform.projection.KnownRequests;
import org.mlaexchange.platform.testing.KafkaTopicReset;
import org.mlaexchange.platform.testing.Tokens;

/** What the officers' console asks of the evidence service: a request's transfers for its parties, content named by its digest. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTopicReset.class,
        initArgs = @ResourceArg(name = "topics", value = "evidence-test.mla.request.events,evidence-test.mla.evidence.events"))
class ConsoleEvidenceTest {

    @Inject
    KnownRequests known;

    @Test
    void theTransfersOfARequestAreListedToItsPartiesOnly() {
        UUID request = Evidence.requestInExecution(known);
        String first = Evidence.openTransfer("ar", request);
        String second = Evidence.openTransfer("ar", request);
        // another request's transfer is not among them
        Evidence.openTransfer("ar", Evidence.requestInExecution(known));

        for (String realm : List.of("ar", "nl")) {
            as(realm).get("/api/transfers?requestId=" + request).then().statusCode(200)
                    .body("items.id", equalTo(List.of(first, second)))
                    .body("items[0].providingState", equalTo("AR")).body("items[0].receivingState", equalTo("NL"))
                    .body("items[0].status", equalTo("OPEN"));
        }
        given().auth().oauth2(Tokens.auditor("nl")).get("/api/transfers?requestId=" + request).then().statusCode(200)
                .body("items.id", equalTo(List.of(first, second)));
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/transfers?requestId=" + request).then().statusCode(200)
                .body("items.id", equalTo(List.of(first, second)));
        // a State that is not party learns nothing, not even that transfers exist
        as("sn").get("/api/transfers?requestId=" + request).then().statusCode(200).body("items", empty());
        given().auth().oauth2(Tokens.auditor("sn")).get("/api/transfers?requestId=" + request).then().statusCode(200).body("items", empty());
        as("nl").get("/api/transfers?requestId=" + UUID.randomUUID()).then().statusCode(200).body("items", empty());
        as("nl").get("/api/transfers").then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.containsString("requestId"));
        given().get("/api/transfers?requestId=" + request).then().statusCode(401);
    }

    @Test
    void theContentCarriesItsDigestAsETagAndTheProvidingOfficerProvesItsReceipt() {
        UUID request = Evidence.requestInExecution(known);
        String transfer = Evidence.openTransfer("ar", request);
        String item = Evidence.register("ar", transfer, Evidence.document("Ledger 2022"));
        byte[] content = Evidence.bytes(70_000, 3);
        String eventId = Evidence.upload("ar", item, content, Evidence.digestHeader(content)).statusCode(200)
                .extract().path("receipts[0].eventId");
        Evidence.act("ar", "/api/transfers/" + transfer, "dispatch", Map.of("reference", "AR-TR-9")).statusCode(200);

        String etag = "\"sha-256:" + Evidence.hex(content) + "\"";
        given().auth().oauth2(Tokens.officer("nl")).get("/api/items/" + item + "/content").then().statusCode(200).header("ETag", etag);
        given().auth().oauth2(Tokens.officer("nl")).header("Range", "bytes=0-9").get("/api/items/" + item + "/content").then()
                .statusCode(206).header("ETag", etag);

        // the write receipt of the upload: both parties' officers prove it, SN's is told it does not exist
        as("ar").get("/api/audit/events/" + eventId + "/proof").then().statusCode(200).body("eventId", equalTo(eventId));
        as("nl").get("/api/audit/events/" + eventId + "/proof").then().statusCode(200);
        as("sn").get("/api/audit/events/" + eventId + "/proof").then().statusCode(404);
    }
}
