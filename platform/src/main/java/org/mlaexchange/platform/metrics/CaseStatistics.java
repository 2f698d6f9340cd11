package org.mlaexchange.platform.metrics;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlaexchange.contracts.StateCode;

/**
 * What an operator counts of a service's cases: how many are in each status, and which deadlines are
 * overdue, of what kind and owed by which State. A service whose cases live in one table with
 * {@code status}, {@code next_deadline_at} and the folded {@code state} gives the table and how to
 * read the overdue deadlines from a case's state (its domain decides, as for the reminders).
 */
public abstract class CaseStatistics {

    /** One overdue deadline: its kind and the State that owes its milestone. */
    public record Overdue(String kind, StateCode owedBy) {
    }

    private final AgroalDataSource dataSource;
    private final String table;

    protected CaseStatistics(AgroalDataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    /** The overdue deadlines of one case, from its stored state. */
    protected abstract List<Overdue> overdueIn(String stateJson, Instant now);

    Map<String, Long> byStatus() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT status, count(*) FROM " + table + " GROUP BY status ORDER BY status");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    List<Overdue> overdue(Instant now) throws SQLException {
        List<Overdue> overdue = new ArrayList<>();
        // next_deadline_at is the earliest running deadline: only those cases can have one overdue
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT state FROM " + table + " WHERE next_deadline_at < ?")) {
            q.setTimestamp(1, Timestamp.from(now));
            q.setFetchSize(500);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    overdue.addAll(overdueIn(rs.getString(1), now));
                }
            }
        }
        return overdue;
    }
}
