package org.mlaexchange.platform.http;

import java.util.List;
import org.mlaexchange.platform.problem.Problem;
import org.mlaexchange.platform.problem.ProblemException;

/** Optimistic concurrency on cases: the version is the {@code caseseq} of the case's last event. */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version the caller last saw, from {@code If-Match}. A missing header is 428 (the caller must
     * say which version it decided on); a stale one is 412.
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(Problem.of(428, "if-match-required", "Precondition required",
                    "Send If-Match with the ETag of the case you acted on",
                    List.of(new Problem.FieldError("If-Match", "required: the ETag of the case you acted on"))));
        }
        String value = ifMatch.trim();
        if (value.equals("*")) {
            return;
        }
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (!value.equals(etag(currentVersion))) {
            throw new ProblemException(Problem.of(412, "stale-version", "Precondition failed",
                    "The case has changed since you read it: it is at version " + etag(currentVersion) + ", you sent " + shown(ifMatch),
                    List.of(new Problem.FieldError("If-Match", "does not match the case's version " + etag(currentVersion)))));
        }
    }

    /** The header as sent, cut short: it is echoed in the problem, which must stay small. */
    private static String shown(String ifMatch) {
        return ifMatch.length() <= 40 ? ifMatch : ifMatch.substring(0, 40) + "...";
    }
}
