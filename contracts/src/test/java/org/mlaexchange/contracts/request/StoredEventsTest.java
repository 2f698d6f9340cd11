package org.mlaexchange.contracts.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.events.EventJson;

/**
 * Events published before typed measures ({@code src/test/resources/stored-v1}: the snapshots of that
 * time, measures as {@code {kind, specifics}} and progress without an execution record) still read,
 * as the typed record of their kind, and write back to the same bytes: their hashes stay verifiable
 * and a {@code .v1} consumer reads new measures described in words exactly as before.
 */
class StoredEventsTest {

    private static final Path STORED = Path.of("src/test/resources/stored-v1");

    private static JsonNode stored(String type) throws IOException {
        return EventJson.mapper().readTree(Files.readString(STORED.resolve("org.mlaexchange.request." + type + ".v1.json")));
    }

    @Test
    void aSubmissionOfMeasuresInWordsReadsAsTypedMeasuresAndWritesBackUnchanged() throws IOException {
        JsonNode data = stored("submitted");
        RequestEvent.Submitted event = EventJson.fromData(data, RequestEvent.Submitted.class);

        MeasureRequest.TakingEvidence measure = assertInstanceOf(MeasureRequest.TakingEvidence.class, event.content().measures().get(0));
        assertEquals("specifics", measure.specifics());
        assertTrue(measure.persons().isEmpty());
        assertNull(measure.videoConference());
        assertEquals(MeasureRequest.described(MeasureKind.TAKING_EVIDENCE_OR_STATEMENTS, "specifics"), measure);
        assertEquals(EventJson.canonical(data), EventJson.canonical(EventJson.toData(event)));
    }

    @Test
    void newContentVersionsOfMeasuresInWordsReadAndWriteBackUnchanged() throws IOException {
        for (String type : List.of("information-provided", "supplemented")) {
            JsonNode data = stored(type);
            Class<? extends RequestEvent> eventClass = RequestEventTypes.classOf("org.mlaexchange.request." + type + ".v1");
            assertEquals(EventJson.canonical(data), EventJson.canonical(EventJson.toData(EventJson.fromData(data, eventClass))), type);
        }
    }

    @Test
    void progressWithoutAnExecutionRecordReadsAndWritesBackUnchanged() throws IOException {
        JsonNode data = stored("progress-reported");
        RequestEvent.ProgressReported event = EventJson.fromData(data, RequestEvent.ProgressReported.class);

        assertNull(event.updates().get(0).execution());
        assertEquals(EventJson.canonical(data), EventJson.canonical(EventJson.toData(event)));
    }

    @Test
    void everyKindDescribedInWordsWritesTheFormBeforeTypedMeasures() {
        for (MeasureKind kind : MeasureKind.values()) {
            MeasureRequest measure = MeasureRequest.described(kind, "what to do");
            JsonNode json = EventJson.toData(measure);
            assertEquals("{\"kind\":\"" + kind + "\",\"specifics\":\"what to do\"}", EventJson.canonical(json), kind.toString());
            assertEquals(measure, EventJson.fromData(json, MeasureRequest.class));
        }
    }

    @Test
    void aTypedHearingByVideoConferenceAndItsRecordRoundTrip() {
        MeasureRequest hearing = new MeasureRequest.TakingEvidence("Hear witness W-17",
                List.of(new MeasureRequest.PersonHeard(0, MeasureRequest.PersonStatus.WITNESS)), List.of("Detention at the site"),
                List.of(), List.of("es"), new MeasureRequest.VideoConference(List.of(java.time.LocalDate.parse("2026-12-03")),
                        MeasureRequest.HearingLead.REQUESTING_STATE, List.of("Investigating judge, Rotterdam")));
        assertEquals(hearing, EventJson.fromData(EventJson.toData(hearing), MeasureRequest.class));
        MeasureExecution record = new MeasureExecution.Hearing(java.time.LocalDate.parse("2026-12-03"), true,
                List.of("Witness W-17"), true, "Minutes AR-77/1", java.util.UUID.randomUUID());
        assertEquals(record, EventJson.fromData(EventJson.toData(record), MeasureExecution.class));
        assertEquals("TAKING_EVIDENCE_OR_STATEMENTS", EventJson.toData(record).get("kind").asText());
    }
}
