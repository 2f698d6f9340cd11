package org.mlaexchange.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Where the tests of sealed personal data look for it as an outsider would (issue 12): the rows of
 * {@code event_log}, the records of a topic read as any Kafka client reads them, a projection's columns,
 * and the auditors' packaged CLI, which must verify every log after an erasure.
 */
public final class PersonalDataTraces {

    private PersonalDataTraces() {
    }

    /** Greps a dump for every name, as an outsider would; says what it searched and found (the closing note quotes it). */
    public static void assertNoneNamed(List<String> names, List<String> dump, String where) {
        assertFalse(dump.isEmpty(), where + " is empty");
        for (String text : dump) {
            for (String name : names) {
                assertFalse(text.contains(name), where + " holds " + name + ": " + text);
            }
        }
        System.out.printf("[sealed] grep %s: %d records, %d bytes, for %s: 0 found%n", where, dump.size(),
                dump.stream().mapToInt(String::length).sum(), names);
    }

    /** Every column of the log rows of these cases, oldest first, one text per row. */
    public static List<String> eventLogRows(DataSource dataSource, String... caseIds) {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("""
                     SELECT concat_ws('|', logseq, event_id, case_id, caseseq, type, actor_state, parties, occurred_at, prevhash,
                                      hash, envelope) FROM event_log WHERE case_id = ANY(?) ORDER BY logseq""")) {
            q.setArray(1, c.createArrayOf("text", caseIds));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** The one value {@code sql} selects with {@code parameter} for its one {@code ?}. */
    public static String column(DataSource dataSource, String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, parameter);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getString(1);
            }
        }
    }

    /** The values of every record of these cases (record keys) on the topic, once at least {@code count} are there. */
    public static List<String> topicValues(String topic, Set<String> caseIds, int count) {
        List<ConsumerRecord<String, String>> read = TopicReader.readUntil(topic,
                records -> records.stream().filter(r -> caseIds.contains(r.key())).count() >= count, Duration.ofSeconds(30));
        List<String> values = read.stream().filter(r -> caseIds.contains(r.key())).map(ConsumerRecord::value).toList();
        assertTrue(values.size() >= count, "only " + values.size() + " of " + count + " events of " + caseIds + " on " + topic);
        return values;
    }

    /** As {@link #topicValues(String, Set, int)} for one case. */
    public static List<String> topicValues(String topic, String caseId, int count) {
        return topicValues(topic, Set.of(caseId), count);
    }

    /**
     * Every log still verifies in full after an erasure: the service's own check ({@code GET /api/audit/verify}) and
     * the auditors' packaged CLI over the audit API, with a fresh witness; prints the CLI's report.
     */
    public static void assertEveryLogVerifies(String service, String after) throws Exception {
        given().auth().oauth2(Tokens.auditor("oversight")).get("/api/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true)).body("firstBreak", nullValue());
        String report = auditCli("verify", "--service", service + "=http://127.0.0.1:" + RestAssured.port,
                "--token", Tokens.auditor("oversight"), "--witness", Files.createTempDirectory("witness").toString());
        System.out.println("[sealed] mla-audit verify after " + after + ":\n" + report);
        assertTrue(report.contains("result      INTACT"), report);
    }

    /**
     * Runs the auditors' CLI as they run it ({@code deploy/local/mla-audit}: the packaged audit-cli, which the
     * reactor builds before the services) and returns its report; it must exit 0 (every log verified).
     */
    public static String auditCli(String... args) throws Exception {
        Path jar = Path.of("../audit-cli/target/quarkus-app/quarkus-run.jar").toAbsolutePath().normalize();
        assertTrue(Files.exists(jar), jar + " missing: ./mvnw -B -q package -DskipTests -pl audit-cli -am");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString()));
        command.addAll(List.of(args));
        Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(cli.waitFor(120, TimeUnit.SECONDS), "mla-audit did not finish");
        assertEquals(0, cli.exitValue(), output);
        return output;
    }
}
