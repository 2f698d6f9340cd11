package org.mlaexchange.platform.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DynamicTest;
import org.mlaexchange.platform.testing.OpenApiOperations.Operation;

/**
 * Identity and access, against every operation the service's OpenAPI document declares: forged and defective
 * tokens (AttackTokens) get 401 problem+json everywhere; on a case, each kind of caller gets its answer, and
 * a State that is not party gets exactly the answer a random id gets (status and body, the id and instance
 * aside), so nothing tells it the case exists. Writes are sent with {@code If-Match: "0"}, which matches no
 * version: nothing is ever written by this suite.
 */
public final class AccessSuite {

    /** Tallies for docs/reliability.md. */
    public static final class Tally {
        public final AtomicInteger attempted = new AtomicInteger();
        public final AtomicInteger asExpected = new AtomicInteger();
        public final AtomicInteger leaked = new AtomicInteger();

        @Override
        public String toString() {
            return "attempted " + attempted + ", answered as expected " + asExpected + ", leaked " + leaked;
        }
    }

    /** A case the suite probes: the State that is party to it and one that is not. */
    public record Fixture(String id, String party, String nonParty) {
    }

    private AccessSuite() {
    }

    /** Public by design: the keys that sign the checkpoints, so that anyone can verify them. */
    static final java.util.Set<String> PUBLIC = java.util.Set.of("GET /api/audit/public-keys");

    /** Every operation but the public ones × every attack token: 401 problem+json with a Bearer challenge. */
    public static List<DynamicTest> unauthenticated(List<Operation> operations, Tally tally) {
        Map<String, String> attacks = AttackTokens.all();
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : operations) {
            if (PUBLIC.contains(op.key())) {
                continue;
            }
            for (Map.Entry<String, String> attack : attacks.entrySet()) {
                tests.add(DynamicTest.dynamicTest(op.key() + " with " + attack.getKey(), () -> {
                    tally.attempted.incrementAndGet();
                    Response response = send(op, op.on(UUID.randomUUID().toString()), attack.getValue());
                    if (response.statusCode() < 400) {
                        tally.leaked.incrementAndGet();
                    }
                    if (response.statusCode() != 401 || !String.valueOf(response.contentType()).startsWith("application/problem+json")
                            || !String.valueOf(response.header("WWW-Authenticate")).startsWith("Bearer")) {
                        throw new AssertionError(response.statusCode() + " " + response.contentType() + " " + response.asString());
                    }
                    tally.asExpected.incrementAndGet();
                }));
            }
        }
        return tests;
    }

    /**
     * Every case-scoped operation × {party officer, non-party officer, party auditor, non-party auditor,
     * oversight auditor}, on the fixture for its path (operations under roots without one are skipped).
     */
    public static List<DynamicTest> parties(List<Operation> operations, Map<String, Fixture> fixtures, Tally tally) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : operations) {
            Fixture fixture = fixtures.get(op.caseRoot());
            if (!op.caseScoped() || fixture == null) {
                continue;
            }
            Map<String, String> callers = new LinkedHashMap<>();
            callers.put("party officer", Tokens.officer(fixture.party()));
            callers.put("non-party officer", Tokens.officer(fixture.nonParty()));
            callers.put("party auditor", Tokens.auditor(fixture.party()));
            callers.put("non-party auditor", Tokens.auditor(fixture.nonParty()));
            callers.put("oversight auditor", Tokens.auditor("oversight"));
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                tests.add(DynamicTest.dynamicTest(op.key() + " as " + caller.getKey(), () -> {
                    tally.attempted.incrementAndGet();
                    String random = UUID.randomUUID().toString();
                    Response onRandom = send(op, op.on(random), caller.getValue());
                    Response onCase = send(op, op.on(fixture.id()), caller.getValue());
                    String expected = expectation(op, caller.getKey());
                    String seen = onCase.statusCode() + " " + normalized(onCase, fixture.id());
                    String randomSeen = onRandom.statusCode() + " " + normalized(onRandom, random);
                    boolean roleRefused = onRandom.statusCode() == 403 || onRandom.statusCode() == 401;
                    boolean ok = switch (expected) {
                        case "same as a random id" -> seen.equals(randomSeen);
                        case "403" -> onCase.statusCode() == 403 && roleRefused;
                        // a party (or the oversight body reading) sees the case: its answer is not the random id's,
                        // unless its role may not use this operation at all (then both are the same 403)
                        default -> roleRefused ? seen.equals(randomSeen) : !seen.equals(randomSeen) && onCase.statusCode() != 401;
                    };
                    if (onCase.statusCode() < 300 && op.write()) {
                        tally.leaked.incrementAndGet();
                        throw new AssertionError("a write went through: " + seen);
                    }
                    if (!ok) {
                        if (expected.equals("same as a random id")) {
                            tally.leaked.incrementAndGet();
                        }
                        throw new AssertionError("expected " + expected + "\n on the case: " + seen + "\n on a random id: " + randomSeen);
                    }
                    tally.asExpected.incrementAndGet();
                }));
            }
        }
        return tests;
    }

    /** The whole suite on the service under test: every operation forged, every caller on the fixtures, the tally last. */
    public static List<DynamicTest> everyOperation(String service, Map<String, Fixture> fixtures) {
        List<Operation> operations = OpenApiOperations.of();
        Tally unauthenticated = new Tally();
        Tally parties = new Tally();
        List<DynamicTest> tests = new ArrayList<>(unauthenticated(operations, unauthenticated));
        tests.addAll(parties(operations, fixtures, parties));
        tests.add(report("access-" + service, unauthenticated, parties));
        return tests;
    }

    /** Writes the tallies to target/{name}.txt and prints them. */
    public static DynamicTest report(String name, Tally unauthenticated, Tally parties) {
        return DynamicTest.dynamicTest("tally", () -> {
            String line = name + ": forged or missing tokens: " + unauthenticated + "; callers on cases: " + parties;
            System.out.println("access suite " + line);
            Files.writeString(Path.of("target", name + ".txt"), line + "\n");
        });
    }

    private static String expectation(Operation op, String caller) {
        if (caller.startsWith("non-party")) {
            return "same as a random id";
        }
        if (op.write() && caller.endsWith("auditor")) {
            return "403";
        }
        return "sees the case";
    }

    private static Response send(Operation op, String path, String token) {
        RequestSpecification request = given().accept("application/json, application/problem+json, */*");
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (op.ifMatch()) {
            request = request.header("If-Match", "\"0\"");
        }
        if (op.write()) {
            request = op.jsonBody() ? request.contentType("application/json").body("{}")
                    : request.contentType("application/octet-stream").header("Content-Digest",
                            "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:").body(new byte[0]);
        }
        return request.request(op.method(), path);
    }

    /** The body with what names this very call (the id, the instance, trace ids) taken out. */
    private static String normalized(Response response, String id) {
        return response.asString().replace(id, "{id}")
                .replaceAll("\"instance\"\\s*:\\s*\"[^\"]*\"", "\"instance\":\"\"")
                .replaceAll("\"traceId\"\\s*:\\s*\"[^\"]*\"", "\"traceId\":\"\"");
    }
}
