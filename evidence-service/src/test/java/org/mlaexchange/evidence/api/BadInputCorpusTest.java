package org.mlaexchange.evidence.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mlaexchange.platform.projection.KnownRequests;
import org.mlaexchange.platform.testing.BadInputCorpus;

/** The bad-input corpus (bad-input/generic.json, bad-input/evidence-service.json) against evidence-service. */
@QuarkusTest
class BadInputCorpusTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KnownRequests known;

    @ConfigProperty(name = "mla.events.topic")
    String topic;

    @TestFactory
    List<DynamicTest> corpus() {
        // AR executes NL's request: an open transfer and an item in it without content yet
        UUID request = Evidence.requestInExecution(known);
        String transfer = Evidence.openTransfer("ar", request);
        String item = Evidence.register("ar", transfer, Evidence.document("Bank statements 2021-2023"));
        return BadInputCorpus.run("evidence-service", dataSource, topic,
                Map.of("/api/transfers/{id}", transfer, "/api/items/{id}", item), Map.of("request", request.toString()));
    }
}
