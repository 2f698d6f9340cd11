package org.mlaexchange.contracts.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.request.Authority;
import org.mlaexchange.contracts.request.ContactPerson;
import org.mlaexchange.contracts.request.CrimeCategory;
import org.mlaexchange.contracts.request.LegalQualification;
import org.mlaexchange.contracts.request.MeasureExecution;
import org.mlaexchange.contracts.request.MeasureProgress;
import org.mlaexchange.contracts.request.MeasureStatus;
import org.mlaexchange.contracts.request.MeasureRequest;
import org.mlaexchange.contracts.request.PersonConcerned;
import org.mlaexchange.contracts.request.Proceedings;
import org.mlaexchange.contracts.request.ProceedingsNature;
import org.mlaexchange.contracts.request.RequestContent;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.request.RequestStatus;

class SealedTextTest {

    private static final SecretKey KEY = new SecretKeySpec(HexFormat.of().parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"), "AES");
    private static final String CASE = "5b0c3f44-8a7e-4a43-9d2c-0a6b1f7c2e11";

    /** Written once by {@link SealedText#seal} with {@link #KEY}: v1 texts sealed today must open for ever. */
    private static final String SEALED_V1 = "mla-sealed.v1:k1:NXqoezR8jIZd0XGd30G70Qswkh7zt0Htz0qIl2Vb1pyZOc8WDt-KdA";

    @Test
    void aV1TextSealedEarlierStillOpens() {
        assertEquals("Witness W-17", SealedText.open(KEY, CASE, SEALED_V1));
        assertEquals("k1", SealedText.keyId(SEALED_V1));
    }

    @Test
    void sealedTextOpensOnlyForItsCaseAndKey() {
        String sealed = SealedText.seal(KEY, "k1", CASE, "Jane Witness");
        assertTrue(sealed.startsWith("mla-sealed.v1:k1:"));
        assertFalse(sealed.contains("Jane"));
        assertNotEquals(sealed, SealedText.seal(KEY, "k1", CASE, "Jane Witness"), "a fresh IV each time");
        assertEquals("Jane Witness", SealedText.open(KEY, CASE, sealed));
        assertThrows(IllegalArgumentException.class, () -> SealedText.open(KEY, "another-case", sealed));
        SecretKey other = new SecretKeySpec(new byte[32], "AES");
        assertThrows(IllegalArgumentException.class, () -> SealedText.open(other, CASE, sealed));
        String altered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        assertThrows(IllegalArgumentException.class, () -> SealedText.open(KEY, CASE, altered));
    }

    @Test
    void oneThreadSealsAndOpensWithOneKeyAfterAnotherAndAfterAFailedOpen() {
        // each thread keeps one cipher: what one use leaves (another key, a tag that did not match) must not reach the next
        SecretKey other = new SecretKeySpec(HexFormat.of().parseHex(
                "1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100"), "AES");
        String first = SealedText.seal(KEY, "k1", CASE, "Jane Witness");
        String second = SealedText.seal(other, "k2", CASE, "Jane Witness");
        assertThrows(IllegalArgumentException.class, () -> SealedText.open(other, CASE, first));
        assertEquals("Jane Witness", SealedText.open(KEY, CASE, first));
        assertEquals("Jane Witness", SealedText.open(other, CASE, second));
        assertThrows(IllegalArgumentException.class, () -> SealedText.open(KEY, CASE, second));
        assertEquals("Witness W-17", SealedText.open(KEY, CASE, SEALED_V1));
        assertEquals("Jane Witness", SealedText.open(KEY, CASE, SealedText.seal(KEY, "k1", CASE, "Jane Witness")));
    }

    @Test
    void threadsSealingAtOnceEachOpenTheirOwn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> rounds = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String text = "witness " + i;
                rounds.add(pool.submit(() -> text.equals(SealedText.open(KEY, CASE, SealedText.seal(KEY, "k1", CASE, text)))));
            }
            for (Future<Boolean> round : rounds) {
                assertTrue(round.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyTextButTheMarkedOnesIsSealedAndOpensBackToTheSameEvent() {
        UUID id = UUID.fromString(CASE);
        RequestEvent.Submitted submitted = new RequestEvent.Submitted(id, StateCode.of("NL"), StateCode.of("AR"), false, true,
                new RequestContent(new Authority("Public Prosecution Service", "The Hague"), new Authority("District Court", "The Hague"),
                        new Proceedings(ProceedingsNature.INVESTIGATION, "Attacks on Village X", "NL-2026-17"),
                        "Jane Witness saw the attack", new LegalQualification(CrimeCategory.GENOCIDE, "A", "Art. 6", "life"),
                        List.of(new MeasureRequest.TakingEvidence("hear Jane Witness",
                                List.of(new MeasureRequest.PersonHeard(0, MeasureRequest.PersonStatus.WITNESS)), List.of("What did Jane see?"),
                                List.of(), List.of("es"), new MeasureRequest.VideoConference(List.of(LocalDate.parse("2026-12-20")),
                                MeasureRequest.HearingLead.REQUESTING_STATE, List.of("Judge Karel Smit")))), "trial",
                        new ContactPerson("Piet Officer", "piet@om.example", "+31 70 000"), "en", List.of(),
                        List.of(new PersonConcerned("Jane Witness", "Buenos Aires", "AR", true)), null, null, null, false, null, List.of()),
                List.of("m1"), Instant.parse("2026-12-01T10:00:00Z"), LocalDate.parse("2026-12-08"), LocalDate.parse("2026-12-31"));
        JsonNode data = EventJson.toData(submitted);

        JsonNode sealed = PersonalData.seal(RequestEvent.Submitted.class, data, text -> SealedText.seal(KEY, "k1", CASE, text));

        String json = sealed.toString();
        for (String name : List.of("Jane", "Piet", "piet@", "+31", "Village", "NL-2026-17", "Buenos", "Karel")) {
            assertFalse(json.contains(name), name + " in " + json);
        }
        assertEquals("m1", sealed.at("/measureIds/0").textValue());
        assertEquals("en", sealed.at("/content/language").textValue());
        assertEquals("TAKING_EVIDENCE_OR_STATEMENTS", sealed.at("/content/measures/0/kind").textValue());
        assertEquals("es", sealed.at("/content/measures/0/interpreterLanguages/0").textValue());
        assertEquals("WITNESS", sealed.at("/content/measures/0/persons/0/status").textValue());
        assertEquals("REQUESTING_STATE", sealed.at("/content/measures/0/videoConference/ledBy").textValue());
        assertTrue(sealed.at("/content/personsConcerned/0/protectedPerson").booleanValue());
        assertEquals("NL", sealed.at("/requestingState").textValue());
        assertEquals(data, PersonalData.open(sealed, text -> SealedText.open(KEY, CASE, text)));
        assertEquals(submitted, EventJson.fromData(PersonalData.open(sealed, text -> SealedText.open(KEY, CASE, text)),
                RequestEvent.Submitted.class));
        RequestEvent.Submitted erased = EventJson.fromData(PersonalData.open(sealed, text -> SealedText.ERASED), RequestEvent.Submitted.class);
        assertEquals("erased", erased.content().personsConcerned().get(0).identity());
        assertEquals(List.of("m1"), erased.measureIds());
    }

    @Test
    void anExecutionRecordIsSealedAsTheRecordOfItsKind() {
        UUID id = UUID.fromString(CASE);
        RequestEvent.ProgressReported progress = new RequestEvent.ProgressReported(id, List.of(new MeasureProgress("m1", MeasureStatus.EXECUTED,
                "heard", new MeasureExecution.Hearing(LocalDate.parse("2026-12-20"), true, List.of("Jane Witness"), true,
                        "Minutes: Jane Witness recognised the commander", null))), "hearing held", RequestStatus.PARTIALLY_EXECUTED,
                Instant.parse("2026-12-21T10:00:00Z"));
        JsonNode sealed = PersonalData.seal(RequestEvent.ProgressReported.class, EventJson.toData(progress),
                text -> SealedText.seal(KEY, "k1", CASE, text));

        assertFalse(sealed.toString().contains("Jane"), sealed.toString());
        assertEquals("TAKING_EVIDENCE_OR_STATEMENTS", sealed.at("/updates/0/execution/kind").textValue());
        assertEquals("2026-12-20", sealed.at("/updates/0/execution/heldOn").textValue());
        assertEquals("m1", sealed.at("/updates/0/measureId").textValue());
        assertEquals(progress, EventJson.fromData(PersonalData.open(sealed, text -> SealedText.open(KEY, CASE, text)),
                RequestEvent.ProgressReported.class));
    }

    @Test
    void aKindWithoutARecordIsRefusedRatherThanLeftInClear() {
        JsonNode unknown = EventJson.tree("{\"requestId\":\"" + CASE + "\",\"updates\":[{\"measureId\":\"m1\",\"status\":\"EXECUTED\","
                + "\"execution\":{\"kind\":\"TELEPATHY\",\"minutes\":\"Jane Witness\"}}]}");
        assertThrows(IllegalArgumentException.class, () -> PersonalData.seal(RequestEvent.ProgressReported.class, unknown, text -> "<sealed>"));
    }

    /** The events stored before typed measures and before sealing: read as they are, and sealed and opened back to the same bytes. */
    @Test
    void eventsStoredBeforeSealingReadAsTheyAreAndSealBackToTheSameBytes() throws java.io.IOException {
        java.nio.file.Path stored = java.nio.file.Path.of("src/test/resources/stored-v1");
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(stored)) {
            for (java.nio.file.Path file : files.toList()) {
                String type = file.getFileName().toString().replaceFirst("\\.json$", "");
                JsonNode data = EventJson.mapper().readTree(java.nio.file.Files.readString(file));
                assertTrue(data == PersonalData.open(data, text -> {
                    throw new AssertionError("nothing sealed in " + type);
                }), type);
                Class<? extends RequestEvent> eventClass = org.mlaexchange.contracts.request.RequestEventTypes.classOf(type);
                JsonNode sealed = PersonalData.seal(eventClass, data, text -> SealedText.seal(KEY, "k1", CASE, text));
                assertEquals(EventJson.canonical(data), EventJson.canonical(PersonalData.open(sealed, text -> SealedText.open(KEY, CASE, text))),
                        type);
            }
        }
    }

    @Test
    void eventsWithoutSealedTextsAreReadAsTheyAre() {
        JsonNode plain = EventJson.tree("{\"requestId\":\"x\",\"note\":\"in clear, written before sealing\"}");
        assertTrue(plain == PersonalData.open(plain, text -> {
            throw new AssertionError("nothing to open");
        }));
    }
}
