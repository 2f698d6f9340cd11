package org.mlaexchange.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mlaexchange.contracts.events.EventJson;

/**
 * The forged and defective tokens every operation must answer 401 to, each made from a real token of the
 * local Keycloak where the attack needs one (its kid, its claims, its signature). {@code null} means no
 * Authorization header at all.
 */
public final class AttackTokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AttackTokens() {
    }

    /** Name of the attack to the token, for NL's officer (NL is a party to the fixtures). */
    public static Map<String, String> all() {
        String real = Tokens.officer("nl");
        String[] parts = real.split("\\.");
        ObjectNode header = (ObjectNode) EventJson.tree(decode(parts[0]));
        ObjectNode claims = (ObjectNode) EventJson.tree(decode(parts[1]));
        String nlIssuer = claims.get("iss").asText();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("garbage", "not-a-token");
        tokens.put("alg none", encode("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + header.path("kid").asText() + "\"}") + "."
                + parts[1] + ".");
        tokens.put("HS256 signed with the realm's public key", hs256(claims, header.path("kid").asText(), realmPublicKey("nl")));
        tokens.put("foreign key with the realm's kid", rs256(claims, header.path("kid").asText()));
        String ar = Tokens.officer("ar");
        String[] arParts = ar.split("\\.");
        ObjectNode arClaims = (ObjectNode) EventJson.tree(decode(arParts[1]));
        arClaims.put("iss", nlIssuer);
        tokens.put("another realm's token with iss rewritten", arParts[0] + "." + encode(arClaims.toString()) + "." + arParts[2]);
        ObjectNode edited = claims.deepCopy();
        edited.put("sub", "someone-else");
        edited.putObject("realm_access").putArray("roles").add("central-authority").add("admin");
        tokens.put("payload edited under the original signature", parts[0] + "." + encode(edited.toString()) + "." + parts[2]);
        ObjectNode expired = claims.deepCopy();
        long past = Instant.now().minusSeconds(3600).getEpochSecond();
        expired.put("iat", past - 300).put("exp", past);
        tokens.put("expired (exp an hour ago, under the original signature)", parts[0] + "." + encode(expired.toString()) + "." + parts[2]);
        tokens.put("expired (exp an hour ago, well signed by an unknown key)", rs256(expired, "expired"));
        tokens.put("wrong audience (real NL token for another client)", Tokens.client("nl", "other-app"));
        tokens.put("unknown issuer", Tokens.forged(Tokens.KEYCLOAK + "/realms/unknown", "mla-exchange", "central-authority"));
        return tokens;
    }

    /** The realm's RSA public key as Keycloak publishes it (base64 of the X.509 key). */
    private static String realmPublicKey(String realm) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(Tokens.KEYCLOAK + "/realms/" + realm)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode json = EventJson.tree(response.body());
            return json.get("public_key").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String hs256(JsonNode claims, String kid, String secret) {
        try {
            String signed = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}") + "." + encode(claims.toString());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rs256(JsonNode claims, String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String signed = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}") + "." + encode(claims.toString());
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(generator.generateKeyPair().getPrivate());
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
