package org.mlaexchange.request.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.platform.eventlog.OutboxRelay;
import org.mlaexchange.platform.testing.TopicReader;

/**
 * The relay's last batch reached Kafka but its position was not stored (PostgreSQL stopped between the two: the
 * quick fault scenario of the clean-clone run of 876f5f7 counted one submission twice on the topic). When the relay
 * comes back it finds those events on the topic and publishes each of them, and every later one, exactly once.
 */
@QuarkusTest
class RelayExactlyOnceTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "mla.events.topic")
    String topic;

    @Test
    void aBatchPublishedBeforeItsPositionWasStoredIsNotPublishedAgain() throws Exception {
        List<String> before = List.of(Api.submitted("nl", "AR"), Api.submitted("nl", "SN"), Api.submitted("nl", "AR"));
        long head = awaitPublished();

        // the stored position loses the three submissions, as if the relay's UPDATE had not happened,
        // and the relay's connection ends (PostgreSQL's restart does the same)
        update("UPDATE event_relay_position SET logseq = (SELECT min(logseq) - 1 FROM event_log WHERE case_id = '"
                + before.get(0) + "')");
        long ended = relayBackend();
        update("SELECT pg_terminate_backend(" + ended + ")");
        awaitRelayOn(ended);
        String after = Api.submitted("nl", "SN");
        assertTrue(awaitPublished() > head, "the relay published again after its restart");

        // every partition to its end: a copy published again would follow its first in the same partition
        Map<String, Long> onTopic = TopicReader.readToEnd(topic, Duration.ofSeconds(30)).stream()
                .filter(r -> before.contains(r.key()) || after.equals(r.key()))
                .map(ConsumerRecord::value)
                .map(value -> EventJson.tree(value).get("id").asText())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(4, onTopic.size(), "one event for each submission: " + onTopic);
        onTopic.forEach((event, copies) -> assertEquals(1L, copies, "event " + event + " on the topic " + copies + " times"));
    }

    /** Waits until the relay's stored position is the log's head and its loop has it; returns that logseq. */
    private long awaitPublished() throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            long head = query("SELECT coalesce(max(logseq), 0) FROM event_log");
            if (query("SELECT logseq FROM event_relay_position WHERE id = 1") == head && relay.publishedLogseq() == head) {
                return head;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the relay did not publish up to the head within 30 s");
    }

    /** The backend of the relay's connection: the one holding its advisory lock; 0 when none does. */
    private long relayBackend() throws SQLException {
        return query("SELECT coalesce(max(pid), 0) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
    }

    /** Waits until the relay holds its lock again on another connection than {@code ended}. */
    private void awaitRelayOn(long ended) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            long now = relayBackend();
            if (now != 0 && now != ended) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the relay did not come back within 30 s");
    }

    private long query(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void update(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
