package org.mlaexchange.evidence.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.mlaexchange.platform.projection.KnownRequests;
import org.mlaexchange.platform.testing.PublishedRequests;
import org.mlaexchange.platform.testing.Tokens;

/** The evidence API as a State's central authority uses it, with real tokens from its own realm. */
final class Evidence {

    static final String REQUEST_TOPIC = "evidence-test.mla.request.events";

    private Evidence() {
    }

    static RequestSpecification as(String realm) {
        return given().auth().oauth2(Tokens.officer(realm)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** An NL → AR request in execution, published on the request topic and seen by this service's projection. */
    static UUID requestInExecution(KnownRequests known) {
        UUID id = PublishedRequests.inExecution(REQUEST_TOPIC, "NL", "AR", false);
        await().atMost(Duration.ofSeconds(30)).until(() -> known.find(id).isPresent());
        return id;
    }

    static String openTransfer(String realm, UUID requestId) {
        return as(realm).body(Map.of("requestId", requestId, "note", "Results of measure m1"))
                .post("/api/transfers").then().statusCode(201).extract().path("case.id");
    }

    static Map<String, Object> document(String description) {
        return Map.of("kind", "FINANCIAL_RECORD", "description", description,
                "provenance", Map.of("method", "Production order", "obtainedOn", "2026-10-01", "place", "Buenos Aires",
                        "obtainedBy", "Juzgado Federal N. 3"),
                "legalBasis", "Order of 2026-09-30", "mediaType", "application/pdf", "measureId", "m1");
    }

    static Map<String, Object> physicalObject() {
        return Map.of("kind", "PHYSICAL_OBJECT", "description", "Hard drive seized at the site",
                "provenance", Map.of("method", "Search and seizure", "obtainedOn", "2026-10-02", "place", "Site X",
                        "obtainedBy", "Policía Federal"),
                "legalBasis", "Search warrant 17/2026", "sealNumber", "AR-SEAL-000123", "measureId", "m1");
    }

    static String register(String realm, String transferId, Map<String, Object> metadata) {
        return as(realm).body(metadata).post("/api/transfers/" + transferId + "/items").then().statusCode(201)
                .extract().path("case.id");
    }

    static io.restassured.response.ValidatableResponse upload(String realm, String itemId, byte[] content, String digestHeader) {
        return given().auth().oauth2(Tokens.officer(realm)).contentType("application/pdf")
                .header("Content-Digest", digestHeader).header("If-Match", etag(realm, "/api/items/" + itemId)).body(content)
                .put("/api/items/" + itemId + "/content").then();
    }

    /** The case's current ETag, as the caller reads it before acting. */
    static String etag(String realm, String casePath) {
        return as(realm).get(casePath).then().statusCode(200).extract().header("ETag");
    }

    /** An action on a transfer or item at the version the caller just read ({@code If-Match}). */
    static io.restassured.response.ValidatableResponse act(String realm, String casePath, String action, Object body) {
        return as(realm).header("If-Match", etag(realm, casePath)).body(body).post(casePath + "/" + action).then();
    }

    static String digestHeader(byte[] content) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(sha256(content)) + ":";
    }

    static String hex(byte[] content) {
        return HexFormat.of().formatHex(sha256(content));
    }

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(int size, int seed) {
        byte[] data = new byte[size];
        new java.util.Random(seed).nextBytes(data);
        return data;
    }

    /**
     * Takes requests applied straight through the consumer, never published, out of the projection again: it must stay
     * equal to a rebuild from the topic (EvidenceTransferTest), whatever test ran before in the same application.
     */
    static void forgetUnpublished(javax.sql.DataSource dataSource, java.util.Collection<UUID> requests) throws java.sql.SQLException {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement delete = connection.prepareStatement("DELETE FROM known_request WHERE request_id = ANY(?)")) {
            delete.setArray(1, connection.createArrayOf("uuid", requests.toArray()));
            delete.executeUpdate();
        }
    }
}
