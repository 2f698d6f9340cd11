package org.mlaexchange.platform.statistics;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.statistics.LogStatistics;
import org.mlaexchange.platform.PlatformConfig;

/**
 * The statistics' figures of each case, folded from the service's event log as it grows and kept in
 * {@code statistics_case}: a statistics call folds only the events appended since the last one, a few hundred
 * at a time, each batch in its own transaction with the position it reached, then adds up the kept cases one row
 * at a time. Folding the whole log on each call ran out of heap with a million cases in the log.
 */
@ApplicationScoped
public class FoldedCases {

    /** Events per transaction: one look-up of their cases, one batch of upserts. */
    static final int EVENTS_PER_FOLD = 500;

    private final AgroalDataSource dataSource;
    private final String service;
    private final ExecutorService folder = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mla-statistics-fold");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Void> folding;

    public FoldedCases(AgroalDataSource dataSource, PlatformConfig config) {
        this.dataSource = dataSource;
        this.service = config.service();
    }

    /**
     * Folds every event appended before this call, waiting at most {@code wait}; a fold that takes longer goes on
     * without the caller.
     *
     * @return whether every event appended before the call is folded
     */
    public boolean foldWithin(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            CompletableFuture<Void> fold;
            boolean started;
            synchronized (this) {
                started = folding == null || folding.isDone();
                if (started) {
                    folding = CompletableFuture.runAsync(this::foldAll, folder);
                }
                fold = folding;
            }
            try {
                fold.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            if (started) {
                return true;
            }
            // a fold another call started may have read the log's end before this call's own events were committed
        }
    }

    /** Events in the log not folded yet. */
    public long behind() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT h.logseq - p.logseq FROM event_log_head h, statistics_position p");
             ResultSet row = query.executeQuery()) {
            return row.next() ? Math.max(0, row.getLong(1)) : 0;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void foldAll() {
        while (foldNext() == EVENTS_PER_FOLD) {
            // more to fold
        }
    }

    /** Folds the next events after the position onto their cases' kept figures, in one transaction. */
    int foldNext() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int folded = foldNext(connection);
                connection.commit();
                return folded;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private int foldNext(Connection connection) throws SQLException {
        long position;
        // one fold at a time, also between the service's instances
        try (PreparedStatement query = connection.prepareStatement("SELECT logseq FROM statistics_position WHERE id = 1 FOR UPDATE");
             ResultSet row = query.executeQuery()) {
            row.next();
            position = row.getLong(1);
        }
        List<CloudEvent> events = new ArrayList<>(EVENTS_PER_FOLD);
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT logseq, envelope FROM event_log WHERE logseq > ? ORDER BY logseq LIMIT " + EVENTS_PER_FOLD)) {
            query.setLong(1, position);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    position = rows.getLong(1);
                    events.add(EventJson.parse(rows.getString(2)));
                }
            }
        }
        if (events.isEmpty()) {
            return 0;
        }
        LogStatistics fold = LogStatistics.forService(service);
        try (PreparedStatement query = connection.prepareStatement("SELECT fold, case_key, figures FROM statistics_case WHERE case_key = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("varchar", fold.caseKeys(events).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    fold.restore(rows.getString(1), rows.getString(2), rows.getString(3));
                }
            }
        }
        events.forEach(fold::accept);
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO statistics_case (case_key, fold, first_state, second_state, opened_at, figures) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (case_key, fold) DO UPDATE SET first_state = EXCLUDED.first_state, second_state = EXCLUDED.second_state,
                    opened_at = EXCLUDED.opened_at, figures = EXCLUDED.figures""")) {
            for (LogStatistics.KeptCase kept : fold.drain()) {
                upsert.setString(1, kept.key());
                upsert.setString(2, kept.fold());
                upsert.setString(3, kept.first());
                upsert.setString(4, kept.second());
                upsert.setObject(5, kept.openedAt() == null ? null : kept.openedAt().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                upsert.setString(6, kept.figures());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE statistics_position SET logseq = ? WHERE id = 1")) {
            update.setLong(1, position);
            update.executeUpdate();
        }
        return events.size();
    }

    private static UncheckedIOException failed(SQLException e) {
        return new UncheckedIOException(new IOException("statistics fold failed", e));
    }

    void stop(@Observes ShutdownEvent ignored) {
        folder.shutdownNow();
    }
}
