package org.mlaexchange.contracts.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.PlainContracts;
import org.mlaexchange.contracts.StateCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class EvidenceEventTypesTest {

    private static final List<Class<?>> TRANSFER_EVENTS = List.of(TransferEvent.class.getPermittedSubclasses());
    private static final List<Class<?>> ITEM_EVENTS = List.of(ItemEvent.class.getPermittedSubclasses());

    private static List<Class<?>> eventClasses() {
        List<Class<?>> all = new ArrayList<>(TRANSFER_EVENTS);
        all.addAll(ITEM_EVENTS);
        return all;
    }

    @Test
    void every_event_has_its_own_stable_type() {
        Set<String> types = new HashSet<>();
        for (Class<?> eventClass : TRANSFER_EVENTS) {
            String type = EvidenceEventTypes.typeOf(eventClass);
            assertTrue(type.matches("org\\.mlaexchange\\.evidence\\.transfer\\.[a-z]+(-[a-z]+)*\\.v[0-9]+"), type);
            assertTrue(types.add(type), "duplicate type " + type);
        }
        for (Class<?> eventClass : ITEM_EVENTS) {
            String type = EvidenceEventTypes.typeOf(eventClass);
            assertTrue(type.matches("org\\.mlaexchange\\.evidence\\.item\\.[a-z]+(-[a-z]+)*\\.v[0-9]+"), type);
            assertTrue(types.add(type), "duplicate type " + type);
        }
        assertEquals(5, TRANSFER_EVENTS.size());
        assertEquals(13, ITEM_EVENTS.size());
        assertEquals(types, EvidenceEventTypes.all());
    }

    @Test
    void type_and_class_round_trip() {
        for (Class<?> eventClass : eventClasses()) {
            assertEquals(eventClass, EvidenceEventTypes.classOf(EvidenceEventTypes.typeOf(eventClass)));
        }
        for (String type : EvidenceEventTypes.all()) {
            assertEquals(type, EvidenceEventTypes.typeOf(EvidenceEventTypes.classOf(type)));
        }
    }

    @Test
    void published_names_do_not_follow_class_names() {
        assertEquals("org.mlaexchange.evidence.transfer.opened.v1", EvidenceEventTypes.typeOf(TransferEvent.Opened.class));
        assertEquals("org.mlaexchange.evidence.transfer.dispatched.v1", EvidenceEventTypes.typeOf(TransferEvent.Dispatched.class));
        assertEquals("org.mlaexchange.evidence.item.dispatched.v1", EvidenceEventTypes.typeOf(ItemEvent.Dispatched.class));
        assertEquals("org.mlaexchange.evidence.item.content-stored.v1", EvidenceEventTypes.typeOf(ItemEvent.ContentStored.class));
        assertEquals("org.mlaexchange.evidence.item.exculpatory-disclosure-notified.v1",
                EvidenceEventTypes.typeOf(ItemEvent.ExculpatoryDisclosureNotified.class));
        assertEquals(ItemEvent.UseConsentDecided.class, EvidenceEventTypes.classOf("org.mlaexchange.evidence.item.use-consent-decided.v1"));
    }

    @Test
    void unknown_types_and_classes_are_rejected() {
        assertThrows(IllegalArgumentException.class, () -> EvidenceEventTypes.classOf("org.mlaexchange.evidence.item.registered.v9"));
        assertThrows(IllegalArgumentException.class, () -> EvidenceEventTypes.classOf("org.mlaexchange.request.submitted.v1"));
        assertThrows(IllegalArgumentException.class, () -> EvidenceEventTypes.classOf("Registered"));
        assertThrows(IllegalArgumentException.class, () -> EvidenceEventTypes.typeOf(String.class));
        assertThrows(UnsupportedOperationException.class, () -> EvidenceEventTypes.all().add("x"));
    }

    @Test
    void every_event_survives_a_json_round_trip_by_its_type() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        List<EvidenceEvent> samples = samples();
        assertEquals(new HashSet<>(eventClasses()),
                samples.stream().map(Object::getClass).collect(Collectors.toSet()), "one sample per event");
        for (EvidenceEvent event : samples) {
            String text = json.writeValueAsString(event);
            EvidenceEvent back = json.readValue(text, EvidenceEventTypes.classOf(EvidenceEventTypes.typeOf(event)));
            assertEquals(event, back, text);
        }
    }

    @Test
    void absent_conditions_mean_none() {
        ItemMetadata metadata = new ItemMetadata(ItemKind.DOCUMENT, "Letter", null, "Order", "application/pdf", null, null,
                null, null, null);

        assertEquals(ItemConditions.none(), metadata.conditions());
        assertEquals(List.of(), new ItemConditions(null, false, null, false, null).useLimits());
    }

    @Test
    void contracts_hold_no_floating_point_or_optional_values() {
        for (Class<?> eventClass : eventClasses()) {
            PlainContracts.assertPlain(eventClass);
        }
    }

    private static List<EvidenceEvent> samples() {
        UUID transfer = UUID.fromString("0b9f6a52-3c1e-4d7a-9e21-5f4c8d2a7b10");
        UUID item = UUID.fromString("5d2e8c41-7a3b-4f19-8c62-1e9d0b4a6f23");
        UUID request = UUID.fromString("6f1c1d2e-8a47-4e0e-9d3b-2a5f0c7e9b11");
        UUID consent = UUID.fromString("9a7c3e15-2b8d-4c6f-a1e0-7d5b3f9c2e48");
        Instant at = Instant.parse("2025-04-01T09:00:00Z");
        LocalDate date = LocalDate.of(2025, 7, 1);
        StateCode ar = StateCode.of("AR");
        StateCode nl = StateCode.of("NL");
        String sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        ItemMetadata metadata = new ItemMetadata(ItemKind.DIGITAL_DATA, "Forensic image of laptop L1",
                new Provenance("Seized in the search of 12 March 2025", LocalDate.of(2025, 3, 12), "The Hague", "Police unit X"),
                "Search warrant of the examining magistrate", "application/octet-stream", 5_000_000_000L, sha, "NL-SEAL-7", "m1",
                new ItemConditions(List.of("Only for case CFP 1234/2020"), true, "Ongoing investigation", true, date));
        return List.of(
                new TransferEvent.Opened(transfer, request, nl, ar, TransferPurpose.EXECUTION_RESULTS, List.of("m1", "m2"), "Results", at),
                new TransferEvent.Dispatched(transfer, List.of(new ManifestEntry(item, ItemKind.DIGITAL_DATA, sha, 5_000_000_000L, "NL-SEAL-7"),
                        new ManifestEntry(consent, ItemKind.PHYSICAL_OBJECT, null, null, "NL-SEAL-8")), "DIPBAG-1", at),
                new TransferEvent.Completed(transfer, 2, List.of(item), at),
                new TransferEvent.Cancelled(transfer, "Sent through another channel", at),
                new TransferEvent.PersonalDataErased(transfer, nl, org.mlaexchange.contracts.seal.ErasureReason.PURPOSE_FULFILLED,
                        List.of(item), at),
                new ItemEvent.Registered(item, transfer, request, nl, ar, metadata, at),
                new ItemEvent.ContentStored(item, transfer, sha, 5_000_000_000L, "application/octet-stream", at),
                new ItemEvent.Dispatched(item, transfer, sha, 5_000_000_000L, null, at),
                new ItemEvent.ReceiptRecorded(item, transfer, ar, sha, null, null, at),
                new ItemEvent.Verified(item, transfer, at),
                new ItemEvent.DiscrepancyFound(item, transfer, DiscrepancyKind.DIGEST_MISMATCH, sha, "0".repeat(64), at),
                new ItemEvent.Accessed(item, transfer, ar, "officer@ar", UsePurpose.OTHER_PROCEEDINGS, consent, at),
                new ItemEvent.UseConsentRequested(item, transfer, consent, UsePurpose.ONWARD_TRANSFER, StateCode.of("SN"), "Case 9", at),
                new ItemEvent.UseConsentDecided(item, transfer, consent, UseConsentDecision.GRANTED_WITH_CONDITIONS, List.of("No publicity"),
                        null, at),
                new ItemEvent.ExculpatoryDisclosureNotified(item, transfer, "Defence of the accused", "Alibi", date, at),
                new ItemEvent.ReturnDue(item, transfer, date, at),
                new ItemEvent.Returned(item, transfer, "Seal intact", at),
                new ItemEvent.Disposed(item, transfer, "Copies erased", at));
    }
}
