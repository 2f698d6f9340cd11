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

    private static final int FETCH_SIZE = 1000;

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
