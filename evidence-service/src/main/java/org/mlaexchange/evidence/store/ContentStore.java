package org.mlaexchange.evidence.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hibernate.Session;
import org.mlaexchange.platform.store.TimeOrderedIds;
import org.postgresql.PGStatement;

/**
 * Evidence content in PostgreSQL, in fixed-size chunks: written from a stream while its SHA-256 is
 * computed, read back chunk by chunk, so memory stays constant whatever the size (claim-check
 * pattern: events carry the digest and the item id, never the bytes).
 */
@ApplicationScoped
public class ContentStore {

    public static final int CHUNK_SIZE = 1024 * 1024;

    /** Longest an upload may take (its own transaction): 2 GiB at a slow 1 MiB/s. */
    private static final int UPLOAD_TIMEOUT_SECONDS = 3600;

    private final EntityManager entityManager;
    private final AgroalDataSource dataSource;

    public ContentStore(EntityManager entityManager, AgroalDataSource dataSource) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
    }

    /** What arrived: its upload, size and lower-case hex SHA-256; kept only once {@link #accept}ed. */
    public record Stored(UUID uploadId, long size, String sha256, byte[] digest) {
    }

    /** The upload was larger than allowed; nothing is kept (its transaction rolls back). */
    public static class TooLarge extends RuntimeException {
        public TooLarge(long limit) {
            super("content exceeds the limit of " + limit + " bytes");
        }
    }

    /**
     * Streams {@code content} into chunks under a new upload id, in a transaction of its own that holds
     * no lock on the item; until the item's unit {@link #accept}s it the upload is nobody's content.
     * Reading the body (and hashing it) and inserting the previous chunk overlap: the inserts run on a
     * thread of their own, one chunk behind, with two chunks in memory at most.
     */
    public Stored write(UUID itemId, InputStream content, long maxBytes) {
        UUID uploadId = TimeOrderedIds.next();
        return QuarkusTransaction.requiringNew().timeout(UPLOAD_TIMEOUT_SECONDS).call(() -> entityManager.unwrap(Session.class)
                .doReturningWork(connection -> {
                    MessageDigest sha256 = sha256();
                    long size = 0;
                    int seq = 0;
                    ExecutorService inserter = Executors.newSingleThreadExecutor(r -> new Thread(r, "evidence-chunk-insert"));
                    List<Future<?>> inFlight = new ArrayList<>(1);
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO item_content_chunk (upload_id, item_id, seq, data) VALUES (?, ?, ?, ?)")) {
                        Future<?> previous = null;
                        byte[] buffer = new byte[CHUNK_SIZE];
                        byte[] spare = new byte[CHUNK_SIZE];
                        while (true) {
                            int filled = fill(content, buffer);
                            if (filled == 0) {
                                break;
                            }
                            size += filled;
                            if (size > maxBytes) {
                                throw new TooLarge(maxBytes);
                            }
                            sha256.update(buffer, 0, filled);
                            awaitInsert(previous);
                            byte[] chunk = filled == CHUNK_SIZE ? buffer : java.util.Arrays.copyOf(buffer, filled);
                            int chunkSeq = seq++;
                            previous = inserter.submit(() -> {
                                insert.setObject(1, uploadId);
                                insert.setObject(2, itemId);
                                insert.setInt(3, chunkSeq);
                                insert.setBytes(4, chunk);
                                return insert.executeUpdate();
                            });
                            inFlight.clear();
                            inFlight.add(previous);
                            // the next chunk is read into the other buffer while this one is inserted
                            byte[] swap = buffer;
                            buffer = spare;
                            spare = swap;
                            if (filled < CHUNK_SIZE) {
                                break;
                            }
                        }
                        awaitInsert(previous);
                    } finally {
                        // never hand the connection back (to roll back) while an insert still uses it
                        inFlight.forEach(ContentStore::settle);
                        inserter.shutdown();
                    }
                    byte[] digest = sha256.digest();
                    return new Stored(uploadId, size, HexFormat.of().formatHex(digest), digest);
                }));
    }

    private static void settle(Future<?> insert) {
        try {
            insert.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ignored) {
            // the upload fails for its first error, already thrown
        }
    }

    private static void awaitInsert(Future<?> insert) throws SQLException {
        if (insert == null) {
            return;
        }
        try {
            insert.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while storing evidence content", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause());
        }
    }

    /** Makes the upload the item's content, in the unit that records it (content-stored). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void accept(UUID itemId, UUID uploadId) {
        entityManager.createNativeQuery("INSERT INTO item_content (item_id, upload_id) VALUES (?1, ?2)")
                .setParameter(1, itemId).setParameter(2, uploadId).executeUpdate();
    }

    /**
     * Deletes the stored content of these items, in the unit that records the erasure of their transfer's
     * personal data (a witness's statement is personal data too); their digests stay in the log.
     *
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(Collection<UUID> itemIds) {
        for (UUID itemId : itemIds) {
            entityManager.createNativeQuery("""
                            DELETE FROM item_content_chunk WHERE upload_id IN (SELECT upload_id FROM item_content WHERE item_id = ?1)""")
                    .setParameter(1, itemId).executeUpdate();
            entityManager.createNativeQuery("DELETE FROM item_content WHERE item_id = ?1").setParameter(1, itemId).executeUpdate();
        }
    }

    /** Drops an upload that was refused after it arrived (digest mismatch, item changed meanwhile). */
    public void discard(UUID uploadId) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM item_content_chunk WHERE upload_id = ?1 AND NOT EXISTS "
                        + "(SELECT 1 FROM item_content WHERE upload_id = ?1)")
                .setParameter(1, uploadId).executeUpdate());
    }

    /** Writes bytes {@code from}..{@code to} (inclusive) of the item's content, reading one chunk at a time. */
    public void read(UUID itemId, long from, long to, OutputStream out) throws IOException {
        int firstChunk = (int) (from / CHUNK_SIZE);
        int lastChunk = (int) (to / CHUNK_SIZE);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // a cursor: chunks are fetched one by one
            connection.setReadOnly(true);
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT c.seq, c.data FROM item_content i JOIN item_content_chunk c ON c.upload_id = i.upload_id
                    WHERE i.item_id = ? AND c.seq BETWEEN ? AND ? ORDER BY c.seq""")) {
                query.setFetchSize(1);
                // each chunk in binary from the first execution: in text (until a statement has run five times on a
                // connection) PostgreSQL sends bytea as hex, twice its size, and the driver decodes it
                query.unwrap(PGStatement.class).setPrepareThreshold(-1);
                query.setObject(1, itemId);
                query.setInt(2, firstChunk);
                query.setInt(3, lastChunk);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        long chunkStart = (long) rs.getInt(1) * CHUNK_SIZE;
                        byte[] data = rs.getBytes(2);
                        int start = (int) Math.max(0, from - chunkStart);
                        int end = (int) Math.min(data.length - 1, to - chunkStart);
                        out.write(data, start, end - start + 1);
                    }
                }
            }
            connection.rollback();
        } catch (SQLException e) {
            throw new IOException("reading evidence content failed", e);
        }
    }

    private static int fill(InputStream in, byte[] buffer) {
        try {
            int filled = 0;
            while (filled < buffer.length) {
                int n = in.read(buffer, filled, buffer.length - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
            }
            return filled;
        } catch (IOException e) {
            throw new UncheckedIOException("the upload was interrupted", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
