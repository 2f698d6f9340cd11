package org.mlaexchange.extradition.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mlaexchange.platform.testing.BadInputCorpus;

/** The bad-input corpus (bad-input/generic.json, bad-input/extradition-service.json) against extradition-service. */
@QuarkusTest
class BadInputCorpusTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "mla.events.topic")
    String topic;

    @TestFactory
    List<DynamicTest> corpus() {
        return BadInputCorpus.run("extradition-service", dataSource, topic,
                Map.of("/api/extraditions/{id}", Extraditions.submitted("nl", "AR")), Map.of());
    }
}
