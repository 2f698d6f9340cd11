package org.mlaexchange.evidence.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mlaexchange.platform.projection.KnownRequests;
import org.mlaexchange.platform.testing.AccessSuite;

/** The identity and access suite (AccessSuite) on every operation of evidence-service's OpenAPI document. */
@QuarkusTest
class IdentityAttackTest {

    @Inject
    KnownRequests known;

    @TestFactory
    List<DynamicTest> everyOperation() {
        UUID request = Evidence.requestInExecution(known);
        String transfer = Evidence.openTransfer("ar", request);
        String item = Evidence.register("ar", transfer, Evidence.document("Bank statements 2021-2023"));
        return AccessSuite.everyOperation("evidence-service", Map.of("/api/transfers/{id}", new AccessSuite.Fixture(transfer, "ar", "sn"),
                "/api/items/{id}", new AccessSuite.Fixture(item, "ar", "sn")));
    }
}
