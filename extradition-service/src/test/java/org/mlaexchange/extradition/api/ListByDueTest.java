package org.mlaexchange.extradition.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.extradition.api.Extraditions.as;

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

/** The console's inbox order: the nearest due date first (overdue first), paged by the service without gaps or repeats. */
@QuarkusTest
class ListByDueTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void casesComeNearestDueFirstAcrossPages() throws SQLException {
        String overdue = Extraditions.submitted("sn", "AR");
        String later = Extraditions.submitted("sn", "AR");
        String sooner = Extraditions.submitted("sn", "AR");
        Instant tie = Instant.now().plus(9, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        setDeadline(overdue, Instant.now().minus(3650, ChronoUnit.DAYS));
        setDeadline(later, tie);
        setDeadline(sooner, tie);

        List<Map<String, Object>> walked = DueOrder.walk(after -> as("sn").get("/api/extraditions?sort=due&limit=2" + (after == null ? "" : "&after=" + after))
                .then().statusCode(200).extract().jsonPath());
        List<Object> ids = DueOrder.assertSortedByDue(walked,
                as("sn").get("/api/extraditions?limit=100").then().statusCode(200).extract().jsonPath().getList("items.id"));
        assertEquals(overdue, ids.get(0));
        assertEquals(true, walked.get(0).get("overdue"));
        assertTrue(ids.indexOf(later) < ids.indexOf(sooner), "same due moment: the earlier case first");
        as("sn").get("/api/extraditions?sort=due&after=5").then().statusCode(400).body("errors[0].field", equalTo("after"));
    }

    private void setDeadline(String id, Instant due) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement u = c.prepareStatement("UPDATE extradition_case SET next_deadline_at = ? WHERE id = ?")) {
            u.setTimestamp(1, Timestamp.from(due));
            u.setObject(2, UUID.fromString(id));
            assertEquals(1, u.executeUpdate());
        }
    }
}
