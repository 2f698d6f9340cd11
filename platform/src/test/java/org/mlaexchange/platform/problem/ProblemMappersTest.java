package org.mlaexchange.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    record Content(java.util.List<org.mlaexchange.contracts.request.MeasureRequest> measures) {
    }

    private static Problem.FieldError typeIdError(String measure) {
        try {
            org.mlaexchange.contracts.events.EventJson.mapper().readValue("{\"measures\": [" + measure + "]}", Content.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            Problem problem = ProblemMappers.jsonProblem(e);
            assertEquals(400, problem.status());
            return problem.errors().get(0);
        }
        throw new AssertionError("read without error: " + measure);
    }

    /** A measure's kind picks its record: a missing or unknown kind is named like an enum field, with the kinds allowed. */
    @Test
    void aTypePropertyIsNamedWithItsAllowedValues() {
        assertEquals(new Problem.FieldError("measures[0].kind", "is required"), typeIdError("{\"specifics\": \"x\"}"));
        Problem.FieldError unknown = typeIdError("{\"kind\": \"TELEPATHY\"}");
        assertEquals("measures[0].kind", unknown.field());
        assertTrue(unknown.message().startsWith("cannot read \"TELEPATHY\"; one of TAKING_EVIDENCE_OR_STATEMENTS, EXAMINING_OBJECTS_AND_SITES"),
                unknown.message());
    }
}
