package org.mlaexchange.evidence.bench;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.platform.projection.KnownRequests;
import org.mlaexchange.platform.testing.PublishedRequests;
import org.mlaexchange.platform.testing.Tokens;

/**
 * 1 GiB of evidence up and down through the API, with the JVM's heap sampled throughout, next to raw
 * baselines measured in the same run: the same bytes written to disk (with fsync) and into
 * PostgreSQL as 1 MiB bytea rows over plain JDBC. Prints figures; asserts only that bytes and
 * digests survive. Run: {@code deploy/local/stack bench -pl evidence-service -DargLine=-Xmx512m}.
 */
@QuarkusTest
@TestProfile(EvidenceThroughputBenchmark.LargeContent.class)
@Tag("benchmark")
class EvidenceThroughputBenchmark {

    static final long SIZE = Long.getLong("bench.bytes", 1L << 30);
    static final int BLOCK = 1 << 20;

    public static class LargeContent implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mla.evidence.max-content-bytes", String.valueOf(4L << 30));
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KnownRequests known;

    @Test
    void oneGibibyteUpAndDown() throws Exception {
        HeapSampler heap = new HeapSampler();
        byte[] digest = sha256(new Generated(SIZE));
        String digestHeader = "sha-256=:" + Base64.getEncoder().encodeToString(digest) + ":";
        System.out.printf("%n== evidence content, %d MiB, max heap %d MiB ==%n", SIZE >> 20,
                Runtime.getRuntime().maxMemory() >> 20);

        // baseline 1: the same bytes to disk, fsync'd
        Path file = Files.createTempFile("bench-evidence", ".bin");
        long t0 = System.nanoTime();
        try (InputStream in = new Generated(SIZE); FileOutputStream out = new FileOutputStream(file.toFile())) {
            in.transferTo(out);
            out.getFD().sync();
        }
        report("raw disk write + fsync", SIZE, System.nanoTime() - t0, null);
        Files.delete(file);

        // baseline 2: the same bytes as 1 MiB bytea rows in one transaction over plain JDBC, then read back
        t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE bench_chunk (seq INT PRIMARY KEY, data BYTEA)");
            s.execute("ALTER TABLE bench_chunk ALTER COLUMN data SET STORAGE EXTERNAL");
            c.setAutoCommit(false);
            try (InputStream in = new Generated(SIZE); PreparedStatement insert = c.prepareStatement("INSERT INTO bench_chunk VALUES (?, ?)")) {
                byte[] buffer = new byte[BLOCK];
                int seq = 0;
                int n;
                while ((n = in.readNBytes(buffer, 0, BLOCK)) > 0) {
                    insert.setInt(1, seq++);
                    insert.setBytes(2, n == BLOCK ? buffer : java.util.Arrays.copyOf(buffer, n));
                    insert.executeUpdate();
                }
            }
            c.commit();
            report("raw PostgreSQL insert (JDBC, 1 MiB rows)", SIZE, System.nanoTime() - t0, null);
            t0 = System.nanoTime();
            MessageDigest readBack = MessageDigest.getInstance("SHA-256");
            try (PreparedStatement q = c.prepareStatement("SELECT data FROM bench_chunk ORDER BY seq")) {
                q.setFetchSize(1);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        readBack.update(rs.getBytes(1));
                    }
                }
            }
            report("raw PostgreSQL read back (JDBC cursor)", SIZE, System.nanoTime() - t0, null);
            c.rollback();
        }

        // the system: AR uploads through the API, NL downloads after dispatch
        UUID request = PublishedRequests.inExecution("evidence-test.mla.request.events", "NL", "AR", false);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> known.find(request).isPresent());
        String base = "http://127.0.0.1:" + RestAssured.port;
        HttpClient http = HttpClient.newHttpClient();
        String transfer = post(http, base + "/api/transfers", "ar", "{\"requestId\":\"" + request + "\"}", "transfer");
        String item = post(http, base + "/api/transfers/" + transfer + "/items", "ar",
                "{\"kind\":\"AUDIO_VIDEO_RECORDING\",\"description\":\"Hearing of W-17\",\"mediaType\":\"video/mp4\","
                        + "\"provenance\":{\"method\":\"Video conference\",\"obtainedOn\":\"2026-11-01\",\"place\":\"Buenos Aires\",\"obtainedBy\":\"Court\"},"
                        + "\"legalBasis\":\"MLA request\"}", "item");

        heap.start();
        t0 = System.nanoTime();
        HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(URI.create(base + "/api/items/" + item + "/content"))
                .header("Authorization", "Bearer " + Tokens.officer("ar")).header("Content-Type", "video/mp4")
                .header("Content-Digest", digestHeader).header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new Generated(SIZE)), SIZE))
                .build(), HttpResponse.BodyHandlers.ofString());
        long uploadNanos = System.nanoTime() - t0;
        long uploadHeap = heap.stop();
        if (uploaded.statusCode() != 200) {
            throw new AssertionError("upload failed: " + uploaded.statusCode() + " " + uploaded.body());
        }
        report("MLA Exchange upload (PUT, digest checked)", SIZE, uploadNanos, uploadHeap);

        post(http, base + "/api/transfers/" + transfer + "/dispatch", "ar", "{}", null, "\"1\"");
        heap.start();
        t0 = System.nanoTime();
        HttpResponse<InputStream> download = http.send(HttpRequest.newBuilder(URI.create(base + "/api/items/" + item + "/content"))
                .header("Authorization", "Bearer " + Tokens.officer("nl")).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        byte[] downloadedDigest;
        try (InputStream body = download.body()) {
            downloadedDigest = sha256(body);
        }
        long downloadNanos = System.nanoTime() - t0;
        long downloadHeap = heap.stop();
        report("MLA Exchange download (GET, streamed)", SIZE, downloadNanos, downloadHeap);
        if (!MessageDigest.isEqual(digest, downloadedDigest) || !digestHeader.equals(download.headers().firstValue("Content-Digest").orElse(""))) {
            throw new AssertionError("downloaded content differs: " + HexFormat.of().formatHex(downloadedDigest));
        }
        System.out.println("digest " + HexFormat.of().formatHex(digest) + " verified after the round trip");
    }

    private static String post(HttpClient http, String url, String realm, String json, String created) throws Exception {
        return post(http, url, realm, json, created, null);
    }

    private static String post(HttpClient http, String url, String realm, String json, String created, String ifMatch)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + Tokens.officer(realm)).header("Content-Type", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(url + ": " + response.statusCode() + " " + response.body());
        }
        return created == null ? null : EventJson.tree(response.body()).path("case").path("id").asText();
    }

    private static void report(String what, long bytes, long nanos, Long maxHeap) {
        double seconds = nanos / 1e9;
        System.out.printf("%-44s %6.1f s  %7.1f MiB/s%s%n", what, seconds, (bytes / 1048576.0) / seconds,
                maxHeap == null ? "" : String.format("  heap used max %d MiB", maxHeap >> 20));
    }

    private static byte[] sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[BLOCK];
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
        }
        return digest.digest();
    }

    /** Deterministic incompressible bytes of any length, generated on the fly (never held whole). */
    static final class Generated extends InputStream {
        private final long size;
        private final byte[] block = new byte[BLOCK];
        private long position;

        Generated(long size) {
            this.size = size;
            new Random(42).nextBytes(block);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int offsetInBlock = (int) (position % BLOCK);
            int n = (int) Math.min(Math.min(len, BLOCK - offsetInBlock), size - position);
            System.arraycopy(block, offsetInBlock, b, off, n);
            if (offsetInBlock == 0 && n >= 8) { // each block differs: its index in its first bytes
                long index = position / BLOCK;
                for (int i = 0; i < 8; i++) {
                    b[off + i] ^= (byte) (index >>> (8 * i));
                }
            }
            position += n;
            return n;
        }
    }

    /** Samples heap in use every 50 ms; returns the highest sample. */
    static final class HeapSampler {
        private final AtomicLong max = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean();
        private Thread thread;

        void start() {
            System.gc();
            max.set(0);
            running.set(true);
            thread = new Thread(() -> {
                while (running.get()) {
                    long used = ManagementFactory.getMemoryPoolMXBeans().stream()
                            .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getUsage().getUsed()).sum();
                    max.accumulateAndGet(used, Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.start();
        }

        long stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return max.get();
        }
    }

}
