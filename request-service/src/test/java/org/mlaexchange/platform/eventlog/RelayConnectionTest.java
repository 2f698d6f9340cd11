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
 * What the relay leaves on its connection when it fails. One PostgreSQL ended must not go back to the pool: the
 * clean-clone CI of ae56d4c had a caller take it right after {@code pg_terminate_backend} ended the relay's backend
 * ("An I/O error occurred while sending to the backend"). A healthy one goes back without the relay's advisory lock
 * and LISTEN. Here one thread does what the relay does with its connection, and the pool's per-thread cache hands
 * that thread the connection it returned last.
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
            OutboxRelay.release(relays);
        }
        try (Connection next = dataSource.getConnection()) {
            assertNotEquals(ended, pid(next), "the pool handed out the connection PostgreSQL had ended");
        }
    }

    @Test
    void aHealthyConnectionGoesBackToThePoolWithoutTheRelaysLockAndListen() throws Exception {
        long kept;
        try (Connection relays = dataSource.getConnection(); Statement s = relays.createStatement()) {
            kept = pid(relays);
            s.execute("SELECT pg_try_advisory_lock(hashtext('mla-relay:relay-connection-test'))");
            s.execute("LISTEN " + EventLog.CHANNEL);
            OutboxRelay.release(relays);
        }
        try (Connection next = dataSource.getConnection(); Statement s = next.createStatement()) {
            // the pool's per-thread cache gives this thread the connection it returned last
            assertEquals(kept, pid(next));
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = " + kept)) {
                rs.next();
                assertEquals(0, rs.getLong(1), "the relay's advisory lock went back to the pool with its connection");
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_listening_channels()")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "the relay's LISTEN went back to the pool with its connection");
            }
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
