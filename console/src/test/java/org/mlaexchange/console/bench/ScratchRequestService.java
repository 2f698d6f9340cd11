package org.mlaexchange.console.bench;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A copy of request-service (the jar this build packaged) on a scratch database of its own, holding
 * {@value #CASES} requests of NL, for the inbox benchmark: the console under test calls it instead of the
 * stack's request-service. The database is dropped and the copy stopped afterwards, so the shared
 * databases never hold the benchmark's cases. Its events go to scratch topics (bench.*).
 */
public class ScratchRequestService implements QuarkusTestResourceLifecycleManager {

    static final int CASES = 10_000;
    static final int PORT = 9291;
    static final String DB = "mla_bench_console_inbox";
    // the local stack's own PostgreSQL (deploy/local/ports.sh)
    static final String PG = "jdbc:postgresql://127.0.0.1:" + Integer.getInteger("stack.db-port", 5442) + "/";

    private Process copy;

    @Override
    public Map<String, String> start() {
        try {
            Path root = Path.of("").toAbsolutePath().getParent();
            Path jar = root.resolve("request-service/target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: run with -pl request-service,console -am");
            }
            admin("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)", "CREATE DATABASE " + DB + " OWNER mla");
            File log = root.resolve("console/target/inbox-benchmark-request-service.log").toFile();
            copy = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    // the local stack's settings (its profile); the prod profile refuses to start without a deployment's
                    "-Dquarkus.profile=local",
                    "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + PORT, "-Dquarkus.management.port=0", // the stack holds 9181
                    "-Dquarkus.datasource.jdbc.url=" + PG + DB,
                    "-Dmla.events.topic=bench.mla.request.events", "-Dmla.audit.checkpoints-topic=bench.mla.audit.checkpoints",
                    "-jar", jar.toString()).directory(root.toFile()).redirectErrorStream(true).redirectOutput(log).start();
            waitReady(log);
            seed();
            return Map.of("mla.services.requests", "http://127.0.0.1:" + PORT);
        } catch (IOException | SQLException | InterruptedException e) {
            stop();
            throw new IllegalStateException("scratch request-service", e);
        }
    }

    @Override
    public void stop() {
        if (copy != null) {
            copy.destroy();
            try {
                copy.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            copy.destroyForcibly();
        }
        try {
            admin("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop " + DB, e);
        }
    }

    private void waitReady(File log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < until) {
            if (!copy.isAlive()) {
                throw new IllegalStateException("the request-service copy stopped: " + Files.readString(log.toPath()));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the request-service copy was not ready in 180 s (" + log + ")");
    }

    /**
     * One request submitted through the API (so its stored state is what the service writes), then copied
     * to {@value #CASES} rows with their own ids and due dates spread from ten days overdue to fifty days
     * ahead. The copies have no events: the inbox reads only the request table.
     */
    private static void seed() throws IOException, InterruptedException, SQLException {
        String token = Officers.token("nl");
        HttpResponse<String> submitted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + PORT + "/api/requests")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Officers.SUBMISSION)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (submitted.statusCode() != 201) {
            throw new IllegalStateException("seed submission: " + submitted.statusCode() + " " + submitted.body());
        }
        String location = submitted.headers().firstValue("Location").orElseThrow();
        UUID seed = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        try (Connection c = DriverManager.getConnection(PG + DB, "mla", "mla");
             PreparedStatement copies = c.prepareStatement("""
                     INSERT INTO mla_request (id, requesting_state, requested_state, status, urgent, confidential, version,
                                              submitted_at, updated_at, next_deadline_at, next_reminder_at, state)
                     SELECT s.id, r.requesting_state, r.requested_state, r.status, s.g % 7 = 0, r.confidential, r.version,
                            r.submitted_at, r.updated_at, now() + ((s.g % 60) - 10) * interval '1 day' + s.g * interval '1 second',
                            NULL, jsonb_set(r.state, '{id}', to_jsonb(s.id::text))
                     FROM (SELECT gen_random_uuid() AS id, g FROM generate_series(1, ?) g) s, mla_request r WHERE r.id = ?""")) {
            copies.setInt(1, CASES - 1);
            copies.setObject(2, seed);
            copies.executeUpdate();
            try (Statement analyze = c.createStatement()) {
                analyze.execute("ANALYZE mla_request");
            }
        }
    }

    private static void admin(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG + "postgres", "mla", "mla"); Statement s = c.createStatement()) {
            for (String sql : List.of(statements)) {
                s.execute(sql);
            }
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }
}
