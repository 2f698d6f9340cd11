package org.mlaexchange.platform.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What a service has written, as an outsider checks it: the rows of its event log (count and highest
 * {@code logseq}) and the end offsets of the topic its relay publishes to. A refused call must leave both as
 * they were.
 */
public final class Ledger implements AutoCloseable {

    /** One reading: event-log rows, highest logseq, the topic's end offset summed over its partitions. */
    public record Mark(long rows, long maxLogseq, long topicEnd) {
    }

    private final DataSource dataSource;
    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;

    public Ledger(DataSource dataSource, String topic) {
        this.dataSource = dataSource;
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicReader.BOOTSTRAP,
                ConsumerConfig.GROUP_ID_CONFIG, "ledger-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
    }

    /** The current reading. */
    public Mark now() {
        long[] log = query("SELECT count(*), coalesce(max(logseq), 0) FROM event_log");
        return new Mark(log[0], log[1], topicEnd());
    }

    /**
     * A reading once the relay has published everything already in the log (so that a later change of the
     * topic's end can only come from what happened after it).
     */
    public Mark settled() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Mark previous = null;
        while (Instant.now().isBefore(deadline)) {
            long published = query("SELECT logseq FROM event_relay_position WHERE id = 1")[0];
            Mark mark = now();
            if (published >= mark.maxLogseq() && mark.equals(previous)) {
                return mark;
            }
            previous = mark;
            sleep(published >= mark.maxLogseq() ? 50 : 200);
        }
        throw new IllegalStateException("the relay did not publish the log within 30 s: " + previous);
    }

    private long topicEnd() {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toList());
        return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
    }

    private long[] query(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            long[] values = new long[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rs.getLong(i + 1);
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
