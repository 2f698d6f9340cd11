package org.mlaexchange.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Spontaneous information and the statistics in Chromium, against the running stack and the real Keycloak sign-in:
 * NL's officer sends information to AR through the form (first without the information itself: the service's error
 * beside the field, nothing typed lost); AR's officer finds it among what AR received, acknowledges it, and a form
 * left from before gets "this case changed"; AR's officer opens the statistics and downloads a service's CSV; SN's
 * officer is told the case does not exist. axe-core on every page. English only, to keep the browser time short.
 */
@Tag("browser")
class SpontaneousScenarioTest {

    private final List<Browser> browsers = new ArrayList<>();

    @BeforeAll
    static void stackIsUp() {
        String requests = "http://127.0.0.1:" + System.getProperty("browser.service-ports", "8081,8082,8083").split(",")[0].strip();
        Browser.requireUp(Browser.CONSOLE + "/q/health/ready", requests + "/q/health/ready");
    }

    @Test
    void sentAcknowledgedCountedAndHiddenFromAThirdState() throws Exception {
        try {
            scenario();
        } catch (Throwable t) {
            browsers.forEach(b -> b.saveEvidenceOfFailure("spontaneous"));
            throw t;
        } finally {
            for (Browser b : browsers) {
                b.axeReport.forEach(line -> System.out.println("[axe spontaneous] " + line));
                b.close();
            }
        }
    }

    private Browser browser(String name) throws Exception {
        Browser b = new Browser(name);
        browsers.add(b);
        return b;
    }

    private void scenario() throws Exception {
        String marker = "Detention site S-" + Long.toString(System.currentTimeMillis(), 36);

        // ---- NL's officer sends spontaneous information to AR
        Browser nl = browser("nl-spontaneous");
        nl.signIn("en", "nl", "officer", "officer");
        nl.el("nav-spontaneous").click();
        nl.el("send-spontaneous");
        nl.axe("spontaneous information (NL)");
        nl.el("send-spontaneous").click();
        nl.el("spontaneous-form");
        nl.select("send-receivingState", "AR");
        nl.type("send-information-providingAuthority-name", "Public Prosecution Service, The Hague");
        nl.type("send-information-subjectMatter", marker);
        nl.type("send-information-personsConcerned-0-identity", "Witness W-17");
        nl.el("send-information-personsConcerned-0-protectedPerson").click();
        nl.type("send-information-contact-name", "J. de Vries");
        nl.type("send-information-contact-email", "j.devries@nl.demo");
        nl.type("send-conditions-permittedUse", "Investigation of the detention site only");
        nl.type("send-conditions-useLimits", "No onward transfer");
        // without the information itself: the service's error beside the field, nothing typed lost
        nl.submit("submit-send");
        nl.el("message");
        assertTrue(nl.exists(By.cssSelector("[data-field-error='information.summary']")), "field error beside the information");
        assertEquals(marker, nl.attr("send-information-subjectMatter", "value"), "typed values kept after an error");
        assertEquals("true", nl.el("send-information-personsConcerned-0-protectedPerson").getAttribute("checked"), "a ticked box kept");
        nl.axe("send spontaneous information with an error (NL)");
        nl.screenshot("spontaneous-send-error.png", true);
        nl.type("send-information-summary", "Witness W-17 named the commander of the detention site.");
        nl.submit("submit-send");
        nl.wait.until(ExpectedConditions.urlMatches("/nl/spontaneous-information/[0-9a-f-]{36}"));
        String path = URI.create(nl.driver.getCurrentUrl()).getPath();
        String id = path.substring(path.lastIndexOf('/') + 1);
        assertEquals("SENT", nl.attr("case-status", "data-status"));
        assertTrue(nl.exists(By.cssSelector("#receipts [data-prove]")), "the sending's receipt with a prove link");
        nl.axe("spontaneous information sent (NL)");

        // ---- AR's officer finds it among what AR received and acknowledges it
        Browser ar = browser("ar-spontaneous");
        ar.signIn("en", "ar", "officer", "officer");
        ar.open("/ar/spontaneous-information?role=receiving");
        WebElement row = ar.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-case='" + id + "'] a")));
        row.click();
        ar.wait.until(ExpectedConditions.urlContains(id));
        assertEquals("Investigation of the detention site only", ar.text("permitted-use"));
        String seen = ar.driver.findElement(By.cssSelector("form[data-action='acknowledge'] input[name='etag']")).getAttribute("value");
        ar.axe("spontaneous information received (AR)");
        ar.actionForm("acknowledge");
        ar.type("acknowledge-caseReference", "AR-SI-1");
        ar.type("acknowledge-contact-name", "M. Gómez");
        ar.type("acknowledge-contact-email", "mgomez@ar.demo");
        ar.submit("submit-acknowledge");
        ar.wait.until(ExpectedConditions.attributeToBe(By.id("case-status"), "data-status", "ACKNOWLEDGED"));
        assertTrue(ar.exists(By.cssSelector("#receipts [data-prove]")), "the acknowledgement's receipt");
        ar.axe("spontaneous information acknowledged (AR)");
        ar.screenshot("spontaneous-acknowledged.png", true);
        // a form of the case as it was before the acknowledgement: "this case changed", with what changed
        WebElement consent = ar.actionForm("request-use-consent");
        ar.driver.executeScript("arguments[0].querySelector(\"input[name='etag']\").value = arguments[1];"
                + "arguments[0].querySelector(\"input[name='version']\").value = '1';", consent, seen);
        ar.select("request-use-consent-purpose", "OTHER_PROCEEDINGS");
        ar.type("request-use-consent-description", "Trial of the commander");
        ar.submit("submit-request-use-consent");
        ar.wait.until(ExpectedConditions.attributeToBe(By.id("message"), "data-kind", "stale"));
        assertEquals("Trial of the commander", ar.el("request-use-consent-description").getAttribute("value"), "typed text kept");

        // ---- the statistics: charts with their numbers, and a CSV through the console
        ar.el("nav-statistics").click();
        ar.el("statistics-filter");
        ar.setValue("from", "2026-01-01");
        ar.submit("apply-statistics");
        ar.wait.until(ExpectedConditions.urlContains("from=2026-01-01"));
        assertTrue(ar.exists(By.cssSelector("#stats-request-service table[data-chart='casesByStatus'] svg rect")), "a chart of cases by status");
        ar.axe("statistics (AR)");
        ar.screenshot("statistics.png", true);
        String csvLink = ar.attr("csv-request-service", "href");
        Object csv = ar.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(function (r) { return r.text().then(function (t) { done(r.status + ' ' + r.headers.get('content-disposition') + '\\n' + t); }); })"
                + ".catch(function (e) { done('ERROR ' + e); });", csvLink);
        assertTrue(String.valueOf(csv).startsWith("200 attachment"), String.valueOf(csv));
        assertTrue(String.valueOf(csv).contains("figure,key,value"), String.valueOf(csv));

        // ---- SN's officer: the case does not exist
        Browser sn = browser("sn-spontaneous");
        sn.signIn("en", "sn", "officer", "officer");
        sn.open("/sn/spontaneous-information/" + id);
        sn.el("does-not-exist");
        assertFalse(sn.driver.getPageSource().contains(marker), "nothing of the case leaks to SN");
        sn.axe("spontaneous information does not exist (SN)");
    }
}
