package org.mlaexchange.platform.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Counts rows of a service's own database in tests, for the cases named by their ids. */
public final class Rows {

    private Rows() {
    }

    /** The single number {@code sql} gives, its one parameter being the ids as a {@code uuid[]}. */
    public static long count(DataSource dataSource, String sql, List<UUID> ids) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
