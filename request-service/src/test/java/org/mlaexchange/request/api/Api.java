package org.mlaexchange.request.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.mlaexchange.platform.testing.Tokens;

/** The request API as a State's central authority uses it, with real tokens from its own realm. */
final class Api {

    private Api() {
    }

    static RequestSpecification as(String realm) {
        return given().auth().oauth2(Tokens.officer(realm)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A complete request from NL's central authority, with two measures. */
    static String submission(String requestedState) {
        return """
                {
                  "requestedState": "%s",
                  "urgent": false,
                  "confidential": false,
                  "content": {
                    "requestingAuthority": {"name": "Central Authority of the Netherlands", "address": "The Hague"},
                    "proceedingsAuthority": {"name": "National Public Prosecutor's Office, International Crimes Unit", "address": "Rotterdam"},
                    "proceedings": {"nature": "INVESTIGATION", "subjectMatter": "Crimes against humanity in the northern province", "caseNumber": "ICU-2026-0142"},
                    "summaryOfFacts": "Between 2021 and 2023 civilians were detained and tortured at a site run by the suspect.",
                    "legalQualification": {"category": "CRIMES_AGAINST_HUMANITY", "law": "International Crimes Act, s. 4", "penalty": "life imprisonment"},
                    "measures": [
                      {"kind": "TAKING_EVIDENCE_OR_STATEMENTS", "specifics": "Hear witness W-17 by video conference"},
                      {"kind": "PROVIDING_DOCUMENTS_AND_RECORDS", "specifics": "Bank records of account AR-0042, 2021-2023"}
                    ],
                    "purpose": "Establish the suspect's command responsibility",
                    "contact": {"name": "J. de Vries", "email": "j.devries@nl.demo", "phone": "+31 70 000 0001"},
                    "language": "en"
                  }
                }""".formatted(requestedState);
    }

    static ValidatableResponse submit(String realm, String body) {
        return as(realm).body(body).post("/api/requests").then();
    }

    static String submitted(String realm, String requestedState) {
        return submit(realm, submission(requestedState)).statusCode(201).extract().path("case.id");
    }

    static ValidatableResponse act(String realm, String id, String action, int version, Object body) {
        return as(realm).header("If-Match", "\"" + version + "\"").body(body).post("/api/requests/" + id + "/" + action).then();
    }

    static int version(String realm, String id) {
        return Integer.parseInt(as(realm).get("/api/requests/" + id).then().statusCode(200).extract().header("ETag").replace("\"", ""));
    }

    /** Takes an action at the request's current version and expects it to succeed. */
    static ValidatableResponse step(String realm, String id, String action, Object body) {
        return act(realm, id, action, version(realm, id), body).statusCode(200);
    }

    /** The management interface's port in tests (operator commands, /q/metrics). */
    static int managementPort() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001);
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
