package org.mlaexchange.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The officers' scenario of issue 15 in Chromium, against the running stack and the real Keycloak sign-in
 * pages: NL composes and submits a request to AR with two typed measures (a hearing by video conference, bank records)
 * through the composer's forms; AR (a second browser) acknowledges,
 * consults, accepts, hands over a 50 MB file watching the progress bar and dispatches; NL downloads it,
 * its browser's digest matches, it signs the receipt and the item is VERIFIED; SN is told the case does
 * not exist; NL's auditor reads it without any action. Once in English, once in French.
 * Run by deploy/local/stack test (./mvnw -pl console test -Pbrowser) once the services are up.
 */
@Tag("browser")
class OfficersScenarioTest {

    static final long FILE_SIZE = 50L * 1024 * 1024 + 12345;
    private final List<Browser> browsers = new ArrayList<>();

    @BeforeAll
    static void stackIsUp() {
        List<String> urls = new ArrayList<>(List.of(Browser.CONSOLE + "/q/health/ready"));
        for (String port : System.getProperty("browser.service-ports", "8081,8082,8083").split(",")) {
            urls.add("http://127.0.0.1:" + port.strip() + "/q/health/ready");
        }
        for (String url : urls) {
            require(up(url), "not running: " + url + " (start the stack: deploy/local/stack run)");
        }
    }

    @ParameterizedTest(name = "officers'' scenario in {0}")
    @ValueSource(strings = {"en", "fr"})
    void officersScenario(String lang) throws Exception {
        try {
            scenario(lang);
        } catch (Throwable t) {
            for (Browser b : browsers) {
                b.saveEvidenceOfFailure("scenario-" + lang);
            }
            throw t;
        } finally {
            for (Browser b : browsers) {
                b.axeReport.forEach(line -> System.out.println("[axe " + lang + "] " + line));
                b.close();
            }
            browsers.clear();
        }
    }

    private Browser browser(String name) throws IOException {
        Browser b = new Browser(name);
        browsers.add(b);
        return b;
    }

