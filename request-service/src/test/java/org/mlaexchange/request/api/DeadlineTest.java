package org.mlaexchange.request.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.request.api.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlaexchange.platform.testing.TestClock;
import org.mlaexchange.request.events.DeadlineReminders;

/** Deadlines run on the service clock; a passed deadline is listed as overdue and reminded once. */
@QuarkusTest
class DeadlineTest {

    @Inject
    TestClock clock;

    @Inject
    DeadlineReminders reminders;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anUnacknowledgedRequestBecomesOverdueAndIsRemindedOnce() {
        String id = Api.submitted("nl", "AR");
        as("nl").get("/api/requests?overdue=true&limit=100").then().body("items.id", not(hasItem(id)));

        clock.advance(Duration.ofDays(9)); // default policy: acknowledge within 7 days
        as("nl").get("/api/requests?overdue=true&limit=100").then().body("items.id", hasItem(id));
        as("ar").get("/api/requests?overdue=true&role=requested&limit=100").then().body("items.id", hasItem(id));

        reminders.remindAll();
        reminders.remindAll();
        List<String> types = as("nl").get("/api/requests/" + id + "/history").then().extract().path("type");
        assertEquals(1, types.stream().filter(t -> t.equals("org.mlaexchange.request.deadline-overdue.v1")).count(),
                "one reminder per overdue deadline: " + types);
        as("nl").get("/api/requests/" + id + "/history").then()
                .body("find { it.type == 'org.mlaexchange.request.deadline-overdue.v1' }.data.kind", equalTo("ACKNOWLEDGEMENT"));

        // acknowledging meets that deadline: no longer overdue for acknowledgement
        Api.step("ar", id, "acknowledge", AccessTest.ACK);
        clock.advance(Duration.ofDays(30)); // the decision deadline (30 days) has now passed as well
        reminders.remindAll();
        List<String> after = as("nl").get("/api/requests/" + id + "/history").then().extract().path("type");
        assertEquals(2, after.stream().filter(t -> t.endsWith("deadline-overdue.v1")).count(), after.toString());
        assertTrue(after.size() >= 4);
    }
}
