package org.mlaexchange.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.mlaexchange.contracts.events.EventJson;

/**
 * Real access tokens from the local Keycloak (deploy/local/stack), one realm per State, with the demo
 * identities of architecture.md; and forged tokens for the refusal cases.
 */
public final class Tokens {

    public static final String KEYCLOAK = System.getProperty("mla.keycloak-url", "http://127.0.0.1:8180");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, Instant expires) {
    }

    private Tokens() {
    }

    /** Password grant for user {@code officer} (role central-authority) of a State's realm. */
    public static String officer(String realm) {
        return password(realm, "officer", "officer");
    }

    /** Password grant for user {@code auditor} (role auditor). */
    public static String auditor(String realm) {
        return password(realm, "auditor", "auditor");
    }

    public static String password(String realm, String user, String password) {
        return cached(realm + "/" + user, Map.of("grant_type", "password", "client_id", "mla-console",
                "username", user, "password", password, "scope", "openid"), realm);
    }

    /** Client credentials grant of a confidential client (secret dev-secret). */
    public static String client(String realm, String clientId) {
        return cached(realm + "/client:" + clientId, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", "dev-secret"), realm);
    }

    private static String cached(String key, Map<String, String> form, String realm) {
        Cached hit = CACHE.get(key);
        if (hit != null && hit.expires().isAfter(Instant.now().plusSeconds(30))) {
            return hit.token();
        }
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(KEYCLOAK + "/realms/" + realm + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + key + ": " + response.statusCode() + " " + response.body());
            }
            JsonNode json = EventJson.tree(response.body());
            Cached fresh = new Cached(json.get("access_token").asText(), Instant.now().plusSeconds(json.get("expires_in").asLong()));
            CACHE.put(key, fresh);
            return fresh.token();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + KEYCLOAK + ": start it with deploy/local/stack infra start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A well-formed RS256 token signed by a key no identity provider published. */
    public static String forged(String issuer, String audience, String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey key = generator.generateKeyPair().getPrivate();
            long now = Instant.now().getEpochSecond();
            String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"forged\"}");
            String payload = b64("{\"iss\":\"" + issuer + "\",\"aud\":\"" + audience + "\",\"sub\":\"intruder\",\"iat\":" + now
                    + ",\"exp\":" + (now + 300) + ",\"realm_access\":{\"roles\":[\"" + role + "\"]}}");
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
