package org.mlaexchange.console.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A State's officer: a token from its realm (password grant), or signed in to the console through Keycloak's own login page. */
final class Officers {

    static final String KEYCLOAK = "http://127.0.0.1:8180";
    // the title and messages of a Keycloak page (theme keycloak.v2): an error, a required action, a wrong password
    private static final Pattern KEYCLOAK_MESSAGE = Pattern.compile(
            "<(?:h1|p|div|span)[^>]*(?:id=\"(?:kc-page-title|input-error[^\"]*)\"|class=\"[^\"]*(?:instruction|kc-feedback-text)[^\"]*\")[^>]*>\\s*([^<]+)");
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"");

    /** A complete request from NL's central authority to AR, with two measures. */
    static final String SUBMISSION = """
            {"requestedState": "AR", "urgent": false, "confidential": false,
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
               "language": "en"}}""";

    private Officers() {
    }

    static String token(String realm) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=mla-console&username=officer&password=officer&scope=openid";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(KEYCLOAK + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("token of " + realm + ": " + answer.statusCode() + " " + answer.body());
        }
        return new ObjectMapper().readTree(answer.body()).path("access_token").asText();
    }

    /**
     * An HTTP client signed in to the console at {@code base} as the realm's officer: the authorization code
     * flow as a browser runs it (redirect to Keycloak, its login form, back with the code), cookies kept.
     */
    static HttpClient signedIn(String base, String realm) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new LoopbackCookies()).followRedirects(HttpClient.Redirect.NEVER).build();
        URI at = URI.create(base + "/" + realm + "/inbox");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(at).build(), HttpResponse.BodyHandlers.ofString());
        for (int hops = 0; hops < 10 && page.statusCode() / 100 == 3; hops++) {
            at = at.resolve(page.headers().firstValue("Location").orElseThrow());
            page = http.send(HttpRequest.newBuilder(at).build(), HttpResponse.BodyHandlers.ofString());
        }
        Matcher action = FORM_ACTION.matcher(page.body());
        if (!action.find()) {
            throw new IllegalStateException("no Keycloak login form at " + at + " (" + page.statusCode() + ")");
        }
        URI post = at.resolve((action.group(1) != null ? action.group(1) : action.group(2)).replace("&amp;", "&"));
        String credentials = "username=officer&password=officer&credentialId=" + URLEncoder.encode("", StandardCharsets.UTF_8);
        page = http.send(HttpRequest.newBuilder(post).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(credentials)).build(), HttpResponse.BodyHandlers.ofString());
        at = post;
        for (int hops = 0; hops < 10 && page.statusCode() / 100 == 3; hops++) {
            at = at.resolve(page.headers().firstValue("Location").orElseThrow());
            page = http.send(HttpRequest.newBuilder(at).build(), HttpResponse.BodyHandlers.ofString());
        }
        if (page.statusCode() != 200 || !at.getPath().equals("/" + realm + "/inbox")) {
            // Keycloak's own words (wrong password, missing cookie, a required action) say why
            List<String> said = KEYCLOAK_MESSAGE.matcher(page.body()).results().map(r -> r.group(1).strip()).toList();
            throw new IllegalStateException("sign-in ended at " + at + " with " + page.statusCode()
                    + (said.isEmpty() ? "" : ": " + String.join(" / ", said)));
        }
        return http;
    }

    /**
     * Cookies kept as a browser keeps them for {@code http://127.0.0.1}. Keycloak 26 marks its login cookies
     * (AUTH_SESSION_ID, KC_RESTART) {@code Secure; SameSite=None}, and browsers send Secure cookies to a loopback
     * host over plain http (a potentially trustworthy origin, W3C Secure Contexts 3.2); {@link CookieManager}
     * sends them over https only, so without this the login form's POST arrives without them and Keycloak
     * answers 400 "Restart login cookie not found" at /login-actions/authenticate.
     */
    static final class LoopbackCookies extends CookieHandler {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return cookies.get(secureContext(uri), requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            cookies.put(secureContext(uri), responseHeaders);
        }

        /** A loopback http URI as the https one it counts as; any other URI as it is. */
        static URI secureContext(URI uri) throws IOException {
            if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null
                    || !(uri.getHost().equals("localhost") || InetAddress.getByName(uri.getHost()).isLoopbackAddress())) {
                return uri;
            }
            return URI.create("https" + uri.toString().substring("http".length()));
        }
    }
}
