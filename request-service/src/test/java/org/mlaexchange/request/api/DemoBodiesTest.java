package org.mlaexchange.request.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.mlaexchange.request.api.Api.as;
import static org.mlaexchange.request.api.Api.step;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The demo's bodies ({@code deploy/local/bodies}, posted by {@code deploy/local/demo}) against the real
 * stack: a typed hearing by video conference and typed bank records are submitted, and the hearing's
 * execution record comes back as the requesting State reads it. The placeholders are filled as the
 * demo's {@code body} function fills them.
 */
@QuarkusTest
class DemoBodiesTest {

    private static String body(String name, String... placeholders) throws IOException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String json = Files.readString(Path.of("../deploy/local/bodies", name + ".json"))
                .replace("@TODAY@", today.toString()).replace("@TOMORROW@", today.plusDays(1).toString());
        for (int i = 0; i < placeholders.length; i += 2) {
            json = json.replace("@" + placeholders[i] + "@", placeholders[i + 1]);
        }
        return json;
    }

    @Test
    void theDemoSubmitsATypedVideoConferenceHearingAndReportsItsExecutionRecord() throws IOException {
        String id = Api.submit("nl", body("request", "STATE", "AR")).statusCode(201)
                .body("case.measures[0].kind", equalTo("TAKING_EVIDENCE_OR_STATEMENTS"))
                .body("case.measures[0].requested.persons[0].status", equalTo("WITNESS"))
                .body("case.measures[0].requested.videoConference.ledBy", equalTo("REQUESTING_STATE"))
                .body("case.measures[0].requested.videoConference.proposedDates", hasSize(2))
                .body("case.measures[1].requested.certification", equalTo("CERTIFIED_COPIES"))
                .extract().path("case.id");
        // the requested State reads the typed measure as it was published
        as("ar").get("/api/requests/" + id + "/history").then().statusCode(200)
                .body("find { it.type == 'org.mlaexchange.request.submitted.v1' }.data.content.measures[0].interpreterLanguages",
                        equalTo(List.of("es")));

        step("ar", id, "acknowledge", Map.of("caseReference", "AR-MLA-2026-77",
                "contact", Map.of("name", "M. Gómez", "email", "mgomez@ar.demo")));
        step("ar", id, "open-consultation", Map.of("matters", List.of("Use of the bank records in other proceedings")));
        step("ar", id, "accept", Map.of("measureIds", List.of("m1", "m2"), "impossibleProcedures", List.of()));
        step("ar", id, "report-progress", body("records-executed"))
                .body("case.status", equalTo("PARTIALLY_EXECUTED"))
                .body("case.measures[1].execution.certified", equalTo(true));
        String recording = UUID.randomUUID().toString();
        step("ar", id, "report-progress", body("hearing-executed", "RECORDING", recording))
                .body("case.status", equalTo("PARTIALLY_EXECUTED")); // every measure executed: the requested State completes next

        as("nl").get("/api/requests/" + id).then().statusCode(200)
                .body("measures[0].status", equalTo("EXECUTED"))
                .body("measures[0].execution.kind", equalTo("TAKING_EVIDENCE_OR_STATEMENTS"))
                .body("measures[0].execution.byVideoConference", equalTo(true))
                .body("measures[0].execution.identityChecked", equalTo(true))
                .body("measures[0].execution.participants", hasItem("Witness W-17"))
                .body("measures[0].execution.recordingItemId", equalTo(recording));
    }

    @Test
    void anIncompleteTypedMeasureIsRefusedFieldByField() throws IOException {
        String noStatus = body("request", "STATE", "AR").replace("{\"person\": 0, \"status\": \"WITNESS\"}",
                "{\"person\": 0, \"status\": \"WITNESS\"}, {\"person\": 0}");
        Api.submit("nl", noStatus).statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("content.measures[0].persons[1].status")));

        String noKind = body("request", "STATE", "AR").replace("\"kind\": \"PROVIDING_DOCUMENTS_AND_RECORDS\", ", "");
        Api.submit("nl", noKind).statusCode(400)
                .body("errors[0].field", equalTo("content.measures[1].kind"))
                .body("errors[0].message", equalTo("is required"));
    }

    @Test
    void anExecutionRecordOfAnotherKindIsRefused() throws IOException {
        String id = Api.submitted("nl", "AR"); // the form before typed measures: {kind, specifics}
        step("ar", id, "acknowledge", Map.of("caseReference", "AR-1", "contact", Map.of("name", "M. Gómez", "email", "mgomez@ar.demo")));
        step("ar", id, "open-consultation", Map.of("matters", List.of("Scope")));
        step("ar", id, "accept", Map.of("measureIds", List.of("m1", "m2"), "impossibleProcedures", List.of()));

        String hearingOnRecords = body("hearing-executed", "RECORDING", UUID.randomUUID().toString()).replace("\"m1\"", "\"m2\"");
        Api.act("ar", id, "report-progress", Api.version("ar", id), hearingOnRecords).statusCode(422)
                .body("errors.field", equalTo(List.of("updates[0].execution.kind")));
        as("nl").get("/api/requests/" + id).then().body("measures[0].requested.specifics", equalTo("Hear witness W-17 by video conference"));
    }

    @Test
    void theOpenApiExamplesAreShownAndAccepted() {
        io.restassured.RestAssured.get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/requests'.post.requestBody.content.'application/json'.examples.keySet()", equalTo(java.util.Set.of("typed", "in-words")));
        String typed = Api.submit("nl", ApiExamples.SUBMIT_TYPED).statusCode(201)
                .body("case.measures[1].requested.temporaryTransfer.returnDate", equalTo("2030-06-30"))
                .body("case.measures[1].status", equalTo("PENDING"))
                .extract().path("case.id");
        Api.submit("nl", ApiExamples.SUBMIT_IN_WORDS).statusCode(201).body("case.measures[0].requested.specifics",
                equalTo("Bank records of account AR-0042, 2021-2023"));
        step("ar", typed, "acknowledge", Map.of("caseReference", "AR-2", "contact", Map.of("name", "M. Gómez", "email", "mgomez@ar.demo")));
        step("ar", typed, "open-consultation", Map.of("matters", List.of("Custody")));
        step("ar", typed, "accept", Map.of("measureIds", List.of("m1", "m2"), "impossibleProcedures", List.of()));
        // the example's hearing date lies ahead: executed "in the future" is refused, field by field
        Api.act("ar", typed, "report-progress", Api.version("ar", typed), ApiExamples.HEARING_EXECUTED).statusCode(422)
                .body("errors.field", equalTo(List.of("updates[0].execution.heldOn")));
        step("ar", typed, "report-progress", ApiExamples.HEARING_EXECUTED.replace("2030-03-04", LocalDate.now(ZoneOffset.UTC).toString()))
                .body("case.measures[0].execution.minutes", equalTo("Acta AR-MLA-2026-77/1"));
        // the requesting State reads the typed transfer as it asked for it
        as("nl").get("/api/requests/" + typed).then().body("measures[1].requested.temporaryTransfer.custody",
                equalTo("Dutch Custodial Institutions Agency"));
    }
}
