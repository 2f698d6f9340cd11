package org.mlaexchange.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One officer's browser: Debian's Chromium and chromedriver (never a download), headless, a fresh
 * profile. Every console page it opens is checked with axe-core (serious and critical violations fail).
 */
final class Browser implements AutoCloseable {

    static final String CONSOLE = System.getProperty("console.url", "http://127.0.0.1:8080");
    static final Path TARGET = Path.of("target", "browser");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String axeSource;

    final String name;
    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profile;
    final List<String> axeReport = new ArrayList<>();
    /** The language signed in with: screenshots are named after it. */
    private String lang = "en";

    Browser(String name) throws IOException {
        this.name = name;
        System.setProperty("webdriver.chrome.driver", System.getProperty("chromedriver", "/usr/bin/chromedriver"));
        profile = Files.createTempDirectory("mla-console-" + name);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("webdriver.chrome.driver")).toFile()).build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        // a condition that found an element just before the page changed under it (a form's answer, an htmx swap)
        // looks again on the next poll instead of failing (the clean-clone run at 00:32 on 3 December)
        wait.ignoring(StaleElementReferenceException.class);
    }

    /**
     * A scenario's precondition: these health URLs answer. Skips the scenario when run by hand without the stack, fails it
     * where it must run (deploy/local/stack test passes -Dbrowser.required=true).
     */
    static void requireUp(String... urls) {
        for (String url : urls) {
            boolean up;
            try {
                up = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                        .timeout(Duration.ofSeconds(3)).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (Exception e) {
                up = false;
            }
            if (Boolean.getBoolean("browser.required")) {
                org.junit.jupiter.api.Assertions.assertTrue(up, "not running: " + url);
            } else {
                org.junit.jupiter.api.Assumptions.assumeTrue(up, "not running: " + url + " (start the stack: deploy/local/stack run)");
            }
        }
    }

    /** Opens a console page (path from the console's root). */
    Browser open(String path) {
        driver.get(CONSOLE + path);
        return this;
    }

    /** Picks the State on the start page and signs in on its real Keycloak page, typing the credentials. */
    Browser signIn(String lang, String realm, String user, String password) {
        this.lang = lang;
        open("/lang/" + lang + "?back=/");
        axe("start");
        driver.findElement(By.id("sign-in-" + realm)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.urlContains("/" + realm + "/inbox"));
        return this;
    }

    WebElement el(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    boolean exists(By by) {
        return !driver.findElements(by).isEmpty();
    }

    void type(String id, String text) {
        WebElement e = el(id);
        e.clear();
        e.sendKeys(text);
    }

    void setValue(String id, String value) {
        driver.executeScript("arguments[0].value = arguments[1]", el(id), value);
    }

    void select(String id, String value) {
        new Select(el(id)).selectByValue(value);
    }

    /** Opens the action's form (a details element) and returns it. */
    WebElement actionForm(String action) {
        WebElement summary = el("action-" + action);
        summary.click();
        return driver.findElement(By.cssSelector("form[data-action='" + action + "']"));
    }

    void submit(String id) {
        WebElement button = el(id);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    String text(String id) {
        return el(id).getText();
    }

    String attr(String id, String attribute) {
        return el(id).getAttribute(attribute);
    }

    /** axe-core on the current page (WCAG 2.x A and AA rules); any serious or critical violation fails. */
    void axe(String page) {
        try {
            if (axeSource == null) {
                try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
                    axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            JavascriptExecutor js = driver;
            js.executeScript(axeSource);
            Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
                    + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                    + ".catch(function (e) { done('ERROR ' + e); });");
            String json = String.valueOf(result);
            if (json.startsWith("ERROR")) {
                fail("axe-core could not run on " + page + ": " + json);
            }
            List<String> serious = new ArrayList<>();
            for (JsonNode v : JSON.readTree(json)) {
                String impact = v.path("impact").asText();
                String line = impact + " " + v.path("id").asText() + ": " + v.path("help").asText() + " ("
                        + v.path("nodes").size() + " nodes, e.g. " + v.path("nodes").path(0).path("target") + ")";
                axeReport.add(page + ": " + line);
                if (impact.equals("serious") || impact.equals("critical")) {
                    serious.add(line);
                }
            }
            assertEquals(List.of(), serious, "axe-core: serious or critical violations on " + page + " (" + driver.getCurrentUrl() + ")");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every control of the page is reached with the Tab key alone: Tab is pressed until focus comes back
     * round, and each visible link, button, field and summary must have had focus once (no mouse-only
     * control, no control taken out of the tab order). A control inside a closed {@code <details>} counts
     * through that details' summary (Tab reaches the summary, Enter opens it): Chromium lays such content
     * out when asked for its size, but keeps it out of the tab order until opened.
     */
    void keyboardReachable(String page) {
        JavascriptExecutor js = driver;
        @SuppressWarnings("unchecked")
        List<String> controls = (List<String>) js.executeScript("var out = [];"
                + "document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary').forEach(function (e, i) {"
                + "  if (e.disabled || !(e.offsetWidth || e.offsetHeight || e.getClientRects().length)) { return; }"
                + "  var closed = e.closest('details:not([open])');"
                + "  if (closed && !(e.tagName === 'SUMMARY' && e.parentElement === closed)) { return; }"
                + "  e.setAttribute('data-kb', 'k' + i); out.push('k' + i); });"
                + "return out;");
        js.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        java.util.Set<String> reached = new java.util.LinkedHashSet<>();
        org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(driver);
        for (int i = 0; i < controls.size() * 2 + 10; i++) {
            keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
            Object at = js.executeScript("return document.activeElement && document.activeElement.getAttribute('data-kb');");
            if (at != null && !reached.add(String.valueOf(at)) && reached.size() >= controls.size()) {
                break;
            }
        }
        List<String> missed = controls.stream().filter(c -> !reached.contains(c)).map(c -> String.valueOf(js.executeScript(
                "var e = document.querySelector('[data-kb=\"" + c + "\"]'); return e.tagName + '#' + e.id + ' ' + (e.textContent || e.name || '').trim().slice(0, 40);")))
                .toList();
        assertEquals(List.of(), missed, "controls the Tab key never reaches on " + page);
    }

    /** A screenshot, into target/browser and (for the README) into docs/console/ (docs/console/fr/ in French) when asked. */
    void screenshot(String file, boolean forDocs) {
        try {
            Files.createDirectories(TARGET);
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            Files.write(TARGET.resolve(lang + "-" + file), png);
            if (forDocs) {
                Path docs = "en".equals(lang) ? Path.of("..", "docs", "console") : Path.of("..", "docs", "console", lang);
                Files.createDirectories(docs);
                Files.write(docs.resolve(file), png);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** On failure: what the officer saw, and the page's source. */
    void saveEvidenceOfFailure(String test) {
        try {
            Files.createDirectories(TARGET);
            String base = "FAILED-" + test + "-" + name;
            Files.write(TARGET.resolve(base + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(TARGET.resolve(base + ".html"), "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource());
        } catch (Exception e) {
            System.err.println("could not save the failure evidence of " + name + ": " + e);
        }
    }

    /** Navigation timing of the current page: server time to first byte and bytes transferred. */
    String timing() {
        Object t = driver.executeScript("var n = performance.getEntriesByType('navigation')[0];"
                + "var bytes = n.transferSize; performance.getEntriesByType('resource').forEach(function (r) { bytes += r.transferSize; });"
                + "return Math.round(n.responseStart - n.requestStart) + ' ms to first byte, ' + Math.round(n.duration) + ' ms load, ' + bytes + ' bytes transferred';");
        return String.valueOf(t);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
