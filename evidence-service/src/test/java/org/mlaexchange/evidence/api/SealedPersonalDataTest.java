package org.mlaexchange.evidence.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.evidence.api.Evidence.as;
import static org.mlaexchange.platform.testing.PersonalDataTraces.assertEveryLogVerifies;
import static org.mlaexchange.platform.testing.PersonalDataTraces.assertNoneNamed;
import static org.mlaexchange.platform.testing.PersonalDataTraces.column;
import static org.mlaexchange.platform.testing.PersonalDataTraces.eventLogRows;
import static org.mlaexchange.platform.testing.PersonalDataTraces.topicValues;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.evidence.EvidenceEventTypes;
import org.mlaexchange.contracts.evidence.ItemEvent;
import org.mlaexchange.contracts.evidence.ItemMetadata;
import org.mlaexchange.evidence.domain.EvidenceItem;
import org.mlaexchange.evidence.domain.ItemDecider;
import org.mlaexchange.evidence.store.EvidenceRepository;
import org.mlaexchange.evidence.store.ItemEntity;
import org.mlaexchange.platform.eventlog.EventLog;
import org.mlaexchange.platform.eventlog.NewEvent;
import org.mlaexchange.platform.projection.KnownRequests;
import org.mlaexchange.platform.testing.Tokens;
import org.mlaexchange.platform.write.Writes;

/**
 * The personal data of a transfer and its items is sealed with the transfer's data key before it enters the
 * log: an item naming a protected witness goes through its chain of custody, and neither the topic (read as
 * any Kafka client reads it) nor the event_log table holds a name, while the parties read them and the
 * oversight body reads the witness as a label; after the providing State erases the transfer's personal data,
 * every view reads "erased", the item's stored content is gone, no copy holds a trace, and the log still
 * verifies in full.
 */
