package org.mlaexchange.request.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mlaexchange.request.api.Api.as;
import static org.mlaexchange.request.api.Api.step;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlaexchange.platform.testing.TestClock;
import org.mlaexchange.request.events.DeadlineReminders;

/**
 * Both States speak, through the real stack: status questions and answers, a supplement, a consultation
 * answered, a measure found impossible, confidentiality declined; and the deadlines around them.
 */
@QuarkusTest
class ConversationTest {

    private static final String OVERDUE = "org.mlaexchange.request.deadline-overdue.v1";

    @Inject
    TestClock clock;

    @Inject
    DeadlineReminders reminders;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Test
    void bothStatesSpeakUntilTheRequestIsClosed() {
        String id = Api.submitted("nl", "AR");
        step("ar", id, "acknowledge", AccessTest.ACK);

        // a status question, with the default two weeks to answer
        step("nl", id, "ask-status", Map.of("question", "Has witness W-17 been summoned?"))
                .body("case.statusQuestions[0].answerDueDate", equalTo(today().plusDays(14).toString()))
                .body("case.allowedActions", not(hasItem("ask-status")));
        as("ar").get("/api/requests/" + id).then().body("allowedActions", hasItem("answer-status"));
        Api.act("nl", id, "ask-status", Api.version("nl", id), Map.of("question", "And now?")).statusCode(409)
                .body("type", equalTo("urn:mla-exchange:problem:transition-forbidden"));
        step("ar", id, "answer-status", Map.of("answer", "The summons was sent on Monday"))
                .body("case.statusQuestions[0].answer", equalTo("The summons was sent on Monday"));

        // the requesting State amends its request on its own initiative
        Map<String, Object> content = as("nl").get("/api/requests/" + id).then().extract().path("contentVersions[0]");
        Map<String, Object> amended = new HashMap<>(content);
        amended.put("summaryOfFacts", content.get("summaryOfFacts") + " W-17 now lives in Rosario.");
        step("nl", id, "supplement", Map.of("content", amended, "note", "New address of W-17"))
                .body("case.status", equalTo("ACKNOWLEDGED"))
                .body("case.contentVersions", hasSize(2));

        // consultation: the requesting State answers, the requested State decides
        step("ar", id, "open-consultation", Map.of("matters", List.of("The bank records are sealed by a court")));
        step("nl", id, "answer-consultation", Map.of("position", "Records from 2022 only would suffice",
                "acceptedChanges", List.of("Limit m2 to 2022")))
                .body("case.status", equalTo("CONSULTATION"))
                .body("case.consultationAnswers[0].acceptedChanges[0]", equalTo("Limit m2 to 2022"));
        step("ar", id, "accept", Map.of("measureIds", List.of("m1", "m2"))).body("case.status", equalTo("ACCEPTED"));

        // the hearing proves impossible; the records are handed over; the request still completes
        step("ar", id, "declare-impossible", Map.of("measureIds", List.of("m1"), "reasons", "W-17 died on 3 May"))
                .body("case.measures[0].status", equalTo("IMPOSSIBLE"))
                .body("case.impossibilities[0].reasons", equalTo("W-17 died on 3 May"));
        step("ar", id, "report-progress", Map.of("updates", List.of(Map.of("measureId", "m2", "status", "EXECUTED"))))
                .body("case.status", equalTo("PARTIALLY_EXECUTED"));
        step("ar", id, "complete", Map.of("summary", "Records handed over; the hearing was impossible"))
                .body("case.status", equalTo("EXECUTED"));
        step("nl", id, "close", Map.of()).body("case.status", equalTo("CLOSED"));

        List<String> types = as("nl").get("/api/requests/" + id + "/history").then().extract().path("type");
        assertEquals(true, types.containsAll(List.of("org.mlaexchange.request.status-requested.v1",
                "org.mlaexchange.request.status-answered.v1", "org.mlaexchange.request.supplemented.v1",
                "org.mlaexchange.request.consultation-answered.v1", "org.mlaexchange.request.measures-impossible.v1")), types.toString());
    }