    private void scenario(String lang) throws Exception {
        // screenshots for the README in both languages: docs/console/ (English) and docs/console/fr/
        boolean docs = true;

        // ---- NL's officer composes a request to AR with two typed measures
        Browser nl = browser("nl-officer-" + lang);
        nl.signIn(lang, "nl", "officer", "officer");
        nl.axe("inbox");
        System.out.println("[timing " + lang + "] NL inbox: " + nl.timing());
        nl.open("/nl/requests/new");
        nl.axe("composer");
        String marker = "ICU-" + lang + "-" + System.currentTimeMillis();
        String markup = "<script>alert('x')</script><b>bold</b> " + marker;
        nl.select("requestedState", "AR");
        nl.select("content-language", "en"); // AR accepts English and Spanish, whatever the console speaks
        nl.type("content-requestingAuthority-name", "Central Authority of the Netherlands");
        nl.type("content-proceedingsAuthority-name", "National Public Prosecutor, International Crimes Unit");
        nl.select("content-proceedings-nature", "INVESTIGATION");
        nl.type("content-proceedings-subjectMatter", markup);
        nl.type("content-proceedings-caseNumber", marker);
        nl.select("content-legalQualification-category", "CRIMES_AGAINST_HUMANITY");
        nl.type("content-legalQualification-law", "International Crimes Act, s. 4");
        nl.type("content-legalQualification-penalty", "life imprisonment");
        // the measures name the persons concerned by their row of the same form
        nl.type("content-personsConcerned-0-identity", "Witness W-17");
        nl.type("content-personsConcerned-0-location", "Buenos Aires");
        // a typed hearing by video conference, without JavaScript: pick the kind, "Add a measure of this kind"
        nl.select("content-measures-0-kind", "TAKING_EVIDENCE_OR_STATEMENTS");
        updateForm(nl, "update-measure-0");
        nl.type("content-measures-0-specifics", "Hear witness W-17 by video conference");
        nl.select("content-measures-0-persons-0-person", "0");
        nl.select("content-measures-0-persons-0-status", "WITNESS");
        nl.type("content-measures-0-questions", "Conditions of detention at the site\nWho gave orders to the guards");
        nl.type("content-measures-0-interpreterLanguages", "es");
        nl.setValue("content-measures-0-videoConference-proposedDates-0", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(7).toString());
        nl.select("content-measures-0-videoConference-ledBy", "REQUESTING_STATE");
        nl.type("content-measures-0-videoConference-officialsPresent", "Investigating judge, Rotterdam District Court");
        nl.axe("composer with a typed measure");
        // the second measure: first picked as freezing assets, then changed to documents and records, nothing typed lost
        nl.select("content-measures-1-kind", "FREEZING_AND_CONFISCATION_OF_ASSETS");
        updateForm(nl, "update-measure-1");
        assertEquals("Hear witness W-17 by video conference", nl.attr("content-measures-0-specifics", "value"),
                "typed values kept when the form is updated");
        nl.type("content-measures-1-holder", "Banco Ejemplo S.A., Buenos Aires");
        nl.select("content-measures-1-kind", "PROVIDING_DOCUMENTS_AND_RECORDS");
        updateForm(nl, "update-measure-1");
        assertEquals("Banco Ejemplo S.A., Buenos Aires", nl.attr("content-measures-1-holder", "value"), "a field both kinds have keeps its value");
        nl.type("content-measures-1-specifics", "Bank records of account AR-0042, 2021-2023");
        nl.type("content-measures-1-identifiers", "AR-0042");
        nl.setValue("content-measures-1-periodFrom", "2021-01-01");
        nl.setValue("content-measures-1-periodTo", "2023-12-31");
        nl.select("content-measures-1-certification", "CERTIFIED_COPIES");
        nl.type("content-purpose", "Establish the command responsibility of the suspect");
        nl.type("content-contact-name", "J. de Vries");
        nl.type("content-contact-email", "j.devries@nl.demo");
        // first without the summary of facts: the service's field error appears next to the field, nothing typed is lost
        nl.submit("submit-request");
        nl.el("message");
        assertTrue(nl.exists(By.cssSelector("[data-field-error='content.summaryOfFacts']")), "field error next to the summary of facts");
        assertEquals(marker, nl.attr("content-proceedings-caseNumber", "value"), "typed values kept after an error");
        assertEquals("REQUESTING_STATE", nl.attr("content-measures-0-videoConference-ledBy", "value"), "the typed measure kept after an error");
        nl.axe("composer with errors");
        if (docs) {
            nl.screenshot("composer-field-error.png", true);
        }
        nl.type("content-summaryOfFacts", "Between 2021 and 2023 civilians were detained and tortured at a site run by the suspect.");
        nl.submit("submit-request");
        nl.wait.until(ExpectedConditions.urlMatches("/nl/requests/[0-9a-f-]{36}"));
        String requestPath = URI.create(nl.driver.getCurrentUrl()).getPath();
        String requestId = requestPath.substring(requestPath.lastIndexOf('/') + 1);
        assertEquals("SUBMITTED", nl.attr("case-status", "data-status"));
        assertTrue(nl.exists(By.cssSelector("#receipts [data-prove]")), "the submission's receipt with a prove link");
        // user text is text: the markup shows as typed, no element made of it
        assertTrue(nl.text("subject-matter").contains("<script>alert('x')</script><b>bold</b>"), "markup rendered as text");
        assertFalse(nl.exists(By.cssSelector("#subject-matter b")), "no element from user text");
        String proveLink = nl.driver.findElement(By.cssSelector("#receipts [data-prove]")).getAttribute("href");
        nl.axe("request (submitted)");
        if (docs) {
            nl.screenshot("request-submitted.png", true);
        }

        // ---- AR's officer, in a second browser, finds it in the inbox and decides
        Browser ar = browser("ar-officer-" + lang);
        ar.signIn(lang, "ar", "officer", "officer");
        ar.open("/ar/inbox");
        // htmx (under the strict CSP): changing a filter reloads the list in place and the URL follows
        ar.select("f-role", "requested");
        ar.wait.until(ExpectedConditions.urlContains("role=requested"));
        ar.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("requests")));
        // the nearest due date first: older cases of earlier runs may come before it, so follow the pages
        for (int page = 0; page < 100 && !ar.exists(By.cssSelector("tr[data-case='" + requestId + "'] a")); page++) {
            ar.driver.findElement(By.cssSelector("#cases a[rel='next'][href*='after=']")).click();
            ar.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("requests")));
        }
        WebElement row = ar.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-case='" + requestId + "'] a")));
        ar.axe("inbox (AR)");
        if (docs) {
            ar.screenshot("inbox.png", true);
        }
        row.click();
        ar.wait.until(ExpectedConditions.urlContains(requestId));
        require(ar.exists(By.id("action-acknowledge")),
                "request-service does not yet list allowedActions in the case's GET: the console shows no action forms");
        ar.axe("request (AR)");
        ar.keyboardReachable("request (AR)");
        ar.actionForm("acknowledge");
        ar.keyboardReachable("request (AR), acknowledge form open");
        ar.type("acknowledge-caseReference", "AR-MLA-" + lang);
        ar.type("acknowledge-contact-name", "M. Gómez");
        ar.type("acknowledge-contact-email", "mgomez@ar.demo");
        ar.submit("submit-acknowledge");
        ar.wait.until(ExpectedConditions.attributeToBe(By.id("case-status"), "data-status", "ACKNOWLEDGED"));
        ar.actionForm("open-consultation");
        ar.type("open-consultation-matters", "Use of the bank records in other proceedings");
        ar.submit("submit-open-consultation");
        ar.wait.until(ExpectedConditions.attributeToBe(By.id("case-status"), "data-status", "CONSULTATION"));
        ar.actionForm("accept");
        ar.submit("submit-accept");
        ar.wait.until(ExpectedConditions.attributeToBe(By.id("case-status"), "data-status", "ACCEPTED"));
        ar.axe("request accepted (AR)");
        if (docs) {
            ar.screenshot("request-accepted.png", true);
        }

        // ---- AR hands over the evidence: a transfer, an item, 50 MB hashed in the browser and uploaded
        openTransferWhenKnown(ar);
        String transferPath = URI.create(ar.driver.getCurrentUrl()).getPath();
        String transferId = transferPath.substring(transferPath.lastIndexOf('/') + 1);
        ar.axe("transfer (AR)");
        ar.select("item-kind", "AUDIO_VIDEO_RECORDING");
        ar.type("item-description", "Video-conference hearing of witness W-17");
        ar.type("item-media", "video/mp4");
        ar.type("prov-method", "Video conference");
        ar.setValue("prov-on", "2026-11-03"); // a date input's value is ISO whatever the picker's locale
        ar.type("item-basis", "MLA request " + requestId);
        ar.type("prov-place", "Buenos Aires");
        ar.type("prov-by", "Juzgado Federal N. 3");
        ar.type("cond-limits", "Proceedings " + marker + " only");
        ar.submit("submit-register");
        ar.wait.until(ExpectedConditions.urlMatches("/ar/items/[0-9a-f-]{36}"));
        String itemPath = URI.create(ar.driver.getCurrentUrl()).getPath();
        String itemId = itemPath.substring(itemPath.lastIndexOf('/') + 1);
        ar.axe("item registered (AR)");
        Path file = evidenceFile(lang);
        String sha256 = sha256(file);
        ar.el("upload-file").sendKeys(file.toAbsolutePath().toString());
        ar.wait.until(ExpectedConditions.elementToBeClickable(By.id("upload-start"))).click();
        TreeSet<Integer> seen = watchProgress(ar);
        ar.wait.until(ExpectedConditions.urlContains("done=content"));
        System.out.println("[upload " + lang + "] progress values seen: " + seen);
        assertTrue(seen.stream().anyMatch(v -> v > 0 && v < 100), "the progress bar moved: " + seen);
        assertEquals("CONTENT_STORED", ar.attr("item-status", "data-status"));
        assertEquals(sha256, ar.text("stored-digest"), "the service stored what the browser hashed");
        ar.axe("item stored (AR)");
        ar.open("/ar/transfers/" + transferId);
        require(ar.exists(By.id("action-dispatch")),
                "evidence-service does not yet list allowedActions for transfers: no dispatch form");
        ar.actionForm("dispatch");
        ar.type("dispatch-reference", "AR-TR-" + lang);
        ar.submit("submit-dispatch");
        ar.wait.until(ExpectedConditions.attributeToBe(By.id("transfer-status"), "data-status", "DISPATCHED"));
        ar.axe("transfer dispatched (AR)");

        // ---- NL receives: its browser's own digest, the receipt, VERIFIED
        nl.open(requestPath);
        nl.type("transfer-id", transferId);
        nl.submit("find-transfer");
        nl.wait.until(ExpectedConditions.urlContains(transferId));
        nl.axe("transfer (NL)");
        nl.driver.findElement(By.cssSelector("tr[data-item='" + itemId + "'] a")).click();
        nl.wait.until(ExpectedConditions.urlContains(itemId));
        nl.submit("verify-start");
        nl.wait.until(d -> {
            String s = d.findElement(By.id("verify-state")).getAttribute("data-state");
            return "match".equals(s) || "mismatch".equals(s) || "error".equals(s);
        });
        assertEquals("match", nl.attr("verify-state", "data-state"), nl.text("verify-state"));
        assertEquals(sha256, nl.attr("verify-state", "data-digest"));
        assertEquals(sha256, nl.attr("receipt-sha256", "value"), "the receipt carries the browser's digest");
        nl.axe("item digest checked (NL)");
        if (docs) {
            nl.screenshot("item-digest-match.png", true);
        }
        nl.submit("submit-receipt");
        nl.wait.until(ExpectedConditions.attributeToBe(By.id("item-status"), "data-status", "VERIFIED"));
        assertTrue(nl.text("item-receipt").contains(sha256));
        nl.axe("item verified (NL)");
        if (docs) {
            nl.screenshot("item-verified.png", true);
        }

        // ---- SN's officer: the case does not exist
        Browser sn = browser("sn-officer-" + lang);
        sn.signIn(lang, "sn", "officer", "officer");
        sn.open("/sn/requests/" + requestId);
        sn.el("does-not-exist");
        assertFalse(sn.driver.getPageSource().contains(marker), "nothing of the case leaks to SN");
        sn.axe("does not exist (SN)");

        // ---- NL's auditor: read-only, and proves NL's receipt
        Browser auditor = browser("nl-auditor-" + lang);
        auditor.signIn(lang, "nl", "auditor", "auditor");
        auditor.open(requestPath);
        auditor.el("read-only");
        assertFalse(auditor.exists(By.cssSelector("#actions form")), "no action form for an auditor");
        auditor.axe("request (NL auditor)");
        if (docs) {
            auditor.screenshot("request-auditor.png", true);
        }
        auditor.driver.get(proveLink);
        auditor.el("proof-result");
        System.out.println("[proof " + lang + "] " + auditor.text("proof-result").replace('\n', ' '));
        assertEquals("true", auditor.attr("proof-result", "data-proven"), "NL's receipt proven against the signed log");
        auditor.axe("proof (NL auditor)");
    }

    /** "Update the form" (no JavaScript): the composer comes back with what was typed and the kinds' fields. */
    private static void updateForm(Browser b, String button) {
        WebElement before = b.el(button);
        b.submit(button);
        b.wait.until(ExpectedConditions.stalenessOf(before));
        b.el(button);
    }

    /**
     * A precondition: skips the scenario when run by hand without the stack, fails it where it must run
     * (deploy/local/stack test passes -Dbrowser.required=true).
     */
    private static void require(boolean condition, String why) {
        if (Boolean.getBoolean("browser.required")) {
            assertTrue(condition, why);
        } else {
            Assumptions.assumeTrue(condition, why);
        }
    }

    /** The evidence service learns of the accepted request from Kafka: the transfer can be opened once it has. */
    private static void openTransferWhenKnown(Browser ar) throws InterruptedException {
        String casePage = ar.driver.getCurrentUrl().replaceAll("\\?.*", "");
        for (int i = 0; i < 60; i++) {
            ar.submit("open-transfer");
            ar.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
            if (ar.driver.getCurrentUrl().matches(".*/ar/transfers/[0-9a-f-]{36}.*")) {
                return;
            }
            Thread.sleep(500);
            ar.driver.get(casePage);
        }
        throw new AssertionError("the evidence service did not accept a transfer for the request within 30 s");
    }

    /** Samples both progress bars while the browser hashes and uploads. */
    private static TreeSet<Integer> watchProgress(Browser b) throws InterruptedException {
        TreeSet<Integer> seen = new TreeSet<>();
        long until = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < until) {
            try {
                if (b.driver.getCurrentUrl().contains("done=content")) {
                    break;
                }
                seen.add((int) Double.parseDouble(b.driver.findElement(By.id("upload-progress")).getAttribute("value")));
                String state = b.driver.findElement(By.id("upload-state")).getAttribute("data-state");
                if ("error".equals(state)) {
                    throw new AssertionError("upload failed: " + b.text("upload-state"));
                }
            } catch (org.openqa.selenium.WebDriverException e) {
                break; // the page moved on to the stored item
            }
            Thread.sleep(25);
        }
        return seen;
    }

    private static Path evidenceFile(String lang) throws IOException {
        Files.createDirectories(Browser.TARGET);
        Path file = Browser.TARGET.resolve("hearing-" + lang + ".mp4");
        Random random = new Random(lang.hashCode());
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            long left = FILE_SIZE;
            while (left > 0) {
                random.nextBytes(block);
                int n = (int) Math.min(block.length, left);
                out.write(block, 0, n);
                left -= n;
            }
        }
        return file;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static boolean up(String url) {
        try {
            HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
