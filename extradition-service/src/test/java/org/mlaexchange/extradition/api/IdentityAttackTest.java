package org.mlaexchange.extradition.api;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mlaexchange.platform.testing.AccessSuite;

/** The identity and access suite (AccessSuite) on every operation of extradition-service's OpenAPI document. */
@QuarkusTest
class IdentityAttackTest {

    @TestFactory
    List<DynamicTest> everyOperation() {
        String extradition = Extraditions.submitted("nl", "AR");
        return AccessSuite.everyOperation("extradition-service", Map.of("/api/extraditions/{id}",
                new AccessSuite.Fixture(extradition, "nl", "sn"), "/api/audit/cases/{id}", new AccessSuite.Fixture(extradition, "nl", "sn")));
    }
}
