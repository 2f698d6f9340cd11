package org.mlaexchange.extradition.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.mlaexchange.extradition.api.Extraditions.as;
import static org.mlaexchange.extradition.api.Extraditions.step;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlaexchange.platform.testing.Tokens;

/** A third State asked for transit sees the case while it is involved, and nothing before or after. */
@QuarkusTest
class TransitVisibilityTest {

    static final Map<String, Object> TRANSIT_BY_SN = Map.of("transitState", "SN", "airTransitWithoutLanding", false,
            "details", "Flight AR 1140 Buenos Aires - Dakar, then KL 590 Dakar - Amsterdam, 12 May, escorted");

    @Test
    void senegalSeesTheCaseWhileItsTransitIsUnderWay() {
        String id = granted();
        assertInvisibleTo("sn", id);

        step("nl", id, "request-transit", TRANSIT_BY_SN).body("case.transits[0].active", equalTo(true));
        as("sn").get("/api/extraditions/" + id).then().statusCode(200).body("status", equalTo("GRANTED"));
        as("sn").get("/api/extraditions/" + id + "/history").then().statusCode(200);
        as("sn").get("/api/extraditions?role=transit&limit=100").then().statusCode(200).body("items.id", hasItem(id));
        as("sn").get("/api/extraditions?limit=100").then().body("items.id", hasItem(id));
        as("sn").get("/api/extraditions?role=requested&limit=100").then().body("items.id", not(hasItem(id)));
        given().auth().oauth2(Tokens.auditor("sn")).get("/api/audit/cases/" + id).then().statusCode(200);

        // only the transit State decides the transit
        Extraditions.act("ar", id, "decide-transit", Extraditions.version("ar", id), Map.of("decision", "AUTHORISED"))
                .statusCode(403).body("type", equalTo("urn:mla-exchange:problem:wrong-party"));
        step("sn", id, "decide-transit", Map.of("decision", "AUTHORISED", "conditions", List.of("Escort stays on board")))
                .body("case.transits[0].decision", equalTo("AUTHORISED"));

        step("ar", id, "schedule-surrender", Extraditions.surrenderOn(LocalDate.now().plusDays(3)));
        step("ar", id, "record-surrender", Map.of("note", "Handed over")).body("case.status", equalTo("SURRENDERED"));
        // the transit is done: SN no longer sees the case
        assertInvisibleTo("sn", id);
        given().auth().oauth2(Tokens.auditor("sn")).get("/api/audit/cases/" + id).then().statusCode(404);
        Extraditions.act("sn", id, "decide-transit", 6, Map.of("decision", "AUTHORISED")).statusCode(404);

        as("ar").get("/api/extraditions?role=requested&limit=100").then().body("items.id", hasItem(id));
        as("nl").get("/api/extraditions?role=requesting&limit=100").then().body("items.id", hasItem(id));
        as("nl").get("/api/extraditions?role=transit&limit=100").then().body("items.id", not(hasItem(id)));
    }

    @Test
    void aRefusalOfTransitEndsTheInvolvementAtOnce() {
        String id = granted();
        step("nl", id, "request-transit", TRANSIT_BY_SN);
        step("sn", id, "decide-transit", Map.of("decision", "REFUSED", "reasons", "No escort available on that date"))
                .body("case.transits[0].active", equalTo(false));
        assertInvisibleTo("sn", id);
        as("nl").get("/api/extraditions/" + id).then().statusCode(200).body("transits[0].decision", equalTo("REFUSED"));
    }

    /** NL → AR, acknowledged and granted. */
    private static String granted() {
        String id = Extraditions.submitted("nl", "AR");
        step("ar", id, "acknowledge", Extraditions.acknowledgement());
        step("ar", id, "grant", Extraditions.grant());
        return id;
    }

    private static void assertInvisibleTo(String realm, String id) {
        as(realm).get("/api/extraditions/" + id).then().statusCode(404);
        as(realm).get("/api/extraditions/" + id + "/history").then().statusCode(404);
        as(realm).get("/api/extraditions?limit=100").then().statusCode(200).body("items.id", not(hasItem(id)));
        as(realm).get("/api/extraditions?role=transit&limit=100").then().statusCode(200).body("items.id", not(hasItem(id)));
    }
}
