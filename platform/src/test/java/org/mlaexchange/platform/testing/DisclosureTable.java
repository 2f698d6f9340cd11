package org.mlaexchange.platform.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mlaexchange.contracts.seal.SealedText;

/**
 * The one table of the Exchange's disclosure policy that every service checks against its own views:
 * for each caller, whether a protected person's identity or a confidential case's facts appear in clear,
 * are withheld (and the mark of the withholding shown instead), or the case does not exist for it.
 */
public final class DisclosureTable {

    public enum Caller {
        PARTY_CENTRAL_AUTHORITY, PARTY_AUDITOR, NON_PARTY_STATE, OVERSIGHT_AUDITOR
    }

    public enum Shown {
        /** 200, the value in clear. */
        CLEAR,
        /** 200, the value absent and the mark of its withholding present. */
        WITHHELD,
        /** 404 problem: the case does not exist for the caller. */
        NOT_FOUND,
        /** 200 and nothing of the case at all (a replay filtered to the caller's cases). */
        NOTHING,
        /** 403 problem: the caller's role may not use this view. */
        FORBIDDEN
    }

    /** Who sees a protected person's identity and a confidential case's facts: the parties only. */
    public static final Map<Caller, Shown> POLICY = table(Shown.CLEAR, Shown.CLEAR, Shown.NOT_FOUND, Shown.WITHHELD);

    private DisclosureTable() {
    }

    public static Map<Caller, Shown> table(Shown centralAuthority, Shown partyAuditor, Shown nonParty, Shown oversight) {
        Map<Caller, Shown> t = new EnumMap<>(Caller.class);
        t.put(Caller.PARTY_CENTRAL_AUTHORITY, centralAuthority);
        t.put(Caller.PARTY_AUDITOR, partyAuditor);
        t.put(Caller.NON_PARTY_STATE, nonParty);
        t.put(Caller.OVERSIGHT_AUDITOR, oversight);
        return t;
    }

    /** The policy as a view that only auditors may use shows it (central authorities are refused, a non-party State's auditor sees nothing). */
    public static Map<Caller, Shown> forAuditView(Shown nonParty) {
        return table(Shown.FORBIDDEN, Shown.CLEAR, nonParty, Shown.WITHHELD);
    }

    /**
     * Checks the audit replay of a case whose personal data is sealed: it is the log as chained, ciphertext for
     * every reader, so a party's auditor finds the sealed texts (it reads them opened in the history and as-of
     * views), the oversight body the policy's {@code replayMark} where it withholds, a non-party nothing.
     */
    public static void checkSealedReplay(String party, String nonParty, String caseId, List<String> secrets, String replayMark) {
        Map<Caller, Shown> replay = new EnumMap<>(forAuditView(Shown.NOTHING));
        replay.remove(Caller.PARTY_AUDITOR);
        check(replay, party, nonParty, "/api/audit/events?case=" + caseId, secrets, replayMark);
        check(Map.of(Caller.PARTY_AUDITOR, Shown.WITHHELD), party, nonParty, "/api/audit/events?case=" + caseId, secrets,
                SealedText.V1);
    }

    /**
     * Checks one view for every caller in {@code expected}.
     *
     * @param party    the realm of a State party to the case
     * @param nonParty the realm of a State not party to it (its central authority; its auditor for audit views)
     * @param path     the GET path of the view
     * @param secrets  values that must appear in clear, and must never appear when withheld
     * @param mark     what must appear in their place when withheld
     */
    public static void check(Map<Caller, Shown> expected, String party, String nonParty, String path, List<String> secrets, String mark) {
        expected.forEach((caller, shown) -> {
            String token = switch (caller) {
                case PARTY_CENTRAL_AUTHORITY -> Tokens.officer(party);
                case PARTY_AUDITOR -> Tokens.auditor(party);
                case NON_PARTY_STATE -> path.startsWith("/api/audit/") ? Tokens.auditor(nonParty) : Tokens.officer(nonParty);
                case OVERSIGHT_AUDITOR -> Tokens.auditor("oversight");
            };
            var response = given().auth().oauth2(token).get(path).then().extract();
            String body = response.asString();
            String row = caller + " × " + path + ": expected " + shown + ", got " + response.statusCode() + " " + body;
            switch (shown) {
                case CLEAR -> {
                    assertEquals(200, response.statusCode(), row);
                    secrets.forEach(secret -> assertTrue(body.contains(secret), row + "\n  missing in clear: " + secret));
                }
                case WITHHELD -> {
                    assertEquals(200, response.statusCode(), row);
                    secrets.forEach(secret -> assertFalse(body.contains(secret), row + "\n  not withheld: " + secret));
                    assertTrue(body.contains(mark), row + "\n  no mark " + mark);
                }
                case NOT_FOUND -> {
                    assertEquals(404, response.statusCode(), row);
                    assertTrue(response.contentType().startsWith("application/problem+json"), row);
                }
                case NOTHING -> {
                    assertEquals(200, response.statusCode(), row);
                    assertTrue(body.isBlank(), row);
                }
                case FORBIDDEN -> assertEquals(403, response.statusCode(), row);
            }
        });
    }
}
