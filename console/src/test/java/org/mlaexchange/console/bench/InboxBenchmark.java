package org.mlaexchange.console.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The inbox of an officer whose State has 10,000 requests: the console's server render (its GET of
 * /nl/inbox, signed in through Keycloak, which asks both services for a page) timed next to the raw API
 * calls it makes, each with the officer's own token, interleaved so that both see the same load; and the
 * bytes a first visit transfers (the page and the styles and scripts it names, compressed as sent).
 * Prints figures, asserts only that the page is the right one.
 * Run: {@code deploy/local/stack bench maven -pl request-service,console -am -Dtest=InboxBenchmark}.
 */
@QuarkusTest
@QuarkusTestResource(value = ScratchRequestService.class, restrictToAnnotatedClass = true)
@Tag("benchmark")
class InboxBenchmark {

    static final int WARM_UP = 50;
    static final int ROUNDS = Integer.getInteger("inbox.rounds", 300);
    private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:vendor|webjars|static)/[^\"]+)\"");

    @TestHTTPResource("/")
    URL console;

    @ConfigProperty(name = "mla.services.requests")
    String requestService;

    @ConfigProperty(name = "mla.services.extradition")
    String extraditionService;

    @Test
    void inboxWithTenThousandCases() throws Exception {
        String base = console.toString().replaceAll("/$", "");
        HttpClient officer = Officers.signedIn(base, "nl");
        String token = Officers.token("nl");
        HttpClient raw = HttpClient.newHttpClient();
        HttpRequest inbox = HttpRequest.newBuilder(URI.create(base + "/nl/inbox")).header("Accept-Encoding", "gzip").build();
        HttpRequest requests = api(requestService + "/api/requests?sort=due&limit=20", token);
        HttpRequest extraditions = api(extraditionService + "/api/extraditions?sort=due&limit=20", token);

        // the right page: 20 of NL's 10,000 requests, the most overdue first
        String total = raw.send(api(requestService + "/api/requests?limit=1&sort=due", token), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(total.contains("\"overdue\":true"), total);
        String page = new String(ungzip(officer.send(inbox, HttpResponse.BodyHandlers.ofByteArray())), java.nio.charset.StandardCharsets.UTF_8);
        String requestsTable = page.substring(page.indexOf("id=\"requests\""), page.indexOf("</table>", page.indexOf("id=\"requests\"")));
        assertEquals(20, requestsTable.split("data-case=").length - 1, "a page of 20 requests");
        assertTrue(requestsTable.indexOf("<mark>") < requestsTable.indexOf("data-case=", requestsTable.indexOf("data-case=") + 1),
                "the first request is marked overdue");

        for (int i = 0; i < WARM_UP; i++) {
            time(officer, inbox);
            time(raw, requests);
            time(raw, extraditions);
        }
        double[] render = new double[ROUNDS];
        double[] rawRequests = new double[ROUNDS];
        double[] rawExtraditions = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            rawRequests[i] = time(raw, requests);
            rawExtraditions[i] = time(raw, extraditions);
            render[i] = time(officer, inbox);
        }

        // a first visit: the page and every style and script it names, with the bytes as sent (compressed)
        HttpResponse<byte[]> first = officer.send(inbox, HttpResponse.BodyHandlers.ofByteArray());
        long pageBytes = first.body().length + headerBytes(first);
        Set<String> assets = new LinkedHashSet<>();
        Matcher m = ASSET.matcher(page);
        while (m.find()) {
            assets.add(m.group(1));
        }
        List<String> sizes = new ArrayList<>();
        long total0 = pageBytes;
        for (String asset : assets) {
            HttpResponse<byte[]> got = raw.send(HttpRequest.newBuilder(URI.create(base + asset))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            long bytes = got.body().length + headerBytes(got);
            total0 += bytes;
            sizes.add(asset + " " + kb(bytes) + " (" + got.headers().firstValue("Content-Encoding").orElse("identity") + ")");
        }

        System.out.printf(Locale.ROOT, """
                %n== InboxBenchmark: NL's inbox with %,d requests (scratch request-service copy on %s), %d rounds after %d warm-up
                | figure | p50 | p95 | max |
                |---|---|---|---|
                | raw API: GET /api/requests?sort=due&limit=20 (request-service copy) | %s | %s | %s |
                | raw API: GET /api/extraditions?sort=due&limit=20 (stack's extradition-service) | %s | %s | %s |
                | console: GET /nl/inbox, server render (both calls at once + Qute page, gzip) | %s | %s | %s |
                first visit transferred: %s in all (page %s; %s); target ≤ 200 KB; render target p95 ≤ 150 ms
                load average: %s
                """, ScratchRequestService.CASES, requestService, ROUNDS, WARM_UP,
                ms(rawRequests, 50), ms(rawRequests, 95), ms(rawRequests, 100),
                ms(rawExtraditions, 50), ms(rawExtraditions, 95), ms(rawExtraditions, 100),
                ms(render, 50), ms(render, 95), ms(render, 100),
                kb(total0), kb(pageBytes), String.join("; ", sizes),
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
    }

    private static HttpRequest api(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).header("Accept", "application/json").build();
    }

    /** Milliseconds of one exchange, to the last byte of the body; fails on anything but 200. */
    private static double time(HttpClient http, HttpRequest request) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        double ms = (System.nanoTime() - t0) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + ": " + response.statusCode());
        }
        return ms;
    }

    private static long headerBytes(HttpResponse<?> response) {
        long n = "HTTP/1.1 200 OK\r\n\r\n".length();
        for (var h : response.headers().map().entrySet()) {
            for (String v : h.getValue()) {
                n += h.getKey().length() + 2 + v.length() + 2;
            }
        }
        return n;
    }

    private static byte[] ungzip(HttpResponse<byte[]> response) throws java.io.IOException {
        if (!"gzip".equals(response.headers().firstValue("Content-Encoding").orElse(""))) {
            return response.body();
        }
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
            return in.readAllBytes();
        }
    }

    private static String ms(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return String.format(Locale.ROOT, "%.1f ms", sorted[index]);
    }

    private static String kb(long bytes) {
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
}
