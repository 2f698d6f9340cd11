package org.mlaexchange.evidence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.platform.projection.KnownRequests;
import org.mlaexchange.platform.projection.Quarantine;
import org.mlaexchange.platform.testing.PublishedRequests;

/**
 * The consumer's database connection is lost after the projection's statements and before their commit (the
 * clean-clone CI run of 876f5f7 met it when PostgreSQL stopped: the commit's failure escaped the consumer, SmallRye
 * stopped the channel and extradition-service stayed DOWN). The record is applied again once the database answers,
 * exactly once.
 */
@QuarkusTest
class CommitLostTest {

    @Inject
    Quarantine quarantine;

    @Inject
    KnownRequests known;

    @Inject
    LosingCommit losingCommit;

    @Inject
    AgroalDataSource dataSource;

    private UUID request;

    @AfterEach
    void forget() throws Exception {
        Evidence.forgetUnpublished(dataSource, java.util.List.of(request));
    }

    @Test
    void aRecordWhoseCommitWasLostIsAppliedAgain() throws Exception {
        request = UUID.randomUUID();
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Evidence.REQUEST_TOPIC, 0, 0L, request.toString(),
                PublishedRequests.submitted(request, "NL", "AR"));
        AtomicInteger attempts = new AtomicInteger();

        quarantine.guard(record, "/mla-exchange/request-service",
                event -> losingCommit.apply(event, attempts.incrementAndGet() == 1));

        assertEquals(2, attempts.get(), "applied again after the lost commit");
        assertTrue(known.find(request).isPresent(), "the request reached the projection");
        assertEquals(1, known.find(request).orElseThrow().version());
    }

    /** Applies the event in a transaction whose connection is cut, when told to, just before the commit. */
    @ApplicationScoped
    static class LosingCommit {

        @Inject
        KnownRequests known;

        @Inject
        EntityManager entityManager;

        @ConfigProperty(name = "quarkus.datasource.jdbc.url")
        String url;

        @ConfigProperty(name = "quarkus.datasource.username")
        String user;

        @ConfigProperty(name = "quarkus.datasource.password")
        String password;

        @Transactional
        void apply(CloudEvent event, boolean cutBeforeCommit) {
            known.apply(event);
            if (cutBeforeCommit) {
                Number backend = (Number) entityManager.createNativeQuery("SELECT pg_backend_pid()").getSingleResult();
                // a connection of its own, outside the transaction, as PostgreSQL's shutdown ends the backend
                try (Connection other = DriverManager.getConnection(url, user, password);
                     PreparedStatement terminate = other.prepareStatement("SELECT pg_terminate_backend(?)")) {
                    terminate.setInt(1, backend.intValue());
                    terminate.executeQuery();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
