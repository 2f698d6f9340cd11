package org.mlaexchange.extradition.api;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mlaexchange.platform.testing.AccessSuite;
import org.mlaexchange.platform.testing.OpenApiOperations;

/** The identity and access suite (AccessSuite) on every operation of extradition-service's OpenAPI document. */
@QuarkusTest
class IdentityAttackTest {

    @TestFactory
    List<DynamicTest> everyOperation() {
        List<OpenApiOperations.Operation> operations = OpenApiOperations.of();
        String extradition = Extraditions.submitted("nl", "AR");
        AccessSuite.Tally unauthenticated = new AccessSuite.Tally();
        AccessSuite.Tally parties = new AccessSuite.Tally();
        List<DynamicTest> tests = new ArrayList<>(AccessSuite.unauthenticated(operations, unauthenticated));
        tests.addAll(AccessSuite.parties(operations, Map.of("/api/extraditions/{id}", new AccessSuite.Fixture(extradition, "nl", "sn"),
                "/api/audit/cases/{id}", new AccessSuite.Fixture(extradition, "nl", "sn")), parties));
        tests.add(AccessSuite.report("access-extradition-service", unauthenticated, parties));
        return tests;
    }
}
