package org.mlaexchange.request.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.audit.Checkpoint;
import org.mlaexchange.contracts.audit.CheckpointVerifier;
import org.mlaexchange.contracts.audit.MerkleLog;
import org.mlaexchange.platform.testing.Tokens;

/** Auditors replay and verify the log; an edit made directly in the database is found. */
@QuarkusTest
class AuditTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void auditorsReplayOnlyTheirStatesCasesAndOversightReplaysAll() {
        String nlToAr = Api.submitted("nl", "AR");
        String snToAr = Api.submitted("sn", "AR");
        List<String> nlLines = lines(given().auth().oauth2(Tokens.auditor("nl")).get("/api/audit/events")
                .then().statusCode(200).contentType("application/x-ndjson").header("Audit-Log-View", "partial")
                .extract().asString());
        assertTrue(nlLines.stream().anyMatch(l -> l.contains(nlToAr)));
        assertFalse(nlLines.stream().anyMatch(l -> l.contains(snToAr)), "NL's auditor must not see SN → AR");
        List<String> all = lines(given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/events")
                .then().statusCode(200).header("Audit-Log-View", "complete").extract().asString());
        // a filtered replay is not the whole log, whoever asks
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/events?case=" + nlToAr).then().statusCode(200)
                .header("Audit-Log-View", "partial");
        assertTrue(all.stream().anyMatch(l -> l.contains(nlToAr)) && all.stream().anyMatch(l -> l.contains(snToAr)));
        // officers are not auditors
        given().auth().oauth2(Tokens.officer("nl")).get("/api/audit/events").then().statusCode(403);
    }

    @Test
    void verifyFindsARowEditedInTheDatabase() throws SQLException {
        String id = Api.submitted("nl", "AR");
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true)).body("firstBreak", nullValue()).body("count", greaterThanOrEqualTo(1));
        long logseq;
        String original;
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT logseq, envelope FROM event_log WHERE case_id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                logseq = rs.getLong(1);
                original = rs.getString(2);
            }
        }
        try {
            // an operator with database rights bypasses the append-only trigger and edits a payload
            update(logseq, original.replace("\"urgent\":false", "\"urgent\":true"));
            given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/verify").then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("firstBreak.logseq", equalTo((int) logseq))
                    .body("verifiedHead.logseq", equalTo((int) logseq - 1));
        } finally {
            update(logseq, original);
        }
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/verify").then().body("intact", equalTo(true));
    }

    @Test
    void signedCheckpointsAndMerkleProofsLetAnOutsiderCheckTheLog() {
        String id = Api.submitted("nl", "AR");
        String oversight = Tokens.auditor("oversight");
        Checkpoint first = Checkpoint.fromJson(given().auth().oauth2(oversight).post("/api/audit/checkpoints")
                .then().statusCode(200).extract().asString());
        assertEquals("request-service", first.service());
        assertEquals(first.logseq(), first.treeSize());

        // the public key is published to anyone, and verifies the signature; any change breaks it
        String pem = given().get("/api/audit/public-keys").then().statusCode(200)
                .extract().path("find { it.keyId == '" + first.keyId() + "' }.publicKey");
        CheckpointVerifier verifier = CheckpointVerifier.fromEncoded(pem);
        assertTrue(verifier.verify(first), () -> verifier.problem(first).orElse(""));
        Checkpoint altered = new Checkpoint(first.service(), first.logseq(), first.headHash(), first.treeSize(),
                "0".repeat(64), first.time(), first.keyId(), first.algorithm(), first.signature());
        assertFalse(verifier.verify(altered));
        given().auth().oauth2(oversight).get("/api/audit/checkpoints").then().statusCode(200)
                .body("[0].merkleRoot", equalTo(first.merkleRoot()));

        // an event of the request is in the signed tree
        String eventId = given().auth().oauth2(Tokens.auditor("nl")).get("/api/audit/events?case=" + id).then().extract()
                .asString().lines().map(l -> org.mlaexchange.contracts.events.EventJson.tree(l).get("id").asText()).findFirst().orElseThrow();
        var proof = given().auth().oauth2(Tokens.auditor("nl")).get("/api/audit/events/" + eventId + "/proof?treeSize=" + first.treeSize())
                .then().statusCode(200).extract().jsonPath();
        List<byte[]> path = proof.<String>getList("auditPath").stream().map(HexFormat.of()::parseHex).toList();
        assertTrue(MerkleLog.verifyInclusion(MerkleLog.leafHashOfEvent(proof.getString("eventHash")), proof.getLong("logseq") - 1,
                first.treeSize(), path, HexFormat.of().parseHex(first.merkleRoot())));
        // SN's auditor cannot ask about an NL → AR event
        given().auth().oauth2(Tokens.auditor("sn")).get("/api/audit/events/" + eventId + "/proof").then().statusCode(404);

        // the log grows; the later checkpoint extends the earlier one
        Api.submitted("nl", "AR");
        Checkpoint second = Checkpoint.fromJson(given().auth().oauth2(oversight).post("/api/audit/checkpoints")
                .then().statusCode(200).extract().asString());
        List<byte[]> consistency = given().auth().oauth2(oversight)
                .get("/api/audit/consistency?from=" + first.treeSize() + "&to=" + second.treeSize()).then().statusCode(200)
                .extract().jsonPath().<String>getList("proof").stream().map(HexFormat.of()::parseHex).toList();
        assertTrue(MerkleLog.verifyConsistency(first.treeSize(), second.treeSize(), HexFormat.of().parseHex(first.merkleRoot()),
                HexFormat.of().parseHex(second.merkleRoot()), consistency));
        assertFalse(MerkleLog.verifyConsistency(first.treeSize(), second.treeSize(), HexFormat.of().parseHex(altered.merkleRoot()),
                HexFormat.of().parseHex(second.merkleRoot()), consistency));
    }

    @Test
    void checkpointsGoToKafkaAndEveryWriteReceiptCarriesTheLatest() {
        Checkpoint signed = Checkpoint.fromJson(given().auth().oauth2(Tokens.auditor("oversight")).post("/api/audit/checkpoints")
                .then().statusCode(200).extract().asString());
        // the acting State's receipt holds the newest checkpoint, so it keeps its own proof of the history before its change
        io.restassured.path.json.JsonPath receipt = Api.submit("nl", Api.submission("AR")).statusCode(201).extract().jsonPath();
        assertEquals(signed.signature(), receipt.getString("receipts[0].checkpoint.signature"));
        assertEquals(signed.merkleRoot(), receipt.getString("receipts[0].checkpoint.merkleRoot"));
        assertTrue(receipt.getLong("receipts[0].logseq") > signed.logseq());
        // witnesses outside the service get it from the checkpoints topic, keyed by the service
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> published = org.mlaexchange.platform.testing.TopicReader
                .readUntil("request-test.mla.audit.checkpoints", records -> records.stream()
                        .anyMatch(r -> r.value().equals(signed.toJson())), java.time.Duration.ofSeconds(20));
        assertTrue(published.stream().anyMatch(r -> r.value().equals(signed.toJson()) && "request-service".equals(r.key())),
                "checkpoint of logseq " + signed.logseq() + " not on the topic");
    }

    @Test
    void theLogRefusesUpdatesFromTheApplicationsRole() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            Api.submitted("nl", "AR");
            SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> s.executeUpdate("DELETE FROM event_log"));
            assertTrue(refused.getMessage().contains("append-only"));
        }
    }

    private void update(long logseq, String envelope) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE event_log DISABLE TRIGGER event_log_no_update_or_delete");
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE event_log SET envelope = ? WHERE logseq = ?")) {
                u.setString(1, envelope);
                u.setLong(2, logseq);
                u.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE event_log ENABLE TRIGGER event_log_no_update_or_delete");
            }
            c.commit();
        }
    }

    private static List<String> lines(String ndjson) {
        return Arrays.stream(ndjson.split("\n")).filter(l -> !l.isBlank()).toList();
    }
}
