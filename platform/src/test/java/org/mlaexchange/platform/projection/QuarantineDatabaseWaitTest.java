package org.mlaexchange.platform.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A consumer whose own database is out of reach applies the record again once it answers, instead of failing the
 * channel for good (which left a projection behind until a restart: the quick fault scenarios caught it); a failure
 * that is not the database's is thrown at once, as before.
 */
class QuarantineDatabaseWaitTest {

    private static final ConsumerRecord<String, String> RECORD = new ConsumerRecord<>("mla.request.events", 1, 42L, "key", "{}");

    @Test
    void aRecordMetWhileTheDatabaseIsDownIsAppliedOnceItIsBack() {
        AtomicInteger attempts = new AtomicInteger();
        Quarantine.untilDatabaseReachable(RECORD, () -> {
            switch (attempts.incrementAndGet()) {
                case 1 -> throw new PersistenceException("could not execute",
                        new SQLException("An I/O error occurred while sending to the backend.", "08006"));
                case 2 -> throw new IllegalStateException(new SQLException("Acquisition timeout while waiting for new connection"));
                default -> { } // applied
            }
        });
        assertEquals(3, attempts.get());
    }

    @Test
    void anyOtherFailureIsThrownAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        PersistenceException constraint = new PersistenceException("constraint",
                new SQLException("duplicate key value violates unique constraint", "23505"));
        PersistenceException thrown = assertThrows(PersistenceException.class,
                () -> Quarantine.untilDatabaseReachable(RECORD, () -> {
                    attempts.incrementAndGet();
                    throw constraint;
                }));
        assertSame(constraint, thrown);
        assertEquals(1, attempts.get());
    }

    @Test
    void anInterruptedWaitGivesUpWithTheDatabaseFailure() {
        AtomicInteger attempts = new AtomicInteger();
        PersistenceException down = new PersistenceException(new SQLException("Connection refused", "08001"));
        Thread.currentThread().interrupt(); // as at shutdown: the wait ends at once
        try {
            assertSame(down, assertThrows(PersistenceException.class, () -> Quarantine.untilDatabaseReachable(RECORD, () -> {
                attempts.incrementAndGet();
                throw down;
            })));
            assertEquals(1, attempts.get());
        } finally {
            Thread.interrupted();
        }
    }
}
