package org.mlaexchange.request.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mlaexchange.request.api.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlaexchange.platform.testing.TestClock;
import org.mlaexchange.request.events.DeadlineReminders;

/**
 * No reminder starvation: with more overdue requests than the job takes at a time, each one is reminded,
 * once. (Before the next reminder time was kept per request, the job took the same oldest batch every run.)
 */
@QuarkusTest
class ReminderBatchTest {

    @Inject
    TestClock clock;

    @Inject
    DeadlineReminders reminders;

    @ConfigProperty(name = "mla.deadlines.reminder-batch")
    int batch;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void moreOverdueRequestsThanOneBatchAreEachRemindedOnce() {
        // more requests than one batch, overdue a day before the others: they come first in every batch,
        // and stay overdue once reminded
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < batch + 5; i++) {
            ids.add(Api.submitted("nl", "AR"));
        }
        clock.advance(Duration.ofDays(1));
        for (int i = 0; i < 5; i++) {
            ids.add(Api.submitted("nl", "AR"));
        }
        clock.advance(Duration.ofDays(9)); // none acknowledged within 7 days

        reminders.remindAll();
        reminders.remindAll();

        for (String id : ids) {
            List<String> kinds = as("nl").get("/api/requests/" + id + "/history").then().statusCode(200)
                    .extract().path("findAll { it.type == 'org.mlaexchange.request.deadline-overdue.v1' }.data.kind");
            assertEquals(List.of("ACKNOWLEDGEMENT"), kinds, "request " + (ids.indexOf(id) + 1) + " of " + ids.size());
        }
    }
}
