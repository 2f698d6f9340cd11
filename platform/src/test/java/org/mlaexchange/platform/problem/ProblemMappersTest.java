package org.mlaexchange.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The database out of reach is a 503 with Retry-After, not a 500; any other failure stays a 500. */
class ProblemMappersTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainMeanTheDatabaseIsUnreachable() {
        assertTrue(ProblemMappers.databaseUnreachable(new PersistenceException("could not execute",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"))));
        assertTrue(ProblemMappers.databaseUnreachable(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(ProblemMappers.databaseUnreachable(new IllegalStateException(
                new SQLException("Acquisition timeout while waiting for new connection"))));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(ProblemMappers.databaseUnreachable(new PersistenceException("constraint",
                new SQLException("duplicate key value violates unique constraint", "23505"))));
        assertFalse(ProblemMappers.databaseUnreachable(new IllegalStateException("a bug")));
    }
}
