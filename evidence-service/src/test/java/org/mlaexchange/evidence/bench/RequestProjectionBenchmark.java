package org.mlaexchange.evidence.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.platform.eventlog.OutboxRelay;
import org.mlaexchange.platform.testing.KafkaTopicReset;
import org.mlaexchange.platform.testing.PublishedRequests;
import org.mlaexchange.platform.testing.Rows;
import org.mlaexchange.platform.testing.TopicReader;

/**
 * CPU per request event projected by this service's request consumer (issue 10): N submitted-request events, sealed
 * before the clock starts, are published at once on the test request topic; the figures cover the time until all N
 * are in the projection. Process CPU is this JVM's (the service and the test); the publisher's threads (the test
 * thread, the producer's network thread) are measured apart and taken out. PostgreSQL's share is the CPU of the
 * backends serving {@code evidence_test} (from /proc). Prints figures; asserts only that each event was applied once.
 * Run: {@code ./mvnw -B -o verify -pl evidence-service -am -Dexcluded.groups=none -Dtest=RequestProjectionBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (bench.events, default 3000).
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTopicReset.class, initArgs = @ResourceArg(name = "topics", value = RequestProjectionBenchmark.TOPIC))
@Tag("benchmark")
class RequestProjectionBenchmark {

    static final int EVENTS = Integer.getInteger("bench.events", 3000);
    static final String TOPIC = "evidence-test.mla.request.events";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void cpuPerProjectedEvent() throws Exception {
        run(1000, false); // warm-up: JIT, pool connections, partitions assigned
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long idle0 = os.getProcessCpuTime();
        Thread.sleep(3000);
        System.out.printf("%n== idle service: %.1f ms CPU per second ==%n", (os.getProcessCpuTime() - idle0) / 1e6 / 3);
        for (int i = 0; i < 3; i++) {
            run(EVENTS, true);
        }
    }

    private void run(int n, boolean report) throws Exception {
        List<UUID> requests = new ArrayList<>(n);
        List<UUID> events = new ArrayList<>(n);
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            String value = PublishedRequests.submitted(id, "NL", "AR");
            requests.add(id);
            events.add(UUID.fromString(EventJson.parse(value).id()));
            values.add(value);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<Long, Long> pg0 = postgresTicks();
        Map<Long, Long> threads0 = threadCpu(threads);
        long cpu0 = os.getProcessCpuTime();
        long test0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        long producerCpu;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicReader.BOOTSTRAP,
                ProducerConfig.CLIENT_ID_CONFIG, "bench-publisher",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (int i = 0; i < n; i++) {
                producer.send(OutboxRelay.recordOf(TOPIC, requests.get(i).toString(), values.get(i)));
            }
            producer.flush();
            producerCpu = producerThreadsCpu(threads);
        }
        long published = System.nanoTime();
        while (count("SELECT count(*) FROM known_request WHERE request_id = ANY(?)", requests) < n) {
            if (System.nanoTime() - wall0 > TimeUnit.MINUTES.toNanos(10)) {
                throw new AssertionError("not all " + n + " events projected within 10 minutes");
            }
            Thread.sleep(100);
        }
        long wall = System.nanoTime() - wall0;
        long cpu = os.getProcessCpuTime() - cpu0;
        long testCpu = threads.getCurrentThreadCpuTime() - test0;
        Map<String, Long> byThread = new java.util.TreeMap<>();
        threadCpu(threads).forEach((id, nanos) -> {
            var info = threads.getThreadInfo(id);
            if (info != null) {
                byThread.merge(info.getThreadName().replaceAll("[-\\d]+$", "").replaceAll(" \\|.*", ""),
                        nanos - threads0.getOrDefault(id, 0L), Long::sum);
            }
        });
        double pgCpuMs = (postgresTicks().entrySet().stream().mapToLong(e -> e.getValue() - pg0.getOrDefault(e.getKey(), 0L)).sum())
                * 1000.0 / 100; // USER_HZ

        assertEquals(n, count("SELECT count(*) FROM known_request WHERE request_id = ANY(?) AND version = 1", requests),
                "each request projected at version 1");
        assertEquals(n, count("SELECT count(*) FROM inbox WHERE consumer = 'request-projection' AND event_id = ANY(?)", events),
                "each event applied once");
        // rows written by one transaction carry its id: the number of commits that projected the N events
        long commits = count("SELECT count(DISTINCT xmin::text) FROM known_request WHERE request_id = ANY(?)", requests);
        if (report) {
            long service = cpu - testCpu - producerCpu;
            System.out.printf("%n== request projection, %d events (%s) ==%n", n, TOPIC);
            System.out.printf("wall %d ms (publish %d ms), %.0f events/s, %d commits%n", ms(wall), ms(published - wall0),
                    n * 1e9 / wall, commits);
            System.out.printf("process CPU %d ms; publisher (test thread %d ms + producer %d ms); service side %d ms = %.3f ms/event%n",
                    ms(cpu), ms(testCpu), ms(producerCpu), ms(service), service / 1e6 / n);
            byThread.entrySet().stream().filter(e -> e.getValue() > 50_000_000L)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> System.out.printf("  threads %-45s %6d ms%n", e.getKey(), ms(e.getValue())));
            System.out.printf("PostgreSQL backends of evidence_test: %.0f ms = %.3f ms/event%n%n", pgCpuMs, pgCpuMs / n);
        }
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static Map<Long, Long> threadCpu(ThreadMXBean threads) {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            cpu.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        return cpu;
    }

    private static long producerThreadsCpu(ThreadMXBean threads) {
        long total = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("bench-publisher")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private long count(String sql, List<UUID> ids) throws Exception {
        return Rows.count(dataSource, sql, ids);
    }

    /** utime + stime (clock ticks) of each PostgreSQL backend serving the test database, by pid. */
    private static Map<Long, Long> postgresTicks() throws Exception {
        Map<Long, Long> ticks = new HashMap<>();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmdline = Files.readString(proc.resolve("cmdline"));
                    if (!cmdline.startsWith("postgres: ") || !cmdline.contains(" evidence_test ")) {
                        continue;
                    }
                    String stat = Files.readString(proc.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(Long.parseLong(proc.getFileName().toString()), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (java.io.IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        }
        return ticks;
    }
}