@QuarkusTest
class SealedPersonalDataTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KnownRequests known;

    @Inject
    Writes writes;

    @Inject
    EventLog eventLog;

    @Inject
    EvidenceRepository repository;

    @ConfigProperty(name = "mla.events.topic")
    String topic;

    @Test
    void aProtectedWitnessNeverReachesTheLogInClearAndErasureLeavesNoTraceButKeepsTheProof() throws Exception {
        // one marker in every name, unique to this run: finding it anywhere is finding personal data
        String tag = "Q" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String witness = "Amara Okonkwo " + tag;
        String description = "Statement of " + witness + " on the night of the raid";
        String place = "Safe house " + tag;
        String obtainedBy = "Inspector Julio Barrios " + tag;
        String reference = "AR-DIPBAG-" + tag;
        String receiptNote = "Received from courier Ines Moreau " + tag;
        String disposal = "Copies shredded before Judge Karel Smit " + tag;
        String transferNote = "Results for the hearing of " + witness;
        List<String> names = List.of(tag, witness, place, obtainedBy, reference, receiptNote, disposal);

        // AR, the requested State, hands a witness's statement over to NL
        String transfer = as("ar").body(Map.of("requestId", Evidence.requestInExecution(known), "note", transferNote))
                .post("/api/transfers").then().statusCode(201).extract().path("case.id");
        Map<String, Object> metadata = new HashMap<>(Map.of("kind", "STATEMENT_OR_TESTIMONY_RECORD", "description", description,
                "provenance", Map.of("method", "Hearing of " + witness, "obtainedOn", "2026-10-01", "place", place,
                        "obtainedBy", obtainedBy),
                "legalBasis", "Order of 2026-09-30", "mediaType", "application/pdf", "measureId", "m1"));
        metadata.put("protectedPersons", List.of(witness));
        String item = Evidence.register("ar", transfer, metadata);
        byte[] content = ("Hearing record: " + witness + " saw the column leave " + place).getBytes(StandardCharsets.UTF_8);
        Evidence.upload("ar", item, content, Evidence.digestHeader(content)).statusCode(200);
        Evidence.act("ar", "/api/transfers/" + transfer, "dispatch", Map.of("reference", reference)).statusCode(200);
        Evidence.act("nl", "/api/items/" + item, "receipt", Map.of("sha256", Evidence.hex(content), "note", receiptNote)).statusCode(200)
                .body("case.status", equalTo("VERIFIED"));

        // the parties read the names; the oversight body reads the witness as a label; the log and the topic hold none
        for (String token : List.of(Tokens.officer("ar"), Tokens.officer("nl"), Tokens.auditor("nl"))) {
            given().auth().oauth2(token).get("/api/transfers/" + transfer).then().statusCode(200)
                    .body("note", equalTo(transferNote))
                    .body("dispatchReference", equalTo(reference))
                    .body("items[0].metadata.protectedPersons", equalTo(List.of(witness)))
                    .body("items[0].metadata.provenance.obtainedBy", equalTo(obtainedBy));
            given().auth().oauth2(token).get("/api/items/" + item + "/custody").then().statusCode(200)
                    .body("[0].data.metadata.description", equalTo(description))
                    .body("find { it.type == '" + EvidenceEventTypes.ITEM_RECEIPT_RECORDED + "' }.data.note", equalTo(receiptNote));
        }
        given().auth().oauth2(Tokens.auditor("ar")).get("/api/audit/cases/" + item).then().statusCode(200)
                .body("state.metadata.protectedPersons", equalTo(List.of(witness)))
                .body("state.receipt.note", equalTo(receiptNote));
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/items/" + item).then().statusCode(200)
                .body("metadata.protectedPersons", equalTo(List.of("Protected person 1")))
                .body("metadata.description", equalTo("[withheld]"))
                .body("metadata.kind", equalTo("STATEMENT_OR_TESTIMONY_RECORD"))
                .body("seal.sha256", equalTo(Evidence.hex(content)));
        Set<String> cases = Set.of(transfer, item);
        List<String> logRows = eventLogRows(dataSource, transfer, item);
        assertEquals(8, logRows.size(), "opened, registered, content-stored, dispatched ×2, receipt-recorded, verified, completed: "
                + logRows);
        assertNoneNamed(names, logRows, "event_log");
        String registered = logRows.get(1);
        assertTrue(registered.contains("\"protectedPersons\":[\"mla-sealed.v1:"), "the witness is sealed in place: " + registered);
        assertTrue(registered.contains("\"kind\":\"STATEMENT_OR_TESTIMONY_RECORD\"") && registered.contains("\"measureId\":\"m1\"")
                && registered.contains("\"mediaType\":\"application/pdf\""), "what names nobody stays readable: " + registered);
        assertTrue(logRows.stream().anyMatch(r -> r.contains(Evidence.hex(content))), "the digests stay in clear: the proof");
        assertNoneNamed(names, topicValues(topic, cases, 8), "topic " + topic);
        String oversightReplay = given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/events?case=" + item).then()
                .statusCode(200).extract().asString();
        assertNoneNamed(names, List.of(oversightReplay), "the oversight body's replay");
        assertTrue(oversightReplay.contains("Protected person 1") && oversightReplay.contains("\"redacted\":\"protected-person\""),
                oversightReplay);

        // an item still in the receiving State's custody keeps the transfer's data; once disposed of, only the
        // providing State erases it: SN is told nothing, the receiving State and the oversight body may not
        String path = "/api/transfers/" + transfer;
        Evidence.act("ar", path, "erase-personal-data", Map.of("reason", "PURPOSE_FULFILLED")).statusCode(409)
                .contentType("application/problem+json");
        Evidence.act("nl", "/api/items/" + item, "disposal", Map.of("method", disposal)).statusCode(200);
        String etag = Evidence.etag("ar", path);
        as("sn").header("If-Match", etag).body(Map.of("reason", "PURPOSE_FULFILLED")).post(path + "/erase-personal-data").then()
                .statusCode(404);
        as("nl").header("If-Match", etag).body(Map.of("reason", "PURPOSE_FULFILLED")).post(path + "/erase-personal-data").then()
                .statusCode(403);
        given().auth().oauth2(Tokens.auditor("oversight")).contentType("application/json").header("If-Match", etag)
                .body(Map.of("reason", "PURPOSE_FULFILLED")).post(path + "/erase-personal-data").then().statusCode(403);
        as("ar").body(Map.of("reason", "PURPOSE_FULFILLED")).post(path + "/erase-personal-data").then().statusCode(428);
        as("ar").header("If-Match", "\"1\"").body(Map.of("reason", "PURPOSE_FULFILLED")).post(path + "/erase-personal-data").then()
                .statusCode(412);
        as("ar").header("If-Match", etag).body(Map.of("reason", "BECAUSE")).post(path + "/erase-personal-data").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("reason"));
        as("ar").get(path).then().body("allowedActions", equalTo(List.of("erase-personal-data")));
        as("ar").header("If-Match", etag).body(Map.of("reason", "PURPOSE_FULFILLED")).post(path + "/erase-personal-data").then()
                .statusCode(200)
                .body("case.erasure.erasedBy", equalTo("AR"))
                .body("case.erasure.reason", equalTo("PURPOSE_FULFILLED"))
                .body("case.note", equalTo("erased"))
                .body("case.items[0].metadata.description", equalTo("erased"))
                .body("case.allowedActions", equalTo(List.of()))
                .body("receipts[0].type", equalTo(EvidenceEventTypes.TRANSFER_PERSONAL_DATA_ERASED));

        // every caller that may see the transfer reads "erased" in place of every personal text; what names nobody stays
        for (String token : List.of(Tokens.officer("ar"), Tokens.officer("nl"), Tokens.auditor("ar"), Tokens.auditor("nl"))) {
            given().auth().oauth2(token).get(path).then().statusCode(200)
                    .body("note", equalTo("erased"))
                    .body("dispatchReference", equalTo("erased"))
                    .body("status", equalTo("COMPLETED"))
                    .body("items[0].allowedActions", equalTo(List.of()));
            given().auth().oauth2(token).get("/api/items/" + item).then().statusCode(200)
                    .body("metadata.description", equalTo("erased"))
                    .body("metadata.protectedPersons", equalTo(List.of("erased")))
                    .body("metadata.provenance.place", equalTo("erased"))
                    .body("metadata.provenance.obtainedOn", equalTo("2026-10-01"))
                    .body("metadata.kind", equalTo("STATEMENT_OR_TESTIMONY_RECORD"))
                    .body("receipt.note", equalTo("erased"))
                    .body("disposal.method", equalTo("erased"))
                    .body("seal.sha256", equalTo(Evidence.hex(content)))
                    .body("status", equalTo("DISPOSED"));
            given().auth().oauth2(token).get("/api/items/" + item + "/custody").then().statusCode(200)
                    .body("[0].data.metadata.description", equalTo("erased"));
        }
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/items/" + item).then().statusCode(200)
                .body("metadata.protectedPersons", equalTo(List.of("Protected person 1")))
                .body("receipt.note", equalTo("erased"));
        for (String auditor : List.of("oversight", "nl")) {
            given().auth().oauth2(Tokens.auditor(auditor)).get("/api/audit/cases/" + item).then().statusCode(200)
                    .body("state.receipt.note", equalTo("erased"));
            given().auth().oauth2(Tokens.auditor(auditor)).get("/api/audit/cases/" + transfer).then().statusCode(200)
                    .body("state.note", equalTo("erased"))
                    .body("state.erasure.reason", equalTo("PURPOSE_FULFILLED"));
        }
        as("sn").get(path).then().statusCode(404);
        // once is enough, and the erased transfer's items take no action
        Evidence.act("ar", path, "erase-personal-data", Map.of("reason", "PURPOSE_FULFILLED")).statusCode(409);

        // no trace anywhere: the log, the topic, the stored transfer and item, the content; the key is gone, the erasure recorded
        List<String> afterRows = eventLogRows(dataSource, transfer, item);
        assertEquals(10, afterRows.size(), "and disposed, erased");
        assertEquals(logRows, afterRows.subList(0, 8), "the log is append-only: the sealed events stay as they were");
        assertNoneNamed(names, afterRows, "event_log after erasure");
        assertNoneNamed(names, topicValues(topic, cases, 10), "topic after erasure");
        assertNoneNamed(names, List.of(column(dataSource, "SELECT row_to_json(t)::text FROM transfer t WHERE id = ?::uuid",
                transfer), column(dataSource, "SELECT row_to_json(i)::text FROM evidence_item i WHERE id = ?::uuid", item)),
                "transfer and evidence_item");
        assertEquals("0", column(dataSource, "SELECT count(*)::text FROM item_content WHERE item_id = ?::uuid", item));
        assertEquals("0", column(dataSource, "SELECT count(*)::text FROM item_content_chunk WHERE item_id = ?::uuid", item));
        assertTrue(afterRows.get(9).contains("\"contentErasedItemIds\":[\"" + item + "\"]"), afterRows.get(9));
        assertEquals(null, column(dataSource, "SELECT encode(wrapped_key, 'hex') FROM case_data_key WHERE case_id = ?", transfer));
        assertEquals("AR PURPOSE_FULFILLED", column(dataSource,
                "SELECT erased_by || ' ' || erasure_reason FROM case_data_key WHERE case_id = ?", transfer));
        assertEquals("0", column(dataSource, "SELECT count(*)::text FROM case_data_key WHERE case_id = ?", item),
                "an item has no key of its own: its transfer's seals it");

        // every log still verifies in full: the service's own check, and the auditors' CLI over the audit API
        assertEveryLogVerifies("evidence-service", "the erasure of transfer " + transfer);
    }

    @Test
    void anItemStoredInClearBeforeSealingStillReplaysVerifiesAndErases() {
        String transfer = Evidence.openTransfer("ar", Evidence.requestInExecution(known));
        UUID transferId = UUID.fromString(transfer);
        UUID requestId = UUID.fromString(as("ar").get("/api/transfers/" + transfer).then().extract().path("requestId"));
        // a registration written as before this change: its data in clear (a JSON tree is no sealing contract)
        String old = "Ledger of the battalion, kept by Sergeant Omar Diallo " + UUID.randomUUID();
        UUID itemId = UUID.randomUUID();
        ItemEvent.Registered registered = new ItemEvent.Registered(itemId, transferId, requestId, StateCode.of("AR"), StateCode.of("NL"),
                EventJson.mapper().convertValue(Evidence.document(old), ItemMetadata.class),
                Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS));
        writes.run(() -> {
            EvidenceItem item = ItemDecider.fold(List.of(registered));
            ItemEntity entity = new ItemEntity();
            EvidenceService.write(entity, item);
            repository.persist(entity);
            eventLog.append(List.of(new NewEvent(itemId.toString(), EvidenceEventTypes.ITEM_REGISTERED, StateCode.of("AR"),
                    Set.of(StateCode.of("AR"), StateCode.of("NL")), EventJson.toData(registered))), 0L);
            return item;
        });
        assertTrue(eventLogRows(dataSource, itemId.toString()).get(0).contains(old), "stored in clear, as before sealing");
        String fresh = "Photographs of the site " + UUID.randomUUID();
        String sealedItem = Evidence.register("ar", transfer, Evidence.document(fresh));
        assertNoneNamed(List.of(fresh), eventLogRows(dataSource, sealedItem), "event_log of the new item");
        as("nl").get("/api/items/" + itemId + "/custody").then().statusCode(200).body("[0].data.metadata.description", equalTo(old));
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/cases/" + itemId).then().statusCode(200)
                .body("state.metadata.description", equalTo(old));
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));

        // erased, the item reads "erased" in the texts it had in clear too; the log keeps those (append-only: the limit)
        Evidence.act("ar", "/api/transfers/" + transfer, "cancel", Map.of("reasons", "Sent through another channel")).statusCode(200);
        Evidence.act("ar", "/api/transfers/" + transfer, "erase-personal-data", Map.of("reason", "RETENTION_PERIOD_ENDED"))
                .statusCode(200);
        for (String id : List.of(itemId.toString(), sealedItem)) {
            as("nl").get("/api/items/" + id + "/custody").then().statusCode(200)
                    .body("[0].data.metadata.description", equalTo("erased"))
                    .body("[0].data.metadata.kind", equalTo("FINANCIAL_RECORD"));
            as("ar").get("/api/items/" + id).then().statusCode(200).body("metadata.description", equalTo("erased"))
                    .body("allowedActions", equalTo(List.of()));
        }
        assertTrue(eventLogRows(dataSource, itemId.toString()).get(0).contains(old), "a row stored in clear stays as it was");
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }
}
