package org.mlaexchange.request.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.mlaexchange.platform.testing.Tokens;

/**
 * The legal basis of a request is the Convention in force between the two States on the day it is
 * submitted: a State that has signed but not ratified (Belgium in the reference data) cannot be asked,
 * and the refusal says why.
 */
@QuarkusTest
class LegalBasisTest {

    @Test
    void aRequestToAStateTheConventionDoesNotBindIsRefusedWithTheReason() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Api.submit("nl", Api.submission("BE")).statusCode(422)
                .contentType("application/problem+json")
                .body("errors.find { it.field == 'requestedState' }.message", equalTo(
                        "BE is not a State Party on " + today + ": BE signed the Convention on 2024-02-14 but has not ratified it"));
        // between NL (provisional application of Part III) and AR (in force since 2024-09-01) the basis holds
        Api.submit("nl", Api.submission("AR")).statusCode(201);
    }

    @Test
    void theRegistryShowsFromWhenEachStateIsBoundAndItsDatedReservations() {
        given().auth().oauth2(Tokens.officer("nl")).get("/api/states").then().statusCode(200)
                .body("states.find { it.code == 'AR' }.entryIntoForce", equalTo("2024-09-01"))
                .body("states.find { it.code == 'AR' }.reservations[0].effectiveFrom", equalTo("2024-09-01"))
                .body("states.find { it.code == 'NL' }.entryIntoForce", nullValue())
                .body("states.find { it.code == 'NL' }.provisionalApplication.part", hasItem("III"))
                .body("states.find { it.code == 'BE' }.ratifiedOn", nullValue());
    }
}
