package org.mlaexchange.extradition.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mlaexchange.extradition.api.Extraditions.as;
import static org.mlaexchange.extradition.api.Extraditions.step;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlaexchange.platform.testing.TestClock;
import org.mlaexchange.extradition.events.DeadlineReminders;

/** The provisional-arrest clock runs on the service clock: each passed period is listed as overdue and evented once. */
@QuarkusTest
class ProvisionalArrestClockTest {

    private static final String POSSIBLE = "FORMAL_REQUEST_RELEASE_POSSIBLE";
    private static final String COMPULSORY = "FORMAL_REQUEST_RELEASE_COMPULSORY";
    private static final String CONSENT_NOTICE = "SIMPLIFIED_CONSENT_NOTICE";

    @Inject
    TestClock clock;

    @Inject
    DeadlineReminders reminders;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void releaseBecomesPossibleAfter18DaysAndCompulsoryAfter40() {
        Map<String, Object> person = Extraditions.person();
        String id = as("nl").body(Extraditions.provisionalArrest("AR", person)).post("/api/extraditions/provisional-arrests")
                .then().statusCode(201).extract().path("case.id");
        step("ar", id, "record-arrest", Map.of("arrestedAt", clock.instant().minusSeconds(60).toString()));
        as("ar").get("/api/extraditions?overdue=true&limit=100").then().body("items.id", not(hasItem(id)));

        clock.advance(Duration.ofDays(19)); // default policy: 18 days, and 10 for the notice on simplified extradition
        reminders.remindAll();
        reminders.remindAll();
        List<String> kinds = overdueKinds(id);
        assertEquals(1, Collections.frequency(kinds, POSSIBLE), kinds.toString());
        assertEquals(1, Collections.frequency(kinds, CONSENT_NOTICE), kinds.toString());
        assertEquals(0, Collections.frequency(kinds, COMPULSORY), kinds.toString());
        as("nl").get("/api/extraditions?overdue=true&role=requesting&limit=100").then().body("items.id", hasItem(id));
        as("ar").get("/api/extraditions?overdue=true&role=requested&limit=100").then().body("items.id", hasItem(id));
        as("nl").get("/api/extraditions/" + id + "/history").then()
                .body("find { it.data.kind == '" + POSSIBLE + "' }.data.owedBy", equalTo("NL"));

        clock.advance(Duration.ofDays(22)); // 41 days after the arrest: release is compulsory
        reminders.remindAll();
        reminders.remindAll();
        kinds = overdueKinds(id);
        assertEquals(List.of(1, 1, 1), List.of(Collections.frequency(kinds, POSSIBLE), Collections.frequency(kinds, CONSENT_NOTICE),
                Collections.frequency(kinds, COMPULSORY)), "each deadline reminded once: " + kinds);
        as("nl").get("/api/extraditions/" + id + "/history").then()
                .body("find { it.data.kind == '" + COMPULSORY + "' }.data.owedBy", equalTo("AR"));

        // AR releases the person; the formal request arrives later and the person is arrested again, with no new clock
        step("ar", id, "record-release", Map.of("releasedAt", clock.instant().minusSeconds(30).toString(),
                "reason", "FORMAL_REQUEST_NOT_RECEIVED"))
                .body("case.status", equalTo("RELEASED_PENDING_REQUEST"))
                .body("case.inCustody", equalTo(false));
        as("ar").get("/api/extraditions?overdue=true&limit=100").then().body("items.id", not(hasItem(id)));
        step("nl", id, "submit-formal-request", Map.of("channel", "DIRECT", "request", Extraditions.formalRequest(person)))
                .body("case.status", equalTo("REQUEST_SUBMITTED"));
        step("ar", id, "record-arrest", Map.of("arrestedAt", clock.instant().minusSeconds(10).toString(), "place", "Rosario"))
                .body("case.status", equalTo("REQUEST_SUBMITTED"))
                .body("case.inCustody", equalTo(true))
                .body("case.arrests.size()", equalTo(2));
        reminders.remindAll();
        assertEquals(3, overdueKinds(id).size(), "nothing new to remind after the re-arrest");
    }

    private static List<String> overdueKinds(String id) {
        return as("nl").get("/api/extraditions/" + id + "/history").then().statusCode(200)
                .extract().path("findAll { it.type == 'org.mlaexchange.extradition.deadline-overdue.v1' }.data.kind");
    }
}
