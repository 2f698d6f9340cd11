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

    /**
     * The States an officer of NL may address on a day: those the Convention binds on that day together with NL,
     * NL excluded. SN is bound from 2024-06-01 and AR from 2024-09-01; BE has not ratified; NL applies Part III
     * provisionally from 2024-02-15.
     */
    @Test
    void theStatesInForceWithAStateOnADay() {
        given().auth().oauth2(Tokens.officer("nl")).get("/api/states?inForceWith=NL&on=2024-08-01").then().statusCode(200)
                .body("states.code", equalTo(java.util.List.of("SN")))
                .body("states[0].name", equalTo("Republic of Senegal"));
        // today (the default day): AR and SN, never BE, never NL itself
        given().auth().oauth2(Tokens.officer("nl")).get("/api/states?inForceWith=NL").then().statusCode(200)
                .body("states.code", equalTo(java.util.List.of("AR", "SN")));
        // before NL is bound, none
        given().auth().oauth2(Tokens.officer("ar")).get("/api/states?inForceWith=NL&on=2024-02-14").then().statusCode(200)
                .body("states", org.hamcrest.Matchers.empty());
        // without inForceWith, on filters the States bound that day (NL by provisional application)
        given().auth().oauth2(Tokens.officer("nl")).get("/api/states?on=2024-08-01").then().statusCode(200)
                .body("states.code", equalTo(java.util.List.of("NL", "SN")));
        given().auth().oauth2(Tokens.officer("nl")).get("/api/states?inForceWith=XX&on=2024-13-01").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("inForceWith"));
        given().auth().oauth2(Tokens.officer("nl")).get("/api/states?on=tomorrow").then().statusCode(400)
                .body("errors[0].field", equalTo("on"));
        given().get("/api/states?inForceWith=NL").then().statusCode(401);
    }
}
