package org.mlaexchange.auditcli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.audit.CheckpointKeys;
import org.mlaexchange.contracts.audit.CheckpointSigner;
import org.mlaexchange.contracts.audit.MerkleLog;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.events.HashChain;

/**
 * Replay + verification of a 1 M-event log read from Kafka by the audit CLI (the packaged jar, run as
 * an auditor runs it), next to Kafka's own consumer rate on the same topic in the same run: Kafka's
 * consumer performance tool (a fresh JVM, like the CLI) and a plain consumer with the CLI's settings in
 * this JVM. Prints figures; asserts only that the CLI verified every event.
 * Run: deploy/local/stack bench -pl audit-cli -am (failsafe runs it after the jar is packaged).
 */
@Tag("benchmark")
class ReplayBenchmarkIT {

    private static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
    private static final int CASES = 20_000;
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void replayAndVerifyAMillionEventsNextToKafkasOwnConsumerRate() throws Exception {
        Path jar = ROOT.resolve("audit-cli/target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(jar), "package audit-cli first: " + jar);
        String topic = Logs.newTopic("bench");
        String checkpointsTopic = Logs.newTopic("bench-checkpoints");
        try {
            CheckpointSigner signer = CheckpointSigner.generate();
            Path key = Files.createTempFile("bench-key", ".pem");
            Files.writeString(key, CheckpointKeys.toPem(signer.publicKey()));
            long bytes = produce(topic, checkpointsTopic, signer);

            String tool = run(List.of(JAVA, "-Xmx1g", "-cp", ROOT.resolve(".local/kafka/lib").toString() + "/*",
                    "org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", Logs.BOOTSTRAP, "--topic", topic,
                    "--num-records", String.valueOf(EVENTS), "--timeout", "60000"));
            String[] toolRow = tool.lines().filter(l -> l.matches("^\\d{4}-.*")).reduce((a, b) -> b).orElseThrow().split(",\\s*");
            double toolOverall = Double.parseDouble(toolRow[5]);
            double toolFetch = Double.parseDouble(toolRow[9]);
            double toolWall = Double.parseDouble(toolRow[7]) / 1000 + Double.parseDouble(toolRow[6]) / 1000;

            Rate plain = rawConsume(topic);

            long start = System.nanoTime();
            String cli = run(List.of(JAVA, "-XX:+UseParallelGC", "-Xmx1g", "-jar", jar.toString(), "verify", "--from-kafka",
                    "--bootstrap-servers", Logs.BOOTSTRAP, "--service", Logs.SERVICE + "=http://127.0.0.1:9",
                    "--topic", Logs.SERVICE + "=" + topic, "--checkpoints-topic", checkpointsTopic,
                    "--public-key", Logs.SERVICE + "=" + key, "--witness", Files.createTempDirectory("bench-witness").toString(),
                    "--no-save", "--format", "csv"));
            double cliWall = (System.nanoTime() - start) / 1e9;
            String[] row = cli.lines().filter(l -> l.startsWith(Logs.SERVICE + ",")).findFirst().orElseThrow().split(",");
            assertEquals(String.valueOf(EVENTS), row[2], "events verified: " + cli);
            assertEquals("INTACT", row[11], cli);
            double cliSeconds = Double.parseDouble(row[row.length - 2]);
            double cliRate = EVENTS / cliSeconds;

            System.out.printf("%n=== Replay + verify: %,d events (%.1f MiB, mean %d bytes) on %s, 3 partitions ===%n",
                    EVENTS, bytes / 1048576.0, bytes / EVENTS, Logs.BOOTSTRAP);
            System.out.printf("kafka ConsumerPerformance (own JVM)   fetch %,9.0f events/s   overall %,9.0f events/s  (%.2f s incl. group join)%n",
                    toolFetch, toolOverall, toolWall);
            System.out.printf("plain KafkaConsumer, CLI settings     %,9.0f events/s  %6.1f MiB/s  (%.2f s, this JVM)%n",
                    plain.perSecond(), plain.mibPerSecond(), plain.seconds());
            System.out.printf("mla-audit verify --from-kafka (jar)   %,9.0f events/s  %6.1f MiB/s  (%.2f s from first event; %.2f s wall incl. JVM start, connecting, checkpoints)%n",
                    cliRate, bytes / 1048576.0 / cliSeconds, cliSeconds, cliWall);
            System.out.printf("CLI / Kafka tool: %.2f of its fetch rate, %.2f of its overall rate; wall %.2f s vs %.2f s%n%n",
                    cliRate / toolFetch, cliRate / toolOverall, cliWall, toolWall);
        } finally {
            Logs.deleteTopics(List.of(topic, checkpointsTopic));
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        assertEquals(0, exit, String.join(" ", command) + "\n" + output);
        return output;
    }

    /** Publishes a sealed chain as the relay does (key = case), and a signed checkpoint of its head; returns the bytes. */
    private static long produce(String topic, String checkpointsTopic, CheckpointSigner signer) {
        long bytes = 0;
        String prev = HashChain.GENESIS;
        MerkleLog tree = new MerkleLog();
        Map<Integer, Long> caseseq = new HashMap<>();
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = Logs.producer()) {
            for (int i = 1; i <= EVENTS; i++) {
                int c = i % CASES;
                String caseId = new UUID(0x5eed, c).toString();
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("requestId", caseId);
                data.put("requestedState", "AR");
                data.put("measureIds", List.of("m1", "m2"));
                data.put("summary", "Hearing of witness W-" + (i % 997) + " held by video conference; record and translation follow");
                data.put("note", "Bank records of account AR-" + (i % 9973) + " for 2021-2023 produced under order 17/2026 of the federal court");
                data.put("reportedAt", "2026-11-22T10:00:00Z");
                CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/mla-exchange/" + Logs.SERVICE,
                        "org.mlaexchange.request.progress-reported.v1", caseId, Instant.parse("2026-11-22T10:00:00Z").plusMillis(i).toString(),
                        CloudEvent.DATA_CONTENT_TYPE, "AR", caseseq.merge(c, 1L, Long::sum), i, prev, null, EventJson.toData(data));
                HashChain.Sealed sealed = HashChain.seal(event);
                bytes += sealed.json().length();
                producer.send(new ProducerRecord<>(topic, caseId, sealed.json()));
                prev = sealed.event().hash();
                tree.appendEventHash(prev);
            }
            producer.flush();
        }
        Logs.publishCheckpoints(checkpointsTopic,
                List.of(signer.sign(Logs.SERVICE, EVENTS, prev, EVENTS, tree.rootHex(), Instant.parse("2026-11-22T11:00:00Z"))));
        System.out.printf("produced %,d sealed events in %.1f s%n", EVENTS, (System.nanoTime() - start) / 1e9);
        return bytes;
    }

    private record Rate(long records, long bytes, double seconds) {
        double perSecond() {
            return records / seconds;
        }

        double mibPerSecond() {
            return bytes / 1048576.0 / seconds;
        }
    }

    /** The same consumer settings as the CLI, reading every record to the end and doing nothing with it. */
    private static Rate rawConsume(String topic) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        long records = 0;
        long bytes = 0;
        long start = System.nanoTime();
        try (KafkaConsumer<String, String> consumer = KafkaLogs.open(Logs.BOOTSTRAP, topic, ends)) {
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    bytes += record.value().length();
                }
            }
        }
        return new Rate(records, bytes, (System.nanoTime() - start) / 1e9);
    }
}
