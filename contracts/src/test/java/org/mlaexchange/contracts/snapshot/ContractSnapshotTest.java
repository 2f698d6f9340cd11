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
import org.mlaexchange.contracts.request.MeasureExecution;
import org.mlaexchange.contracts.request.MeasureRequest;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.request.RequestEventTypes;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent;
import org.mlaexchange.contracts.request.SpontaneousInformationEventTypes;

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
    Stream<DynamicTest> spontaneousInformationEventsKeepTheirShape() {
        return snapshots(SpontaneousInformationEvent.class, SpontaneousInformationEventTypes::typeOf);
    }

    @TestFactory
    Stream<DynamicTest> evidenceEventsKeepTheirShape() {
        return snapshots(EvidenceEvent.class, EvidenceEventTypes::typeOf);
    }

    @TestFactory
    Stream<DynamicTest> extraditionEventsKeepTheirShape() {
        return snapshots(ExtraditionEvent.class, ExtraditionEventTypes::typeOf);
    }

    /** Each kind of measure and of execution record, as it appears inside the request events. */
    @TestFactory
    Stream<DynamicTest> measuresOfEveryKindKeepTheirShape() {
        return Stream.of(MeasureRequest.class, MeasureExecution.class).flatMap(ContractSnapshotTest::records)
                .map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> check(
                        "request-" + type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName(),
                        Samples.of(type, type.getSimpleName()))));
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
            Files.createDirectories(SNAPSHOTS);
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
