package org.mlaexchange.request.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.audit.LogAudit;
import org.mlaexchange.platform.eventlog.EventLog;
import org.mlaexchange.platform.eventlog.NewEvent;
import org.mlaexchange.platform.testing.Tokens;

/**
 * The REST replay ({@code GET /api/audit/events}, NDJSON streamed from a server-side cursor) of a
 * 1 M-event log, next to a raw JDBC read of the same rows in the same run, and with the audit's
 * verification (chain + Merkle tree) on top. Prints figures, asserts only that every event came back.
 * Run: deploy/local/stack bench -pl request-service -am -Dtest=AuditReplayBenchmark
 */
@Tag("benchmark")
@QuarkusTest
@TestProfile(AuditReplayBenchmark.NoRelay.class)
class AuditReplayBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
    private static final int BATCH = 1_000;
    private static final int CASES_PER_BATCH = 50;

    /** The log is filled directly; publishing it to Kafka is another benchmark's business. */
    public static class NoRelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mla.events.relay.enabled", "false", "mla.audit.checkpoint-every", "1h");
        }
    }

    @Inject
    EventLog eventLog;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/api/audit/events")
    URL events;

    @Test
    void replayAMillionEventsOverRestNextToRawPostgres() throws Exception {
        long fillStart = System.nanoTime();
        for (int written = 0; written < EVENTS; written += BATCH) {
            List<NewEvent> batch = new ArrayList<>(BATCH);
            String[] cases = new String[CASES_PER_BATCH];
            for (int c = 0; c < CASES_PER_BATCH; c++) {
                cases[c] = UUID.randomUUID().toString();
            }
            for (int i = 0; i < BATCH; i++) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("summary", "Hearing of witness W-" + i + " held by video conference; record and translation follow");
                data.put("note", "Bank records of account AR-" + (written + i) + " for 2021-2023 produced under order 17/2026");
                data.put("measureIds", List.of("m1", "m2"));
                batch.add(new NewEvent(cases[i % CASES_PER_BATCH], "org.mlaexchange.request.progress-reported.v1", StateCode.of("AR"),
                        Set.of(StateCode.of("NL"), StateCode.of("AR")), data));
            }
            QuarkusTransaction.requiringNew().run(() -> eventLog.append(batch));
        }
        double fill = (System.nanoTime() - fillStart) / 1e9;
        long rows;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM event_log")) {
            rs.next();
            rows = rs.getLong(1);
        }
        assertTrue(rows >= EVENTS);

        Rate jdbc = rawJdbc();
        String token = Tokens.auditor("oversight");
        Rate rest = rest(token, false);
        Rate verified = rest(token, true);
        Rate jdbcAfter = rawJdbc();
        assertEquals(rows, jdbc.count());
        assertEquals(rows, rest.count());
        assertEquals(rows, verified.count());

        System.out.printf("%n=== REST replay: %,d events (%.1f MiB, mean %d bytes) in PostgreSQL (filled in %.0f s through EventLog.append) ===%n",
                rows, jdbc.bytes() / 1048576.0, jdbc.bytes() / rows, fill);
        System.out.printf("raw JDBC SELECT envelope ORDER BY logseq (before)  %,9.0f events/s  %6.1f MiB/s  (%.2f s)%n",
                jdbc.perSecond(), jdbc.mibPerSecond(), jdbc.seconds());
        System.out.printf("raw JDBC SELECT envelope ORDER BY logseq (after)   %,9.0f events/s  %6.1f MiB/s  (%.2f s)%n",
                jdbcAfter.perSecond(), jdbcAfter.mibPerSecond(), jdbcAfter.seconds());
        System.out.printf("GET /api/audit/events (NDJSON, oversight)          %,9.0f events/s  %6.1f MiB/s  (%.2f s)%n",
                rest.perSecond(), rest.mibPerSecond(), rest.seconds());
        System.out.printf("GET /api/audit/events + chain and Merkle tree      %,9.0f events/s  %6.1f MiB/s  (%.2f s)%n",
                verified.perSecond(), verified.mibPerSecond(), verified.seconds());
        System.out.printf("REST replay / raw JDBC: %.2f; with verification: %.2f (service, client and PostgreSQL on the same 2 cores)%n%n",
                rest.perSecond() / Math.max(jdbc.perSecond(), jdbcAfter.perSecond()),
                verified.perSecond() / Math.max(jdbc.perSecond(), jdbcAfter.perSecond()));
    }

    private record Rate(long count, long bytes, double seconds) {
        double perSecond() {
            return count / seconds;
        }

        double mibPerSecond() {
            return bytes / 1048576.0 / seconds;
        }
    }

    private Rate rawJdbc() throws Exception {
        long start = System.nanoTime();
        long count = 0;
        long bytes = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement q = c.prepareStatement("SELECT envelope FROM event_log ORDER BY logseq")) {
                q.setFetchSize(1000);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        count++;
                        bytes += rs.getString(1).length();
                    }
                }
            }
            c.rollback();
        }
        return new Rate(count, bytes, (System.nanoTime() - start) / 1e9);
    }

    private Rate rest(String token, boolean verify) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(events.toString())).header("Authorization", "Bearer " + token).build();
        long start = System.nanoTime();
        long count = 0;
        long bytes = 0;
        LogAudit audit = verify ? new LogAudit() : null;
        HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8), 1 << 16)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                count++;
                bytes += line.length();
                if (audit != null && !audit.accept(line)) {
                    throw new AssertionError("chain broken: " + audit.result().firstBreak());
                }
            }
        }
        if (audit != null) {
            assertTrue(audit.result().intact());
        }
        return new Rate(count, bytes, (System.nanoTime() - start) / 1e9);
    }
}
