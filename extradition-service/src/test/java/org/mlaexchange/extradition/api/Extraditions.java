package org.mlaexchange.extradition.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.mlaexchange.platform.testing.Tokens;

/**
 * The extradition API as a State's central authority uses it, with real tokens from its own realm. Every
 * person is made up afresh (name and passport), so cases of different tests never look like the same person.
 */
final class Extraditions {

    static final String REQUEST_TOPIC = "extradition-test.mla.request.events";
    static final String EVIDENCE_TOPIC = "extradition-test.mla.evidence.events";

    private Extraditions() {
    }

    static RequestSpecification as(String realm) {
        return given().auth().oauth2(Tokens.officer(realm)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A passport number no other test uses. */
    static String passport() {
        return "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    /** A person with a made-up name (a letters-only surname of its own), born in 1961, holding that passport. */
    static Map<String, Object> person(String passport, boolean protectedPerson, String nationality) {
        StringBuilder surname = new StringBuilder("Q");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            surname.append((char) ('a' + random.nextInt(26)));
        }
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("names", List.of("Pieter Jan " + surname));
        person.put("aliases", List.of());
        person.put("dateOfBirth", "1961-04-17");
        person.put("placeOfBirth", "Rotterdam");
        person.put("nationalities", List.of(nationality));
        person.put("identifiers", List.of(Map.of("kind", "PASSPORT", "value", passport, "issuingState", nationality)));
        person.put("description", "1.85 m, grey hair");
        person.put("protectedPerson", protectedPerson);
        return person;
    }

    static Map<String, Object> person() {
        return person(passport(), false, "AR");
    }

    static Map<String, Object> offence() {
        return Map.of("qualification", Map.of("category", "CRIMES_AGAINST_HUMANITY", "law", "International Crimes Act, s. 4",
                        "penalty", "life imprisonment"),
                "description", "Torture of detainees at a site run by the person",
                "committedFrom", "2021-01-10", "committedTo", "2023-06-30", "place", "Northern province");
    }

    static Map<String, Object> warrant() {
        return Map.of("kind", "ARREST_WARRANT", "reference", "RC-2026-0142", "issuingAuthority", "Rechtbank Den Haag",
                "issuedOn", "2026-01-15");
    }

    static Map<String, Object> contact() {
        return Map.of("name", "J. de Vries", "email", "j.devries@nl.demo", "phone", "+31 70 000 0001");
    }

    static Map<String, Object> document(String title) {
        return Map.of("title", title);
    }

    static Map<String, Object> formalRequest(Map<String, Object> person, List<Map<String, Object>> documents) {
        return Map.of("person", person, "offences", List.of(offence()), "warrant", warrant(), "documents", documents,
                "contact", contact());
    }

    static Map<String, Object> formalRequest(Map<String, Object> person) {
        return formalRequest(person, List.of(document("Warrant of arrest, certified copy"), document("Statement of the facts and the law")));
    }

    /** Body of {@code POST /api/extraditions}. */
    static Map<String, Object> submission(String requestedState, Map<String, Object> formalRequest) {
        return Map.of("requestedState", requestedState, "channel", "DIRECT", "request", formalRequest);
    }

    /** Body of {@code POST /api/extraditions/provisional-arrests}. */
    static Map<String, Object> provisionalArrest(String requestedState, Map<String, Object> person) {
        return Map.of("requestedState", requestedState, "channel", "DIRECT", "request", Map.of(
                "person", person, "offences", List.of(offence()), "warrant", warrant(),
                "whereabouts", "Believed to stay in Buenos Aires", "urgencyReasons", "The person is about to leave the country",
                "contact", contact(), "formalRequestToFollow", true));
    }

    static ValidatableResponse submit(String realm, Object body) {
        return as(realm).body(body).post("/api/extraditions").then();
    }

    /** A formal request from {@code realm}'s State to {@code requestedState} for a person of its own; returns the case id. */
    static String submitted(String realm, String requestedState) {
        return submit(realm, submission(requestedState, formalRequest(person()))).statusCode(201).extract().path("case.id");
    }

    static ValidatableResponse act(String realm, String id, String action, int version, Object body) {
        return as(realm).header("If-Match", "\"" + version + "\"").body(body).post("/api/extraditions/" + id + "/" + action).then();
    }

    static int version(String realm, String id) {
        return Integer.parseInt(as(realm).get("/api/extraditions/" + id).then().statusCode(200).extract().header("ETag").replace("\"", ""));
    }

    /** Takes an action at the case's current version and expects it to succeed. */
    static ValidatableResponse step(String realm, String id, String action, Object body) {
        return act(realm, id, action, version(realm, id), body).statusCode(200);
    }

    static Map<String, Object> acknowledgement() {
        return Map.of("caseReference", "AR-EXT-2026-9",
                "contact", Map.of("name", "M. Gómez", "email", "mgomez@ar.demo", "phone", "+54 11 0000 0001"));
    }

    static Map<String, Object> grant() {
        return Map.of("conditions", List.of("Credit for time served in custody here"));
    }

    static Map<String, Object> surrenderOn(LocalDate date) {
        return Map.of("arrangements", Map.of("place", "Ezeiza International Airport", "date", date.toString(),
                "details", "Escort of two officers"));
    }

    /** The types of a case's events, without prefix and version: "extradition-requested", "granted"... */
    static List<String> shortTypes(List<String> types) {
        List<String> result = new ArrayList<>();
        types.forEach(t -> result.add(t.replace("org.mlaexchange.extradition.", "").replace(".v1", "")));
        return result;
    }
}
