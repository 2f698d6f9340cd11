package org.mlaexchange.request.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mlaexchange.request.api.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlaexchange.platform.testing.TestClock;
import org.mlaexchange.request.events.DeadlineReminders;

/**
 * No reminder starvation: with more overdue requests than the job takes at a time, each one is reminded,
 * once. (Before the next reminder time was kept per request, the job took the same oldest batch every run.)
 * Spontaneous information likewise, in its own queue: the receiving State owes its answer by
 * {@code acknowledgementDueDate}, the providing State a use-consent decision by its {@code decisionDueDate}.
 */
@QuarkusTest
class ReminderBatchTest {

    private static final String SPONTANEOUS_OVERDUE = "org.mlaexchange.request.spontaneous-information.deadline-overdue.v1";

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

    @Test
    void moreUnacknowledgedInformationThanOneBatchIsEachRemindedOnceToTheReceivingState() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < batch + 5; i++) {
            ids.add(SpontaneousInformationApiTest.sent("nl", "AR", false));
        }
        // the first is shown with its due date (mla.deadlines.spontaneous.acknowledge: P7D), to both sides
        as("ar").get("/api/spontaneous-information/" + ids.get(0)).then().statusCode(200)
                .body("acknowledgementDueDate", equalTo(today.plusDays(7).toString()));
        clock.advance(Duration.ofDays(1));
        for (int i = 0; i < 5; i++) {
            ids.add(SpontaneousInformationApiTest.sent("nl", "AR", false));
        }
        // one acknowledged in time owes nothing; one with a use consent asked owes NL a decision (P30D)
        String answered = SpontaneousInformationApiTest.sent("nl", "AR", false);
        SpontaneousInformationApiTest.act("ar", answered, "acknowledge", 1, Map.of("caseReference", "AR-REM-1",
                "contact", Map.of("name", "M. Gómez", "email", "mgomez@ar.demo"))).statusCode(200);
        SpontaneousInformationApiTest.act("ar", answered, "request-use-consent", 2, Map.of("purpose", "OTHER_PROCEEDINGS",
                "description", "Trial of the commander")).statusCode(200)
                .body("case.useConsents[0].decisionDueDate", equalTo(today.plusDays(31).toString()));
        clock.advance(Duration.ofDays(9)); // none answered within 7 days

        reminders.remindAll();
        reminders.remindAll();

        for (String id : ids) {
            List<Map<String, Object>> overdue = as("nl").get("/api/spontaneous-information/" + id + "/history").then().statusCode(200)
                    .extract().path("findAll { it.type == '" + SPONTANEOUS_OVERDUE + "' }.data");
            assertEquals(1, overdue.size(), "information " + (ids.indexOf(id) + 1) + " of " + ids.size() + ": " + overdue);
            assertEquals("ACKNOWLEDGEMENT", overdue.get(0).get("kind"));
            assertEquals("AR", overdue.get(0).get("owedBy"));
        }
        assertEquals(List.of(), decisionReminders(answered), "the decision is not due yet");

        clock.advance(Duration.ofDays(30));
        reminders.remindAll();
        assertEquals(List.of("USE_CONSENT_DECISION"), decisionReminders(answered));
        as("nl").get("/api/spontaneous-information/" + answered).then().statusCode(200)
                .body("remindedDeadlines", equalTo(List.of("USE_CONSENT_DECISION")));
    }

    private static List<String> decisionReminders(String id) {
        return as("ar").get("/api/spontaneous-information/" + id + "/history").then().statusCode(200)
                .extract().path("findAll { it.type == '" + SPONTANEOUS_OVERDUE + "' }.data.kind");
    }
}
