package org.mlaexchange.platform.eventlog;

import io.agroal.api.AgroalDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Reads rows of the event log through a server-side cursor, so a log is streamed, never held in memory whole. */
public final class LogReader {

    /**
     * Rows per fetch. A batch stays reachable while it is read, so a young collection during a read copies
     * it: it must fit a survivor space (1-4 MiB with the small heaps the services run with), or it is
     * promoted and piles up in the old generation, which Serial GC expands rather than collects until the
     * heap's cap. With 1000 envelopes (about 2 KiB each) request-service's old generation grew by 7 MiB a
     * minute in the soak, which verifies the whole log every round; with 200 (0.4 MiB) by 1 MiB a minute
     * (docs/reliability.md).
     */
    public static final int FETCH_SIZE = 200;

    /** What to do with each row. */
    public interface Row {
        void accept(ResultSet row) throws SQLException, IOException;
    }

    private LogReader() {
    }

    /** Runs the query read-only in one transaction and hands each row over in order. */
    public static void stream(AgroalDataSource dataSource, String sql, List<Object> args, Row row) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < args.size(); i++) {
                    query.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        row.accept(rs);
                    }
                }
            }
            connection.rollback();
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("event log read failed", e));
        }
    }
}
