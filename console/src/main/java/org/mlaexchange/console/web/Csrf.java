package org.mlaexchange.console.web;

import jakarta.ws.rs.core.NewCookie;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * CSRF protection (double submit): a random token in an HttpOnly SameSite=Strict cookie, repeated in a
 * hidden field of every form (and in the X-CSRF-Token header of script uploads); a write whose token does
 * not match the cookie is refused. On top of the session cookie's own SameSite=Lax.
 * (quarkus-rest-csrf is not in the registry at 3.32.1.)
 */
public final class Csrf {

    public static final String COOKIE = "mla-csrf";
    public static final String FIELD = "csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static NewCookie cookie(String token) {
        return new NewCookie.Builder(COOKIE).value(token).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    public static boolean matches(String cookie, String submitted) {
        if (cookie == null || submitted == null || cookie.length() < 20) {
            return false;
        }
        return MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII), submitted.getBytes(StandardCharsets.US_ASCII));
    }
}
