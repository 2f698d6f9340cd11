package org.mlaexchange.auditcli;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.mlaexchange.contracts.audit.Checkpoint;

/**
 * A service's log read straight from its Kafka topic, for auditors with broker access. Events are
 * keyed by case, so one log is spread over the topic's partitions, each in log order: they are merged
 * back by {@code logseq}. An event seen again (a logseq already passed: a topic written before the
 * relay published exactly once, or a copy someone else put there) is skipped and counted. Reads up to the end offsets found at the start, with no consumer group.
 */
final class KafkaLogs {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final int PAUSE_AT = 50_000;

    private KafkaLogs() {
    }

    static Properties consumerProperties(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "mla-audit-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50); // reading to known end offsets: do not wait for new data
        return props;
    }

    /** The partitions of a topic, assigned from the beginning, with the end offsets to read up to. */
    static KafkaConsumer<String, String> open(String bootstrapServers, String topic, Map<TopicPartition, Long> ends) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(bootstrapServers));
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
            if (infos == null || infos.isEmpty()) {
                throw new AuditFailure("Kafka topic " + topic + " not found at " + bootstrapServers);
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            ends.putAll(consumer.endOffsets(partitions));
            return consumer;
        } catch (org.apache.kafka.common.KafkaException e) {
            consumer.close();
            throw new AuditFailure("Kafka at " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    /** Every checkpoint a service published to the checkpoints topic, in the order published. */
    static List<Checkpoint> checkpoints(String bootstrapServers, String topic, String service) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        List<Checkpoint> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = open(bootstrapServers, topic, ends)) {
            while (!reachedEnd(consumer, ends)) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (service.equals(record.key())) {
                        found.add(Checkpoint.fromJson(record.value()));
                    }
                }
            }
        }
        return found;
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /** The log's events in logseq order, merged from the topic's partitions. Close it when done. */
    static Merged events(String bootstrapServers, String topic) {
        return new Merged(bootstrapServers, topic);
    }

    static final class Merged implements Iterator<String>, AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final Map<TopicPartition, Long> ends = new HashMap<>();
        private final Map<TopicPartition, Integer> index = new HashMap<>();
        private final TopicPartition[] partitions;
        private final ArrayDeque<Pending>[] queues;
        /** Offset after the last record received, per partition: it is read out once this reaches its end offset. */
        private final long[] received;
        private final long[] endOffsets;
        private final boolean[] paused;
        private long lastLogseq;
        private long duplicates;
        private String next;

        @SuppressWarnings("unchecked")
        Merged(String bootstrapServers, String topic) {
            consumer = open(bootstrapServers, topic, ends);
            partitions = ends.keySet().toArray(TopicPartition[]::new);
            queues = new ArrayDeque[partitions.length];
            received = new long[partitions.length];
            endOffsets = new long[partitions.length];
            paused = new boolean[partitions.length];
            for (int i = 0; i < partitions.length; i++) {
                index.put(partitions[i], i);
                queues[i] = new ArrayDeque<>();
                received[i] = consumer.position(partitions[i]);
                endOffsets[i] = ends.get(partitions[i]);
            }
        }

        long duplicatesSkipped() {
            return duplicates;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                int lowest = -1;
                boolean waiting = false;
                for (int i = 0; i < queues.length; i++) {
                    Pending head = queues[i].peek();
                    if (head == null) {
                        waiting |= received[i] < endOffsets[i]; // this partition may still hold a lower logseq
                    } else if (lowest < 0 || head.logseq() < queues[lowest].peek().logseq()) {
                        lowest = i;
                    }
                }
                if (waiting) {
                    fetch();
                    continue;
                }
                if (lowest < 0) {
                    return false;
                }
                Pending p = queues[lowest].poll();
                if (p.logseq() > 0 && p.logseq() <= lastLogseq) {
                    duplicates++; // published again after a relay restart
                    continue;
                }
                lastLogseq = Math.max(lastLogseq, p.logseq());
                next = p.json();
            }
            return true;
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String result = next;
            next = null;
            return result;
        }

        private void fetch() {
            List<TopicPartition> resume = new ArrayList<>();
            for (int i = 0; i < partitions.length; i++) {
                if (paused[i] && queues[i].size() < PAUSE_AT / 10) {
                    resume.add(partitions[i]);
                    paused[i] = false;
                }
            }
            if (!resume.isEmpty()) {
                consumer.resume(resume);
            }
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                int i = index.get(new TopicPartition(record.topic(), record.partition()));
                if (record.offset() < endOffsets[i]) {
                    queues[i].add(new Pending(logseqOf(record.value()), record.value()));
                }
                received[i] = record.offset() + 1;
            }
            for (int i = 0; i < partitions.length; i++) {
                if (received[i] < endOffsets[i]) {
                    // compacted or transaction-marker gaps: trust the consumer's position
                    received[i] = Math.max(received[i], consumer.position(partitions[i]));
                }
                if (!paused[i] && queues[i].size() >= PAUSE_AT) {
                    consumer.pause(List.of(partitions[i])); // bounded memory: wait for the other partitions
                    paused[i] = true;
                }
            }
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** The top-level logseq (canonical JSON: the last member of that name); -1 if there is none. */
    static long logseqOf(String json) {
        int at = org.mlaexchange.contracts.events.EventJson.lastMember(json, "\"logseq\":");
        if (at < 0) {
            return -1;
        }
        int start = at + 9;
        int end = start;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return end == start || end - start > 18 ? -1 : Long.parseLong(json, start, end, 10);
    }

    private record Pending(long logseq, String json) {
    }
}
