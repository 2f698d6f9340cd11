package org.mlaexchange.platform.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.mlaexchange.contracts.events.ChainVerifier;
import org.mlaexchange.contracts.statistics.LogStatistics;

/**
 * What {@code mla-audit stats} does, inside a service's test: the oversight body replays the whole log
 * over the audit API, its hash chain is verified, and the replayed events are folded into statistics.
 */
public final class ReplayedStatistics {

    private ReplayedStatistics() {
    }

    public static LogStatistics of(String service) {
        String log = given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/events").then().statusCode(200)
                .header("Audit-Log-View", "complete").extract().asString();
        ChainVerifier chain = new ChainVerifier();
        LogStatistics replayed = LogStatistics.forService(service);
        log.lines().filter(l -> !l.isBlank()).forEach(line -> {
            chain.accept(line);
            replayed.accept(line);
        });
        assertTrue(chain.result().intact(), () -> "chain broken: " + chain.result().firstBreak());
        return replayed;
    }
}
