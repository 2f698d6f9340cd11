package org.mlaexchange.platform.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The relay's connection, ended by PostgreSQL, must not go back to the pool: the clean-clone CI of ae56d4c had a
 * caller take it right after {@code pg_terminate_backend} ended the relay's backend ("An I/O error occurred while
 * sending to the backend"). Here one thread does what the relay does with its connection, so the pool's per-thread
 * cache would hand the ended connection straight back to it if it were returned.
 */
@QuarkusTest
class RelayConnectionTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aConnectionPostgresqlEndedDoesNotGoBackToThePool() throws Exception {
        long ended;
        try (Connection relays = dataSource.getConnection()) {
            ended = pid(relays);
            try (Connection other = dataSource.getConnection(); Statement s = other.createStatement()) {
                s.execute("SELECT pg_terminate_backend(" + ended + ")");
            }
            awaitGone(ended);
            OutboxRelay.dropIfBroken(relays);
        }
        try (Connection next = dataSource.getConnection()) {
            assertNotEquals(ended, pid(next), "the pool handed out the connection PostgreSQL had ended");
        }
    }

    @Test
    void aHealthyConnectionGoesBackToThePool() throws Exception {
        long kept;
        try (Connection relays = dataSource.getConnection()) {
            kept = pid(relays);
            OutboxRelay.dropIfBroken(relays);
        }
        try (Connection next = dataSource.getConnection()) {
            // the pool's per-thread cache gives this thread the connection it returned last
            assertEquals(kept, pid(next));
        }
    }

    private void awaitGone(long pid) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid)) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("backend " + pid + " still there after 10 s");
    }

    private static long pid(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
