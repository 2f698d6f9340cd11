package org.mlaexchange.evidence.store;

import io.agroal.api.AgroalDataSource;
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
import java.util.UUID;
import org.hibernate.Session;

/**
 * Evidence content in PostgreSQL, in fixed-size chunks: written from a stream while its SHA-256 is
 * computed, read back chunk by chunk, so memory stays constant whatever the size (claim-check
 * pattern: events carry the digest and the item id, never the bytes).
 */
@ApplicationScoped
public class ContentStore {

    public static final int CHUNK_SIZE = 1024 * 1024;

    private final EntityManager entityManager;
    private final AgroalDataSource dataSource;

    public ContentStore(EntityManager entityManager, AgroalDataSource dataSource) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
    }

    /** What was stored: size and lower-case hex SHA-256 of the bytes that arrived. */
    public record Stored(long size, String sha256, byte[] digest) {
    }

    /** The upload was larger than allowed; nothing is kept (the transaction rolls back). */
    public static class TooLarge extends RuntimeException {
        public TooLarge(long limit) {
            super("content exceeds the limit of " + limit + " bytes");
        }
    }

    /** Streams {@code content} into chunks of the item, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Stored write(UUID itemId, InputStream content, long maxBytes) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            MessageDigest sha256 = sha256();
            long size = 0;
            int seq = 0;
            byte[] buffer = new byte[CHUNK_SIZE];
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO item_content_chunk (item_id, seq, data) VALUES (?, ?, ?)")) {
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
                    insert.setObject(1, itemId);
                    insert.setInt(2, seq++);
                    insert.setBytes(3, filled == CHUNK_SIZE ? buffer : java.util.Arrays.copyOf(buffer, filled));
                    insert.executeUpdate();
                    if (filled < CHUNK_SIZE) {
                        break;
                    }
                }
            }
            byte[] digest = sha256.digest();
            return new Stored(size, HexFormat.of().formatHex(digest), digest);
        });
    }

    /** Writes bytes {@code from}..{@code to} (inclusive) of the item's content, reading one chunk at a time. */
    public void read(UUID itemId, long from, long to, OutputStream out) throws IOException {
        int firstChunk = (int) (from / CHUNK_SIZE);
        int lastChunk = (int) (to / CHUNK_SIZE);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // a cursor: chunks are fetched one by one
            connection.setReadOnly(true);
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT seq, data FROM item_content_chunk WHERE item_id = ? AND seq BETWEEN ? AND ? ORDER BY seq")) {
                query.setFetchSize(1);
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
