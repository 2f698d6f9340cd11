package org.mlaexchange.request.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mlaexchange.platform.testing.DisclosureTable.POLICY;
import static org.mlaexchange.platform.testing.DisclosureTable.forAuditView;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import java.util.Map;
import org.mlaexchange.platform.testing.DisclosureTable;
import org.mlaexchange.platform.testing.DisclosureTable.Shown;
import org.mlaexchange.platform.testing.Tokens;

/**
 * The disclosure table (platform {@code DisclosureTable}) against every view of a request: a protected
 * person's identity and a confidential request's facts reach the parties only; the oversight body sees
 * them withheld; a State not party sees nothing; the audit replay carries them sealed, whoever reads it.
 */
@QuarkusTest
class DisclosureTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aProtectedPersonIsSeenByThePartiesOnly() {
        String witness = "Witness " + UUID.randomUUID();
        String hideout = "Safe house " + UUID.randomUUID();
        String id = Api.submit("nl", submission(false, false, null, person(witness, hideout, true), person("Ordinary Person", null, false)))
                .statusCode(201).extract().path("case.id");
        List<String> secrets = List.of(witness, hideout);
        String label = "Protected person 1";
        everyView(id, secrets, label, "\"redacted\":\"protected-person\"");
        // the oversight body still sees who is not protected, and the protected person's nationality
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/requests/" + id).then().statusCode(200)
                .body("contentVersions[0].personsConcerned.identity", equalTo(List.of(label, "Ordinary Person")))
                .body("contentVersions[0].personsConcerned[0].nationality", equalTo("AR"))
                .body("contentVersions[0].summaryOfFacts", equalTo(FACTS));
        // lists show the label to everyone, the parties included
        for (String token : List.of(Tokens.officer("nl"), Tokens.officer("ar"), Tokens.auditor("oversight"))) {
            String list = given().auth().oauth2(token).get("/api/requests?limit=100").then().statusCode(200)
                    .body("items.find { it.id == '" + id + "' }.persons", equalTo(List.of(label, "Ordinary Person")))
                    .extract().asString();
            assertFalse(list.contains(witness), "a list named the protected person");
        }
    }

    @Test
    void aProtectedPersonNamedInFreeTextIsHiddenThereToo() {
        String witness = "Witness " + UUID.randomUUID();
        String facts = "The guards' orders were seen by " + witness.toUpperCase(java.util.Locale.ROOT) + ", who fled.";
        String id = Api.submit("nl", submission(false, false, null, person(witness, null, true))
                        .replace(FACTS, facts).replace(SPECIFICS, "Hear " + witness + " by video conference"))
                .statusCode(201).extract().path("case.id");
        everyView(id, List.of(witness, witness.toUpperCase(java.util.Locale.ROOT)), "Protected person 1",
                "\"redacted\":\"protected-person\"");
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/requests/" + id).then().statusCode(200)
                .body("contentVersions[0].summaryOfFacts", equalTo("The guards' orders were seen by Protected person 1, who fled."))
                .body("measures[0].specifics", equalTo("Hear Protected person 1 by video conference"));
        // the parties read the text as written
        given().auth().oauth2(Tokens.officer("ar")).get("/api/requests/" + id).then().statusCode(200)
                .body("contentVersions[0].summaryOfFacts", equalTo(facts));
    }

    @Test
    void aConfidentialRequestShowsTheOversightBodyItsStructureNotItsFacts() {
        String facts = "Detentions at the quarry, reported by " + UUID.randomUUID();
        String specifics = "Hear the quarry guard " + UUID.randomUUID();
        String id = Api.submit("nl", submission(false, true, null, person("Named Suspect", null, false))
                        .replace(FACTS, facts).replace(SPECIFICS, specifics))
                .statusCode(201).extract().path("case.id");
        everyView(id, List.of(facts, specifics, "Named Suspect"), "[withheld]", "\"redacted\":\"confidential\"");
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/requests/" + id).then().statusCode(200)
                .body("confidential", equalTo(true))
                .body("status", equalTo("SUBMITTED"))
                .body("contentVersions[0].legalQualification.category", equalTo("CRIMES_AGAINST_HUMANITY"))
                .body("contentVersions[0].measures.kind", hasItem("TAKING_EVIDENCE_OR_STATEMENTS"))
                .body("measures[0].specifics", equalTo("[withheld]"));
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/requests?limit=100").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.persons", equalTo(List.of()));
    }

    @Test
    void anUrgentRequestNamingAProtectedPersonNeverLeavesTheExchange() throws SQLException {
        long before = requests();
        Api.submit("nl", submission(true, false, "INTERPOL", person("Witness " + UUID.randomUUID(), null, true)))
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("urgentChannel")));
        Api.submit("nl", submission(false, false, "INTERPOL", person("Someone", null, false)))
                .statusCode(422).body("errors.field", equalTo(List.of("urgentChannel")));
        assertEquals(before, requests(), "a refused submission wrote nothing");
        // through the Exchange only, it may be urgent; without a protected person, INTERPOL may carry a copy
        Api.submit("nl", submission(true, false, "EXCHANGE", person("Witness " + UUID.randomUUID(), null, true))).statusCode(201);
        Api.submit("nl", submission(true, false, "INTERPOL", person("Someone", null, false))).statusCode(201)
                .body("case.urgentChannel", equalTo("INTERPOL"));
    }

    /** The table against the case view, its history, the as-of view and the audit replay. */
    private static void everyView(String id, List<String> secrets, String mark, String replayMark) {
        DisclosureTable.check(POLICY, "ar", "sn", "/api/requests/" + id, secrets, mark);
        DisclosureTable.check(POLICY, "nl", "sn", "/api/requests/" + id + "/history", secrets, mark);
        DisclosureTable.check(forAuditView(Shown.NOT_FOUND), "nl", "sn", "/api/audit/cases/" + id, secrets, mark);
        DisclosureTable.checkSealedReplay("ar", "sn", id, secrets, replayMark);
    }

    private long requests() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM mla_request")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static final String FACTS = "Between 2021 and 2023 civilians were detained and tortured at a site run by the suspect.";
    static final String SPECIFICS = "Hear witness W-17 by video conference";

    static String person(String identity, String location, boolean protectedPerson) {
        return """
                {"identity": "%s", %s"nationality": "AR", "protectedPerson": %s}"""
                .formatted(identity, location == null ? "" : "\"location\": \"" + location + "\", ", protectedPerson);
    }

    /** NL's complete request to AR ({@link Api#submission}) with these flags and persons concerned. */
    static String submission(boolean urgent, boolean confidential, String urgentChannel, String... persons) {
        String flags = "\"urgent\": " + urgent + ", \"confidential\": " + confidential
                + (urgentChannel == null ? "" : ", \"urgentChannel\": \"" + urgentChannel + "\"");
        String extra = "\"personsConcerned\": [" + String.join(", ", persons) + "]"
                + (urgent ? ", \"urgencyReasons\": \"The witness leaves the country\", \"desiredDate\": \""
                        + java.time.LocalDate.now().plusDays(10) + "\"" : "")
                + (confidential ? ", \"confidentialityReasons\": \"The suspect must not learn of the investigation\"" : "");
        return Api.submission("AR")
                .replace("\"urgent\": false,\n  \"confidential\": false", flags)
                .replace("\"language\": \"en\"", "\"language\": \"en\", " + extra);
    }
}