    @Test
    void theRequestedStateCannotKeepTheRequestConfidentialAndTheRequestingStateContinues() {
        String body = Api.submission("AR").replace("\"confidential\": false", "\"confidential\": true")
                .replace("\"language\": \"en\"", "\"language\": \"en\", \"confidentialityReasons\": \"Suspects at large\"");
        String id = Api.submit("nl", body).statusCode(201).extract().path("case.id");
        step("ar", id, "acknowledge", AccessTest.ACK).body("case.allowedActions", hasItem("cannot-keep-confidential"));

        step("ar", id, "cannot-keep-confidential", Map.of("reasons", "A search warrant is read out in a public hearing"))
                .body("case.status", equalTo("CONFIDENTIALITY_NOT_ASSURED"))
                .body("case.allowedActions", equalTo(List.of("extend-decision-deadline"))); // nothing towards execution
        as("nl").get("/api/requests/" + id).then()
                .body("allowedActions", hasItems("withdraw", "continue-without-confidentiality"));
        step("nl", id, "continue-without-confidentiality", Map.of("note", "Proceed all the same"))
                .body("case.status", equalTo("ACKNOWLEDGED"))
                .body("case.confidentialityNotice.continueNote", equalTo("Proceed all the same"));
        as("ar").get("/api/requests/" + id).then().body("allowedActions", not(hasItem("cannot-keep-confidential")));
    }

    @Test
    void theDecisionClockStopsWhileInformationIsAwaitedAndTheInformationIsRemindedToTheRequestingState() {
        String id = Api.submitted("nl", "AR");
        LocalDate decisionDue = LocalDate.parse(as("nl").get("/api/requests/" + id).then().extract().path("decisionDueDate"));
        step("ar", id, "acknowledge", AccessTest.ACK);
        step("ar", id, "request-information", Map.of("missing", List.of("Date of birth of W-17"),
                "dueDate", today().plusDays(5).toString()));

        clock.advance(Duration.ofDays(40)); // past the information due date and past the original decision deadline
        reminders.remindAll();
        as("nl").get("/api/requests/" + id + "/history").then()
                .body("findAll { it.type == '" + OVERDUE + "' }.data.kind", equalTo(List.of("INFORMATION")))
                .body("find { it.type == '" + OVERDUE + "' }.data.owedBy", equalTo("NL"));

        Map<String, Object> content = as("nl").get("/api/requests/" + id).then().extract().path("contentVersions[0]");
        step("nl", id, "provide-information", Map.of("content", content, "note", "Born 1 May 1980"))
                .body("case.decisionDueDate", equalTo(decisionDue.plusDays(40).toString()));

        // the decision deadline is extended once, with reasons, by 30 days (the default)
        step("ar", id, "extend-decision-deadline", Map.of("reasons", "The court file is under review"))
                .body("case.decisionDueDate", equalTo(decisionDue.plusDays(70).toString()))
                .body("case.decisionExtension.reasons", equalTo("The court file is under review"));
        Api.act("ar", id, "extend-decision-deadline", Api.version("ar", id), Map.of("reasons", "Again")).statusCode(409);
    }

    @Test
    void aPairOfStatesHasItsOwnDecisionDeadlineAndExtension() {
        // test profile: SN → AR decide within 20 days, extension 15
        String id = Api.submitted("sn", "AR");
        as("sn").get("/api/requests/" + id).then().body("decisionDueDate", equalTo(today().plusDays(20).toString()));
        step("ar", id, "acknowledge", AccessTest.ACK);
        step("ar", id, "extend-decision-deadline", Map.of("reasons", "Translation of the annexes pending"))
                .body("case.decisionDueDate", equalTo(today().plusDays(35).toString()));
    }

    @Test
    void anUnansweredStatusQuestionAndAPostponementsReviewDateAreReminded() {
        String id = Api.submitted("nl", "AR");
        step("ar", id, "acknowledge", AccessTest.ACK);
        step("nl", id, "ask-status", Map.of("question", "Any news?", "answerDueDate", today().plusDays(3).toString()));
        step("ar", id, "open-consultation", Map.of("matters", List.of("A domestic trial on the same facts")));
        step("ar", id, "postpone", Map.of("reason", "ONGOING_DOMESTIC_PROSECUTION", "reviewDate", today().plusDays(10).toString()));

        clock.advance(Duration.ofDays(12));
        reminders.remindAll();

        List<String> kinds = as("ar").get("/api/requests/" + id + "/history").then()
                .extract().path("findAll { it.type == '" + OVERDUE + "' }.data.kind");
        assertEquals(true, kinds.containsAll(List.of("STATUS_ANSWER", "POSTPONEMENT_REVIEW")), kinds.toString());
        as("ar").get("/api/requests?overdue=true&role=requested&limit=100").then().body("items.id", hasItem(id));
    }
}
