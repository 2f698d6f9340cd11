package org.mlaexchange.evidence.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mlaexchange.platform.testing.DisclosureTable.POLICY;
import static org.mlaexchange.platform.testing.DisclosureTable.forAuditView;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlaexchange.platform.projection.KnownRequests;
import org.mlaexchange.platform.testing.DisclosureTable;
import org.mlaexchange.platform.testing.DisclosureTable.Shown;
import org.mlaexchange.platform.testing.Tokens;

/**
 * The disclosure table (platform {@code DisclosureTable}) against every view of an evidence item: an item
 * naming a protected person, or handed over as confidential, shows its facts to the two parties only; the
 * oversight body sees its structure; its content is never served to the oversight body (403).
 */
@QuarkusTest
class DisclosureTest {

    @Inject
    KnownRequests known;

    @Test
    void anItemNamingAProtectedPersonShowsItsFactsToThePartiesOnly() {
        String witness = "Witness " + UUID.randomUUID();
        String description = "Statement of " + witness + " on the night of the raid";
        String place = "Safe house " + UUID.randomUUID();
        String transfer = Evidence.openTransfer("ar", Evidence.requestInExecution(known));
        Map<String, Object> metadata = statement(description, place);
        metadata.put("protectedPersons", List.of(witness));
        String item = Evidence.register("ar", transfer, metadata);
        List<String> secrets = List.of(witness, description, place);
        everyView(transfer, item, secrets, "Protected person 1", "\"redacted\":\"protected-person\"");
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/items/" + item).then().statusCode(200)
                .body("metadata.protectedPersons", equalTo(List.of("Protected person 1")))
                .body("metadata.kind", equalTo("STATEMENT_OR_TESTIMONY_RECORD"))
                .body("metadata.provenance.obtainedOn", equalTo("2026-10-01"))
                .body("metadata.legalBasis", equalTo("Order of 2026-09-30"));

        // the content is never served to the oversight body (nor to any auditor: downloading is a central authority's act)
        byte[] content = ("Hearing record naming " + witness).getBytes(StandardCharsets.UTF_8);
        Evidence.upload("ar", item, content, Evidence.digestHeader(content)).statusCode(200);
        for (String token : List.of(Tokens.auditor("oversight"), Tokens.auditor("nl"))) {
            String body = given().auth().oauth2(token).get("/api/items/" + item + "/content").then().statusCode(403)
                    .contentType("application/problem+json").extract().asString();
            assertFalse(body.contains(witness), body);
        }
    }

    @Test
    void aConfidentialItemShowsTheOversightBodyItsStructureNotItsFacts() {
        String description = "Minutes of the hearing of informant " + UUID.randomUUID();
        String place = "Prosecutor's office, room " + UUID.randomUUID();
        String transfer = Evidence.openTransfer("ar", Evidence.requestInExecution(known));
        Map<String, Object> metadata = statement(description, place);
        metadata.put("conditions", Map.of("useLimits", List.of("Only for case ICU-2026-0142"), "confidential", true,
                "confidentialityReasons", "The informant's safety"));
        String item = Evidence.register("ar", transfer, metadata);
        everyView(transfer, item, List.of(description, place, "The informant's safety"), "[withheld]", "\"redacted\":\"confidential\"");
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/items/" + item).then().statusCode(200)
                .body("metadata.conditions.confidential", equalTo(true))
                .body("metadata.conditions.useLimits", hasItem("Only for case ICU-2026-0142"));
    }

    @Test
    void aProtectedPersonMustBeNamed() {
        String transfer = Evidence.openTransfer("ar", Evidence.requestInExecution(known));
        Map<String, Object> metadata = statement("Statement", "Buenos Aires");
        metadata.put("protectedPersons", List.of(" "));
        Evidence.as("ar").body(metadata).post("/api/transfers/" + transfer + "/items").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("metadata.protectedPersons[0]")));
    }

    /** The table against the item, the transfer listing it, its chain of custody, the as-of view and the audit replay (sealed). */
    private static void everyView(String transfer, String item, List<String> secrets, String mark, String replayMark) {
        DisclosureTable.check(POLICY, "nl", "sn", "/api/items/" + item, secrets, mark);
        DisclosureTable.check(POLICY, "ar", "sn", "/api/transfers/" + transfer, secrets, mark);
        DisclosureTable.check(POLICY, "nl", "sn", "/api/items/" + item + "/custody", secrets, mark);
        DisclosureTable.check(forAuditView(Shown.NOT_FOUND), "ar", "sn", "/api/audit/cases/" + item, secrets, mark);
        DisclosureTable.checkSealedReplay("nl", "sn", item, secrets, replayMark);
    }

    private static Map<String, Object> statement(String description, String place) {
        Map<String, Object> metadata = new HashMap<>(Map.of("kind", "STATEMENT_OR_TESTIMONY_RECORD", "description", description,
                "provenance", Map.of("method", "Hearing by video conference", "obtainedOn", "2026-10-01", "place", place,
                        "obtainedBy", "Juzgado Federal N. 3"),
                "legalBasis", "Order of 2026-09-30", "mediaType", "application/pdf", "measureId", "m1"));
        return metadata;
    }
}
