package org.mlaexchange.request.bench;

import static io.restassured.RestAssured.given;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.platform.testing.Tokens;
import org.mlaexchange.platform.testing.TopicReader;

/**
 * Commit → on Kafka latency of the outbox relay at moderate load, printed next to baselines measured
 * in the same run: a raw Kafka producer → consumer (acks=all) and a raw PostgreSQL insert + commit.
 * Not a test of speed: it prints figures. Run: {@code deploy/local/stack bench}.
 */
@QuarkusTest
@Tag("benchmark")
class RelayLatencyBenchmark {

    static final int RATE_PER_SECOND = Integer.getInteger("bench.rate", 50);
    static final int SECONDS = Integer.getInteger("bench.seconds", 20);

    @ConfigProperty(name = "mla.events.topic")
    String topic;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void commitToKafkaLatency() throws Exception {
        int count = RATE_PER_SECOND * SECONDS;
        System.out.printf("%n== commit → Kafka latency, %d events at %d/s ==%n", count, RATE_PER_SECOND);
        List<Long> kafka = rawKafka(count);
        List<Long> postgres = rawPostgres(count);
        List<Long> relay = relay(count);
        print("raw Kafka produce → consume (acks=all)", kafka);
        print("raw PostgreSQL insert + commit", postgres);
        print("MLA Exchange: event time (in tx) → consumer", relay);
    }

    /** Baseline: a producer sends timestamped records, a consumer measures arrival. */
    private List<Long> rawKafka(int count) throws Exception {
        String benchTopic = "bench.raw." + UUID.randomUUID();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean done = new AtomicBoolean();
        Thread consumer = new Thread(() -> {
            try (KafkaConsumer<String, String> c = consumer()) {
                c.subscribe(List.of(benchTopic));
                while (!done.get() || latencies.size() < count) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
                        latencies.add(System.nanoTime() - Long.parseLong(r.value().substring(0, r.value().indexOf(';'))));
                    }
                    if (done.get() && latencies.size() >= count) {
                        break;
                    }
                }
            }
        });
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicReader.BOOTSTRAP,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            p.send(new ProducerRecord<>(benchTopic, "warm-up", "0;")).get(); // creates the topic
            consumer.start();
            Thread.sleep(3000); // consumer joined and positioned at the end
            latencies.clear();
            String padding = "x".repeat(900);
            paced(count, i -> p.send(new ProducerRecord<>(benchTopic, "case-" + (i % 50), System.nanoTime() + ";" + padding)));
            p.flush();
        }
        done.set(true);
        consumer.join(30_000);
        return new ArrayList<>(latencies);
    }

    /** Baseline: one small row per transaction, as the event log does, timed from insert to commit return. */
    private List<Long> rawPostgres(int count) throws Exception {
        List<Long> latencies = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE bench_rows (id BIGINT PRIMARY KEY, body TEXT)");
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_rows VALUES (?, ?)")) {
                String body = "x".repeat(1000);
                paced(count, i -> {
                    long start = System.nanoTime();
                    insert.setLong(1, i);
                    insert.setString(2, body);
                    insert.executeUpdate();
                    c.commit();
                    latencies.add(System.nanoTime() - start);
                });
            }
        }
        return latencies;
    }

    /** The system: requests submitted over HTTP; a plain consumer measures event time → arrival. */
    private List<Long> relay(int count) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean done = new AtomicBoolean();
        Instant start = Instant.now();
        Thread consumer = new Thread(() -> {
            try (KafkaConsumer<String, String> c = consumer()) {
                c.subscribe(List.of(topic));
                while (latencies.size() < count && !(done.get() && Instant.now().isAfter(start.plusSeconds(SECONDS + 60)))) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
                        Instant arrived = Instant.now();
                        Instant time = Instant.parse(EventJson.tree(r.value()).get("time").asText());
                        if (time.isAfter(start)) {
                            latencies.add(Duration.between(time, arrived).toNanos());
                        }
                    }
                }
            }
        });
        consumer.start();
        Thread.sleep(3000);
        String token = Tokens.officer("nl");
        String body = new String(getClass().getResourceAsStream("/bench-submission.json").readAllBytes());
        paced(count, i -> given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/requests").then().statusCode(201));
        done.set(true);
        consumer.join(90_000);
        return new ArrayList<>(latencies);
    }

    interface Step {
        void run(int i) throws Exception;
    }

    /** Runs {@code count} steps at RATE_PER_SECOND, open-loop on a fixed schedule. */
    private static void paced(int count, Step step) throws Exception {
        long interval = 1_000_000_000L / RATE_PER_SECOND;
        long begin = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = begin + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            step.run(i);
        }
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicReader.BOOTSTRAP,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
    }

    private static void print(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.printf("%-48s no samples%n", what);
            return;
        }
        System.out.printf("%-48s n=%5d  p50=%7.2f ms  p95=%7.2f ms  p99=%7.2f ms  max=%7.2f ms%n", what, sorted.size(),
                ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }
}
