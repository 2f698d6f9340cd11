package org.mlaexchange.evidence.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.evidence.api.Evidence.as;

import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.request.RequestFacts;
import org.mlaexchange.platform.projection.KnownRequests;
import org.mlaexchange.platform.testing.KafkaTopicReset;
import org.mlaexchange.platform.testing.Tokens;
import org.mlaexchange.platform.testing.TopicReader;

/** Evidence handed over AR → NL through the real stack: projection from Kafka, streams, digests, receipts, custody. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTopicReset.class,
        initArgs = @ResourceArg(name = "topics", value = "evidence-test.mla.request.events,evidence-test.mla.evidence.events"))
class EvidenceTransferTest {

    @Inject
    KnownRequests known;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "mla.events.topic")
    String evidenceTopic;

    @Test
    void argentinaHandsOverEvidenceAndTheNetherlandsReceiptsIt() {
        UUID request = Evidence.requestInExecution(known);
        String transfer = Evidence.openTransfer("ar", request);
        String document = Evidence.register("ar", transfer, Evidence.document("Bank statements 2021-2023"));
        String drive = Evidence.register("ar", transfer, Evidence.physicalObject());
        byte[] content = Evidence.bytes(3 * 1024 * 1024 + 17, 1); // spans several chunks
        Evidence.upload("ar", document, content, Evidence.digestHeader(content)).statusCode(200)
                .body("case.status", equalTo("CONTENT_STORED"))
                .body("case.content.sha256", equalTo(Evidence.hex(content)))
                .body("case.allowedActions", equalTo(List.of("download")));

        // nothing leaves before dispatch
        as("nl").get("/api/items/" + document + "/content").then().statusCode(409);
        // every transition names the version it acted on: none is 428, an old one 412
        as("ar").body(Map.of("reference", "AR-TR-1")).post("/api/transfers/" + transfer + "/dispatch").then().statusCode(428);
        as("ar").header("If-Match", "\"7\"").body(Map.of("reference", "AR-TR-1")).post("/api/transfers/" + transfer + "/dispatch")
                .then().statusCode(412);
        as("ar").get("/api/transfers/" + transfer).then().body("allowedActions", equalTo(List.of("items", "dispatch", "cancel")));
        Evidence.act("ar", "/api/transfers/" + transfer, "dispatch", Map.of("reference", "AR-TR-1")).statusCode(200)
                .body("case.status", equalTo("DISPATCHED")).body("case.items", hasSize(2));
        // the oversight body reads; it never acts (403 problem, not a server error)
        given().auth().oauth2(Tokens.auditor("oversight")).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(Map.of("sha256", Evidence.hex(content))).post("/api/items/" + document + "/receipt").then().statusCode(403);
        // sealed: no more items
        as("ar").body(Evidence.document("Late addition")).post("/api/transfers/" + transfer + "/items").then().statusCode(409);

        byte[] downloaded = given().auth().oauth2(Tokens.officer("nl")).get("/api/items/" + document + "/content")
                .then().statusCode(200).header("Content-Digest", Evidence.digestHeader(content))
                .extract().asByteArray();
        assertArrayEquals(content, downloaded);
        byte[] range = given().auth().oauth2(Tokens.officer("nl")).header("Range", "bytes=1048570-1048585")
                .get("/api/items/" + document + "/content").then().statusCode(206)
                .header("Content-Range", "bytes 1048570-1048585/" + content.length).extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(content, 1048570, 1048586), range);

        as("nl").get("/api/items/" + document).then().body("allowedActions", equalTo(List.of("receipt", "download", "use-consents", "exculpatory-disclosures")));
        Evidence.act("nl", "/api/items/" + document, "receipt", Map.of("sha256", Evidence.hex(content), "note", "Received intact"))
                .statusCode(200).body("case.status", equalTo("VERIFIED"));
        Evidence.act("nl", "/api/items/" + drive, "receipt", Map.of("sealNumber", "AR-SEAL-000123")).statusCode(200)
                .body("case.status", equalTo("VERIFIED"));
        as("nl").get("/api/transfers/" + transfer).then().body("status", equalTo("COMPLETED"));

        List<String> custody = as("nl").get("/api/items/" + document + "/custody").then().statusCode(200).extract().path("type");
        assertEquals(List.of("registered", "content-stored", "dispatched", "accessed", "accessed", "receipt-recorded", "verified"),
                custody.stream().map(t -> t.replace("org.mlaexchange.evidence.item.", "").replace(".v1", "")).toList());
        // auditors of a party see custody, never content
        given().auth().oauth2(Tokens.auditor("nl")).get("/api/items/" + document + "/custody").then().statusCode(200);
        given().auth().oauth2(Tokens.auditor("nl")).get("/api/items/" + document + "/content").then().statusCode(403);

        // the item and the transfer rebuilt from their events equal the live ones
        Map<String, Object> liveItem = as("nl").get("/api/items/" + document).then().extract().as(Map.class);
        liveItem.remove("allowedActions");
        Object rebuiltItem = given().auth().oauth2(Tokens.auditor("ar")).get("/api/audit/cases/" + document).then().statusCode(200)
                .extract().path("state");
        assertEquals(liveItem, rebuiltItem);
        Map<String, Object> liveTransfer = as("ar").get("/api/transfers/" + transfer).then().extract().as(Map.class);
        liveTransfer.remove("items");
        liveTransfer.remove("allowedActions");
        Object rebuiltTransfer = given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/cases/" + transfer).then()
                .statusCode(200).extract().path("state");
        assertEquals(liveTransfer, rebuiltTransfer);

        // a State that is not party sees nothing
        as("sn").get("/api/transfers/" + transfer).then().statusCode(404);
        as("sn").get("/api/items/" + document).then().statusCode(404);
        as("sn").get("/api/items/" + document + "/custody").then().statusCode(404);
        as("sn").get("/api/items/" + document + "/content").then().statusCode(404);
        given().auth().oauth2(Tokens.auditor("sn")).get("/api/items/" + document + "/custody").then().statusCode(404);

        // the custody events reached Kafka through the outbox
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(evidenceTopic,
                read -> read.stream().filter(r -> document.equals(r.key())).count() >= 7, Duration.ofSeconds(30));
        assertEquals(7, records.stream().filter(r -> document.equals(r.key())).count());
    }

    @Test
    void onlyARequestInExecutionThatTheCallerIsPartyToTakesEvidence() {
        as("ar").body(Map.of("requestId", UUID.randomUUID())).post("/api/transfers").then().statusCode(404);
        UUID request = Evidence.requestInExecution(known);
        as("sn").body(Map.of("requestId", request)).post("/api/transfers").then().statusCode(404);
    }

    @Test
    void aWrongDigestOrAnOversizedOrTruncatedUploadStoresNothing() throws Exception {
        UUID request = Evidence.requestInExecution(known);
        String transfer = Evidence.openTransfer("ar", request);
        String item = Evidence.register("ar", transfer, Evidence.document("Ledger"));
        byte[] content = Evidence.bytes(2 * 1024 * 1024, 2);

        Evidence.upload("ar", item, content, Evidence.digestHeader("something else".getBytes(StandardCharsets.UTF_8)))
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:mla-exchange:problem:digest-mismatch"));
        assertNothingStored(item);

        Evidence.upload("ar", item, content, "md5=:abc:").statusCode(400).body("errors[0].field", equalTo("Content-Digest"));
        assertNothingStored(item);

        byte[] tooLarge = Evidence.bytes(11 * 1024 * 1024, 3); // the test limit is 10 MiB
        Evidence.upload("ar", item, tooLarge, Evidence.digestHeader(tooLarge)).statusCode(413).contentType("application/problem+json");
        assertNothingStored(item);

        // the providing State only: the receiving State cannot upload
        Evidence.upload("nl", item, content, Evidence.digestHeader(content)).statusCode(403);

        // the connection drops half-way through the announced body
        try (Socket socket = new Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/items/" + item + "/content HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + Tokens.officer("ar") + "\r\nContent-Type: application/pdf\r\n"
                    + "If-Match: \"1\"\r\nContent-Digest: " + Evidence.digestHeader(content) + "\r\nContent-Length: " + content.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(content, 0, content.length / 2);
            out.flush();
        }
        Thread.sleep(1000);
        assertNothingStored(item);

        // and then the real upload still works
        Evidence.upload("ar", item, content, Evidence.digestHeader(content)).statusCode(200);
    }

    @Test
    void aDigestMismatchAtReceiptQuarantinesTheItem() {
        UUID request = Evidence.requestInExecution(known);
        String transfer = Evidence.openTransfer("ar", request);
        String item = Evidence.register("ar", transfer, Evidence.document("Witness list"));
        byte[] content = Evidence.bytes(4096, 4);
        Evidence.upload("ar", item, content, Evidence.digestHeader(content)).statusCode(200);
        Evidence.act("ar", "/api/transfers/" + transfer, "dispatch", Map.of()).statusCode(200);
        Evidence.act("nl", "/api/items/" + item, "receipt", Map.of("sha256", "0".repeat(64))).statusCode(200)
                .body("case.status", equalTo("QUARANTINED"));
        as("nl").get("/api/items/" + item + "/content").then().statusCode(409);
        as("ar").get("/api/items/" + item + "/custody").then().body("type", hasItems("org.mlaexchange.evidence.item.discrepancy-found.v1"));
    }

    @Test
    void useBeyondTheRequestNeedsTheProvidingStatesConsent() {
        UUID request = Evidence.requestInExecution(known);
        String transfer = Evidence.openTransfer("ar", request);
        String item = Evidence.register("ar", transfer, Evidence.document("Testimony record"));
        byte[] content = Evidence.bytes(1000, 5);
        Evidence.upload("ar", item, content, Evidence.digestHeader(content)).statusCode(200);
        Evidence.act("ar", "/api/transfers/" + transfer, "dispatch", Map.of()).statusCode(200);

        as("nl").get("/api/items/" + item + "/content?purpose=OTHER_PROCEEDINGS").then().statusCode(403)
                .body("type", equalTo("urn:mla-exchange:problem:use-not-permitted"));
        String denied = Evidence.act("nl", "/api/items/" + item, "use-consents",
                        Map.of("purpose", "OTHER_PROCEEDINGS", "description", "Case ICU-2026-0200")).statusCode(201)
                .extract().path("case.useConsents[0].id");
        as("ar").header("If-Match", Evidence.etag("ar", "/api/items/" + item))
                .body(Map.of("decision", "DENIED", "reasons", "Ongoing domestic case")).post("/api/use-consents/" + denied + "/decision")
                .then().statusCode(200);
        as("nl").get("/api/items/" + item + "/content?purpose=OTHER_PROCEEDINGS&consent=" + denied).then().statusCode(403);

        String granted = Evidence.act("nl", "/api/items/" + item, "use-consents",
                        Map.of("purpose", "OTHER_PROCEEDINGS", "description", "Case ICU-2026-0201")).statusCode(201)
                .extract().path("case.useConsents[1].id");
        String version = Evidence.etag("ar", "/api/items/" + item);
        as("nl").header("If-Match", version).body(Map.of("decision", "GRANTED")).post("/api/use-consents/" + granted + "/decision")
                .then().statusCode(403);
        as("sn").header("If-Match", version).body(Map.of("decision", "GRANTED")).post("/api/use-consents/" + granted + "/decision")
                .then().statusCode(404);
        as("ar").body(Map.of("decision", "GRANTED")).post("/api/use-consents/" + granted + "/decision").then().statusCode(428);
        as("ar").header("If-Match", version)
                .body(Map.of("decision", "GRANTED_WITH_CONDITIONS", "conditions", List.of("Not to be disclosed to the press")))
                .post("/api/use-consents/" + granted + "/decision").then().statusCode(200);
        byte[] downloaded = given().auth().oauth2(Tokens.officer("nl"))
                .get("/api/items/" + item + "/content?purpose=OTHER_PROCEEDINGS&consent=" + granted).then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(content, downloaded);
    }

    @Test
    void theRequestProjectionRebuiltFromTheTopicEqualsTheLiveOne() {
        Evidence.requestInExecution(known);
        Map<UUID, RequestFacts> live = known.all();
        // the topic was created afresh for this run: everything on it was folded into the live projection
        List<CloudEvent> events = TopicReader.readUntil(Evidence.REQUEST_TOPIC,
                read -> KnownRequests.fold(read.stream().map(r -> EventJson.parse(r.value())).toList()).size() >= live.size(),
                Duration.ofSeconds(30)).stream().map(r -> EventJson.parse(r.value())).toList();
        Map<UUID, RequestFacts> rebuilt = KnownRequests.fold(events);
        assertTrue(rebuilt.size() >= 1);
        assertEquals(live, rebuilt);
    }

    private void assertNothingStored(String item) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT count(*) FROM item_content_chunk WHERE item_id = ?")) {
            q.setObject(1, UUID.fromString(item));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getLong(1), "no chunk of the item is stored");
            }
        }
        as("ar").get("/api/items/" + item).then().statusCode(200).body("status", equalTo("REGISTERED")).body("version", equalTo(1));
    }
}
