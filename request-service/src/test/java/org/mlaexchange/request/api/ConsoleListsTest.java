package org.mlaexchange.request.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.request.api.Api.as;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlaexchange.platform.testing.DueOrder;
import org.mlaexchange.platform.testing.Tokens;

/** What the officers' console asks of the request list and the audit log: due-date order with paging, the subject, own proofs. */
@QuarkusTest
class ConsoleListsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theDueDateOrderPutsOverdueFirstAndPagesWithoutGapsOrRepeats() throws SQLException {
        String overdue = Api.submitted("sn", "AR");
        String later = Api.submitted("sn", "AR");
        String sooner = Api.submitted("sn", "AR");
        // the same due moment for two requests: their insertion order breaks the tie across a page boundary
        Instant tie = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        setDeadline(overdue, Instant.now().minus(3650, ChronoUnit.DAYS));
        setDeadline(later, tie);
        setDeadline(sooner, tie);

        List<Map<String, Object>> walked = DueOrder.walk(after -> as("sn").get("/api/requests?sort=due&limit=2" + (after == null ? "" : "&after=" + after))
                .then().statusCode(200).extract().jsonPath());
        List<Object> ids = DueOrder.assertSortedByDue(walked,
                as("sn").get("/api/requests?limit=100").then().statusCode(200).extract().jsonPath().getList("items.id"));
        assertEquals(overdue, ids.get(0), "the overdue request first");
        assertEquals(true, walked.get(0).get("overdue"));
        assertTrue(ids.indexOf(later) < ids.indexOf(sooner), "same due moment: the earlier submission first");
        // the summary names the proceedings
        assertEquals("Crimes against humanity in the northern province", walked.get(0).get("subjectMatter"));
        assertEquals("ICU-2026-0142", walked.get(0).get("caseNumber"));
    }

    @Test
    void aCursorOfTheOtherOrderIsAFieldError() {
        as("sn").get("/api/requests?sort=due&after=12").then().statusCode(400).body("errors[0].field", equalTo("after"));
        as("sn").get("/api/requests?after=1000000_12").then().statusCode(400).body("errors[0].field", equalTo("after"));
        as("sn").get("/api/requests?sort=nearest").then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.containsString("sort"));
    }

    @Test
    void anOfficerProvesTheReceiptsOfItsOwnCasesNeverAnotherStates() {
        String eventId = Api.submit("nl", Api.submission("AR")).statusCode(201).extract().path("receipts[0].eventId");
        for (String realm : List.of("nl", "ar")) {
            as(realm).get("/api/audit/events/" + eventId + "/proof").then().statusCode(200)
                    .body("eventId", equalTo(eventId));
        }
        as("sn").get("/api/audit/events/" + eventId + "/proof").then().statusCode(404);
        given().auth().oauth2(Tokens.auditor("sn")).get("/api/audit/events/" + eventId + "/proof").then().statusCode(404);
        // the rest of the audit API stays the auditors'
        given().auth().oauth2(Tokens.officer("nl")).get("/api/audit/events?case=" + UUID.randomUUID()).then().statusCode(403);
    }

    private void setDeadline(String id, Instant due) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement u = c.prepareStatement("UPDATE mla_request SET next_deadline_at = ? WHERE id = ?")) {
            u.setTimestamp(1, Timestamp.from(due));
            u.setObject(2, UUID.fromString(id));
            assertEquals(1, u.executeUpdate());
        }
    }
}
