package org.mlaexchange.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The public pages without any service: security headers, languages, sign-in redirects. */
@QuarkusTest
class StartPageTest {

    @Test
    void startPageHasStrictHeadersAndNoInlineScript() {
        given().when().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", "nosniff")
                .header("Set-Cookie", containsString("HttpOnly"))
                .body(containsString("id=\"sign-in-nl\""))
                .body(not(containsString("<script>")))
                .body(not(containsString(" style=")))
                .body(not(containsString(" onclick=")));
    }

    @Test
    void languageFollowsTheBrowserThenTheOfficersChoice() {
        given().header("Accept-Language", "es-AR,es;q=0.9").when().get("/").then()
                .body(containsString("lang=\"es\""));
        given().redirects().follow(false).when().get("/lang/fr?back=/").then().statusCode(303)
                .cookie("mla-lang", "fr");
        given().cookie("mla-lang", "fr").header("Accept-Language", "en").when().get("/").then()
                .body(containsString("Connectez-vous"));
    }

    @Test
    void languageSwitchNeverRedirectsOffSite() {
        given().redirects().follow(false).when().get("/lang/en?back=//evil.example/").then().statusCode(303)
                .header("Location", not(containsString("evil")));
    }
}
