package org.mlaexchange.contracts.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import org.mlaexchange.contracts.request.Attachment;
import org.mlaexchange.contracts.request.LegalQualification;
import org.mlaexchange.contracts.request.MeasureProgress;
import org.mlaexchange.contracts.request.RequestContent;
import org.mlaexchange.contracts.seal.NotPersonal;
import org.mlaexchange.contracts.seal.PersonalData;
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

    /**
     * Which parts of each request event are sealed is part of the contract too: pinned in
     * {@code snapshots/sealed/<type>.json}, every sealed text shown as {@code "<sealed>"}.
     */
    @TestFactory
    Stream<DynamicTest> requestEventsSealTheSameParts() {
        return sealedSnapshots(RequestEvent.class, RequestEventTypes::typeOf);
    }

    /** Which parts of each extradition event are sealed, pinned as for the request events. */
    @TestFactory
    Stream<DynamicTest> extraditionEventsSealTheSameParts() {
        return sealedSnapshots(ExtraditionEvent.class, ExtraditionEventTypes::typeOf);
    }

    /** Which parts of each spontaneous information event are sealed, pinned as for the request events. */
    @TestFactory
    Stream<DynamicTest> spontaneousInformationEventsSealTheSameParts() {
        return sealedSnapshots(SpontaneousInformationEvent.class, SpontaneousInformationEventTypes::typeOf);
    }

    /** Which parts of each evidence event (transfer and item) are sealed, pinned as for the request events. */
    @TestFactory
    Stream<DynamicTest> evidenceEventsSealTheSameParts() {
        return sealedSnapshots(EvidenceEvent.class, EvidenceEventTypes::typeOf);
    }

    private static Stream<DynamicTest> sealedSnapshots(Class<?> sealedEvents, Function<Class<?>, String> typeOf) {
        return records(sealedEvents).map(type -> DynamicTest.dynamicTest(typeOf.apply(type),
                () -> check("sealed/" + typeOf.apply(type), PersonalData.seal(type,
                        EventJson.toData(Samples.of(type, type.getSimpleName())), text -> "<sealed>"))));
    }

    /** Each kind of measure and of execution record sealed as inside the request events, pinned in {@code snapshots/sealed/}. */
    @TestFactory
    Stream<DynamicTest> measuresOfEveryKindSealTheSameParts() {
        return Stream.of(MeasureRequest.class, MeasureExecution.class).flatMap(ContractSnapshotTest::records)
                .map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> check(
                        "sealed/request-" + type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName(),
                        sealedAsPart(Samples.of(type, type.getSimpleName())).get("part"))));
    }

    /**
     * No text stays in clear unless its component is marked {@link NotPersonal}: in a sample every text is
     * its component's name, so a clear text under a key of the same name is a component the sealing missed.
     */
    @TestFactory
    Stream<DynamicTest> noTextStaysInClearButTheMarkedOnes() {
        Stream<DynamicTest> events = Stream.of(RequestEvent.class, ExtraditionEvent.class, SpontaneousInformationEvent.class,
                        EvidenceEvent.class)
                .flatMap(ContractSnapshotTest::records)
                .map(type -> DynamicTest.dynamicTest(type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName(),
                () -> assertEquals(List.of(), clearTexts(PersonalData.seal(type, EventJson.toData(Samples.of(type, type.getSimpleName())),
                        text -> "<sealed>"), null))));
        Stream<DynamicTest> parts = Stream.of(MeasureRequest.class, MeasureExecution.class).flatMap(ContractSnapshotTest::records)
                .map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> assertEquals(List.of(),
                        clearTexts(sealedAsPart(Samples.of(type, type.getSimpleName())), null))));
        return Stream.concat(events, parts);
    }

    /** A measure or execution record as the request events hold it: a member typed by its interface. */
    private record Part(MeasureRequest measure, MeasureExecution execution) {
    }

    private static JsonNode sealedAsPart(Object part) {
        Part holder = part instanceof MeasureRequest m ? new Part(m, null) : new Part(null, (MeasureExecution) part);
        JsonNode sealed = PersonalData.seal(Part.class, EventJson.toData(holder), text -> "<sealed>");
        ObjectNode result = EventJson.mapper().createObjectNode();
        result.set("part", sealed.get(part instanceof MeasureRequest ? "measure" : "execution"));
        return result;
    }

    private static List<String> clearTexts(JsonNode node, String key) {
        List<String> clear = new ArrayList<>();
        if (node.isTextual() && node.textValue().equals(key) && !NOT_PERSONAL.contains(key)) {
            clear.add(key);
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> clear.addAll(clearTexts(f.getValue(), f.getKey())));
        } else if (node.isArray()) {
            node.forEach(element -> clear.addAll(clearTexts(element, key)));
        }
        return clear;
    }

    /** Names of the components marked not personal in the request, extradition and evidence contracts. */
    private static final Set<String> NOT_PERSONAL = Stream.concat(Stream.of(RequestEvent.class, MeasureRequest.class, MeasureExecution.class,
                    ExtraditionEvent.class, EvidenceEvent.class).flatMap(ContractSnapshotTest::records), Stream.of(RequestContent.class,
                    Attachment.class, LegalQualification.class, MeasureProgress.class, org.mlaexchange.contracts.extradition.PersonIdentifier.class,
                    org.mlaexchange.contracts.evidence.ItemMetadata.class, org.mlaexchange.contracts.evidence.ManifestEntry.class))
            .flatMap(type -> Stream.of(type.getRecordComponents())).filter(c -> c.isAnnotationPresent(NotPersonal.class))
            .map(RecordComponent::getName).collect(Collectors.toSet());

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
