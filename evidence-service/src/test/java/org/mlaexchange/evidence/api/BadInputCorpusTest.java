package org.mlaexchange.evidence.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mlaexchange.platform.projection.KnownRequests;
import org.mlaexchange.platform.testing.BadInputCorpus;
import org.mlaexchange.platform.testing.Ledger;
import org.mlaexchange.platform.testing.OpenApiOperations;
import org.mlaexchange.platform.testing.Tokens;

/** The bad-input corpus (bad-input/generic.json, bad-input/evidence-service.json) against evidence-service. */
@QuarkusTest
class BadInputCorpusTest {

    private static Ledger ledger;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KnownRequests known;

    @ConfigProperty(name = "mla.events.topic")
    String topic;

    @TestFactory
    List<DynamicTest> corpus() {
        ledger = new Ledger(dataSource, topic);
        // AR executes NL's request: an open transfer and an item in it without content yet
        UUID request = Evidence.requestInExecution(known);
        String transfer = Evidence.openTransfer("ar", request);
        String item = Evidence.register("ar", transfer, Evidence.document("Bank statements 2021-2023"));
        return new BadInputCorpus("bad-input/evidence-service.json", OpenApiOperations.of(),
                Map.of("/api/transfers/{id}", transfer, "/api/items/{id}", item), Tokens::officer, Map.of("request", request.toString()))
                .tests(ledger, new BadInputCorpus.Tally(), "bad-input-evidence-service");
    }

    @AfterAll
    static void close() {
        if (ledger != null) {
            ledger.close();
        }
    }
}
