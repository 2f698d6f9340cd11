package org.mlaexchange.request.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mlaexchange.request.api.Api.as;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear problem+json, field by field, and nothing is written. */
@QuarkusTest
class BadInputTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void malformedJsonIs400() {
        unchanged(() -> Api.submit("nl", "{\"requestedState\": \"AR\", ").statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:mla-exchange:problem:malformed-json")));
    }

    @Test
    void missingContentIsListedFieldByField() {
        String body = Api.submission("AR")
                .replace("\"summaryOfFacts\": \"Between 2021 and 2023 civilians were detained and tortured at a site run by the suspect.\",", "")
                .replace("\"purpose\": \"Establish the suspect's command responsibility\",", "\"purpose\": \" \",");
        unchanged(() -> Api.submit("nl", body).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:mla-exchange:problem:invalid-input"))
                .body("errors.field", hasItems("content.summaryOfFacts", "content.purpose")));
    }

    @Test
    void unknownEnumValuesAndStateCodesAreNamed() {
        unchanged(() -> Api.submit("nl", Api.submission("AR").replace("TAKING_EVIDENCE_OR_STATEMENTS", "TELEPATHY")).statusCode(400)
                .body("errors[0].field", equalTo("content.measures[0].kind"))
                .body("errors[0].message", containsString("TAKING_EVIDENCE_OR_STATEMENTS")));
        unchanged(() -> Api.submit("nl", Api.submission("ar")).statusCode(400)
                .body("errors[0].field", equalTo("requestedState")));
        // well-formed, but not a State Party
        unchanged(() -> Api.submit("nl", Api.submission("FR")).statusCode(422)
                .body("errors.field", hasItem("requestedState")));
        unchanged(() -> Api.submit("nl", Api.submission("NL")).statusCode(422)
                .body("errors.field", hasItem("requestedState")));
    }

    @Test
    void annexCrimeNeedsBothStatesDeclarations() {
        String annexE = Api.submission("SN").replace("\"category\": \"CRIMES_AGAINST_HUMANITY\"", "\"category\": \"ANNEX_CRIME\", \"annex\": \"E\"");
        // SN has not declared annex E: not a valid legal basis between NL and SN
        unchanged(() -> Api.submit("nl", annexE).statusCode(422)
                .body("errors.field", hasItem(containsString("legalQualification"))));
        // NL and AR both declared annex E
        Api.submit("nl", annexE.replace("\"requestedState\": \"SN\"", "\"requestedState\": \"AR\"")).statusCode(201);
    }

    @Test
    void languageTheRequestedStateDoesNotAcceptIsRefused() {
        unchanged(() -> Api.submit("nl", Api.submission("AR").replace("\"language\": \"en\"", "\"language\": \"nl\"")).statusCode(422)
                .body("errors.field", hasItem("content.language")));
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreRefusedByField() {
        unchanged(() -> Api.submit("nl", Api.submission("AR").replace("civilians were detained", "civilians\\u0000 were detained"))
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("content.summaryOfFacts"))
                .body("errors[0].message", containsString("U+0000")));
        unchanged(() -> Api.submit("nl", Api.submission("AR").replace("Hear witness W-17", "Hear \\ud800 witness"))
                .statusCode(400).body("errors[0].field", equalTo("content.measures[0].specifics")));
        // tabs, line breaks, right-to-left marks and characters beyond the BMP are text like any other
        Api.submit("nl", Api.submission("AR").replace("civilians were detained", "civilians\\n\\twere \\u200f\\ud83d\\udcdc detained"))
                .statusCode(201);
    }

    @Test
    void oversizedBodyIs413() {
        String huge = Api.submission("AR").replace("Establish the suspect's command responsibility", "x".repeat(2 * 1024 * 1024));
        unchanged(() -> Api.submit("nl", huge).statusCode(413).contentType("application/problem+json"));
    }

    @Test
    void emptyBodyAndWrongMediaType() {
        unchanged(() -> as("nl").post("/api/requests").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body")));
        unchanged(() -> as("nl").contentType("text/plain").body("hello").post("/api/requests").then().statusCode(415)
                .contentType("application/problem+json"));
    }

    /** Runs a rejected call and checks that neither a request nor an event was written. */
    private void unchanged(Runnable call) {
        long requests = count("SELECT count(*) FROM mla_request");
        long events = count("SELECT count(*) FROM event_log");
        call.run();
        assertEquals(requests, count("SELECT count(*) FROM mla_request"), "no request row written");
        assertEquals(events, count("SELECT count(*) FROM event_log"), "no event written");
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}
