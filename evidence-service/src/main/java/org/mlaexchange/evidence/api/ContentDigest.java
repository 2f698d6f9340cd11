package org.mlaexchange.evidence.api;

import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlaexchange.platform.problem.Problem;
import org.mlaexchange.platform.problem.ProblemException;

/** RFC 9530 digest fields, as far as evidence needs them: {@code sha-256=:<base64>:}. */
final class ContentDigest {

    private static final Pattern SHA_256 = Pattern.compile("(?:^|,)\\s*sha-256\\s*=\\s*:([A-Za-z0-9+/=]+):");

    private ContentDigest() {
    }

    static byte[] parseSha256(String header) {
        if (header == null || header.isBlank()) {
            throw ProblemException.badRequest("content-digest-required",
                    "Send Content-Digest: sha-256=:<base64 of the SHA-256 of the body>: (RFC 9530)",
                    List.of(new Problem.FieldError("Content-Digest", "missing")));
        }
        Matcher m = SHA_256.matcher(header);
        byte[] digest = null;
        if (m.find()) {
            try {
                digest = Base64.getDecoder().decode(m.group(1));
            } catch (IllegalArgumentException e) {
                digest = null;
            }
        }
        if (digest == null || digest.length != 32) {
            throw ProblemException.badRequest("content-digest-malformed", "Content-Digest must carry a sha-256 value",
                    List.of(new Problem.FieldError("Content-Digest", "expected sha-256=:<base64 of 32 bytes>:, got " + header)));
        }
        return digest;
    }

    static String header(byte[] sha256) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(sha256) + ":";
    }
}
