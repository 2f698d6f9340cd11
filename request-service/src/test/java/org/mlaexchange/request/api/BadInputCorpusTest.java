package org.mlaexchange.request.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mlaexchange.platform.testing.BadInputCorpus;

/**
 * The bad-input corpus (bad-input/generic.json on every write operation of the OpenAPI document, and
 * bad-input/request-service.json): each case refused with its 4xx problem+json naming the field, the event
 * log and mla.request.events unchanged.
 */
@QuarkusTest
class BadInputCorpusTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "mla.events.topic")
    String topic;

    @TestFactory
    List<DynamicTest> corpus() {
        // a request NL sent AR and AR has not acknowledged: every action of both sides can be tried on it
        return BadInputCorpus.run("request-service", dataSource, topic, Map.of("/api/requests/{id}", Api.submitted("nl", "AR"),
                "/api/spontaneous-information/{id}", SpontaneousInformationApiTest.sent("nl", "AR", false)), Map.of());
    }
}
