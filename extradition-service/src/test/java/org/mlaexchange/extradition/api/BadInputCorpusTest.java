package org.mlaexchange.extradition.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mlaexchange.platform.testing.BadInputCorpus;
import org.mlaexchange.platform.testing.Ledger;
import org.mlaexchange.platform.testing.OpenApiOperations;
import org.mlaexchange.platform.testing.Tokens;

/** The bad-input corpus (bad-input/generic.json, bad-input/extradition-service.json) against extradition-service. */
@QuarkusTest
class BadInputCorpusTest {

    private static Ledger ledger;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "mla.events.topic")
    String topic;

    @TestFactory
    List<DynamicTest> corpus() {
        ledger = new Ledger(dataSource, topic);
        String extradition = Extraditions.submitted("nl", "AR");
        return new BadInputCorpus("bad-input/extradition-service.json", OpenApiOperations.of(),
                Map.of("/api/extraditions/{id}", extradition), Tokens::officer)
                .tests(ledger, new BadInputCorpus.Tally(), "bad-input-extradition-service");
    }

    @AfterAll
    static void close() {
        if (ledger != null) {
            ledger.close();
        }
    }
}
