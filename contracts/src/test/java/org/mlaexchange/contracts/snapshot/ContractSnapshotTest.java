package org.mlaexchange.contracts.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.events.HashChain;
import org.mlaexchange.contracts.evidence.EvidenceEvent;
import org.mlaexchange.contracts.evidence.EvidenceEventTypes;
import org.mlaexchange.contracts.extradition.ExtraditionEvent;
import org.mlaexchange.contracts.extradition.ExtraditionEventTypes;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.request.RequestEventTypes;
import org.mlaexchange.contracts.seal.PersonalData;

/**
 * Published events stay replayable: the JSON shape of every event type is pinned in
 * {@code src/test/resources/snapshots/<type>.json}. A change of shape fails here; an additive change
 * is accepted by regenerating the snapshot ({@code -Dsnapshots.update=true}) and reviewing its diff;
 * a breaking one needs a new {@code .v2} type.
 */
class ContractSnapshotTest {

    private static final Path SNAPSHOTS = Path.of("src/test/resources/snapshots");

    @TestFactory
    Stream<DynamicTest> requestEventsKeepTheirShape() {
        return snapshots(RequestEvent.class, RequestEventTypes::typeOf);
    }

    @TestFactory
    Stream<DynamicTest> evidenceEventsKeepTheirShape() {
        return snapshots(EvidenceEvent.class, EvidenceEventTypes::typeOf);
    }

    @TestFactory
    Stream<DynamicTest> extraditionEventsKeepTheirShape() {
        return snapshots(ExtraditionEvent.class, ExtraditionEventTypes::typeOf);
    }

    /**
     * Which parts of each request event are sealed is part of the contract too: pinned in
     * {@code snapshots/sealed/<type>.json}, every sealed text shown as {@code "<sealed>"}.
     */
    @TestFactory
    Stream<DynamicTest> requestEventsSealTheSameParts() {
        return records(RequestEvent.class).map(type -> DynamicTest.dynamicTest(RequestEventTypes.typeOf(type),
                () -> check("sealed/" + RequestEventTypes.typeOf(type), PersonalData.seal(type,
                        EventJson.toData(Samples.of(type, type.getSimpleName())), text -> "<sealed>"))));
    }

    private static Stream<DynamicTest> snapshots(Class<?> sealedEvents, Function<Class<?>, String> typeOf) {
        return records(sealedEvents).map(type -> DynamicTest.dynamicTest(typeOf.apply(type),
                () -> check(typeOf.apply(type), Samples.of(type, type.getSimpleName()))));
    }

    /** The event records under a sealed interface, through nested sealed interfaces. */
    private static Stream<Class<?>> records(Class<?> type) {
        return type.isRecord() ? Stream.of(type) : Stream.of(type.getPermittedSubclasses()).flatMap(ContractSnapshotTest::records);
    }

    @TestFactory
    Stream<DynamicTest> envelopeKeepsItsShape() {
        CloudEvent sample = (CloudEvent) Samples.of(CloudEvent.class, "envelope");
        CloudEvent unsealed = new CloudEvent(sample.specversion(), sample.id(), sample.source(), sample.type(), sample.subject(),
                sample.time(), sample.datacontenttype(), sample.actorstate(), sample.caseseq(), sample.logseq(), sample.prevhash(),
                null, EventJson.toData(java.util.Map.of("field", "value")));
        return Stream.of(DynamicTest.dynamicTest("cloudevents-envelope", () -> check("cloudevents-envelope",
                HashChain.seal(unsealed).event())));
    }

    private static void check(String type, Object sample) throws IOException {
        String json = EventJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .writeValueAsString(EventJson.tree(EventJson.canonical(EventJson.toData(sample)))) + "\n";
        Path file = SNAPSHOTS.resolve(type + ".json");
        if (Boolean.getBoolean("snapshots.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, json, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("no snapshot for " + type + ": a new event type needs one (run with -Dsnapshots.update=true and commit it)");
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), json,
                type + " changed shape: old events must stay readable; add fields only, or publish a .v2 type");
    }
}
