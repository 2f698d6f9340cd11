package org.mlaexchange.evidence.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.evidence.DiscrepancyKind;
import org.mlaexchange.contracts.evidence.ItemConditions;
import org.mlaexchange.contracts.evidence.ItemEvent;
import org.mlaexchange.contracts.evidence.ItemKind;
import org.mlaexchange.contracts.evidence.ItemMetadata;
import org.mlaexchange.contracts.evidence.ManifestEntry;
import org.mlaexchange.contracts.evidence.Provenance;
import org.mlaexchange.contracts.evidence.TransferEvent;
import org.mlaexchange.contracts.evidence.TransferPurpose;
import org.mlaexchange.contracts.evidence.UsePurpose;
import org.mlaexchange.contracts.request.RequestFacts;
import org.mlaexchange.contracts.request.RequestStatus;

/**
 * Shared givens of the evidence domain tests: a request from Argentina to the Netherlands with three
 * measures, a transfer of its results from the Netherlands (providing) to Argentina (receiving), and a
 * document item of that transfer with the events that bring each to every status.
 */
final class EvidenceFixtures {

    static final StateCode AR = StateCode.of("AR");
    static final StateCode NL = StateCode.of("NL");
    /** A State Party that is not a party to the request. */
    static final StateCode SN = StateCode.of("SN");

    static final UUID REQUEST_ID = UUID.fromString("6f1c1d2e-8a47-4e0e-9d3b-2a5f0c7e9b11");
    static final UUID TRANSFER_ID = UUID.fromString("0b9f6a52-3c1e-4d7a-9e21-5f4c8d2a7b10");
    static final UUID DOC_ID = UUID.fromString("5d2e8c41-7a3b-4f19-8c62-1e9d0b4a6f23");
    static final UUID OBJECT_ID = UUID.fromString("c3a1f7e2-9b4d-4e8a-b6c5-2d7f1e9a3b54");
    static final UUID VIDEO_ID = UUID.fromString("e8b2d4f6-1a3c-4b5d-9e7f-0a2c4e6b8d91");
    static final UUID CONSENT_ID = UUID.fromString("9a7c3e15-2b8d-4c6f-a1e0-7d5b3f9c2e48");
    static final List<String> M123 = List.of("m1", "m2", "m3");

    /** Tuesday 1 April 2025, 09:00 UTC: the transfer is opened. */
    static final Instant T0 = Instant.parse("2025-04-01T09:00:00Z");
    static final LocalDate D0 = LocalDate.of(2025, 4, 1);

    static final String SHA_DOC = sha256("Bank statements of account NL00BANK0123456789, 2019-2021");
    static final String SHA_OTHER = sha256("something else");
    static final long DOC_SIZE = 48_213L;
    static final String SEAL = "NL-SEAL-0001";

    static final TransferDecider TRANSFERS = new TransferDecider();
    /** Every new use consent gets {@link #CONSENT_ID}. */
    static final ItemDecider ITEMS = new ItemDecider(() -> CONSENT_ID);

    private EvidenceFixtures() {
    }

    static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    static LocalDate date(int n) {
        return D0.plusDays(n);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the evidence service knows of the request, in the given status. */
    static RequestFacts request(RequestStatus status) {
        return new RequestFacts(REQUEST_ID, AR, NL, status, false, false, M123, 6);
    }

    // ---- metadata -----------------------------------------------------------------------------

    static Provenance provenance() {
        return new Provenance("Production order served on the bank", LocalDate.of(2025, 3, 20), "Amsterdam",
                "Fiscal Intelligence and Investigation Service (FIOD)");
    }

    /** Bank statements for measure m2, digest and size declared, one use limit. */
    static ItemMetadata docMetadata() {
        return new ItemMetadata(ItemKind.FINANCIAL_RECORD, "Bank statements of account NL00BANK0123456789, 2019-2021",
                provenance(), "Production order of the examining magistrate, Amsterdam, 18 March 2025", "application/pdf",
                DOC_SIZE, SHA_DOC, null, "m2",
                new ItemConditions(List.of("Only for case CFP 1234/2020"), false, null, false, null));
    }

    /** A seized hard disk for measure m3: metadata and seal only, to be returned within 90 days. */
    static ItemMetadata objectMetadata() {
        return new ItemMetadata(ItemKind.PHYSICAL_OBJECT, "Hard disk seized at Example Street 1",
                new Provenance("Seized in the search of 25 March 2025", LocalDate.of(2025, 3, 25), "The Hague", "National Police"),
                "Search warrant of the examining magistrate, The Hague", null, null, null, SEAL, "m3",
                new ItemConditions(List.of(), false, null, true, date(90)));
    }

    /** The recording of the hearing of W1 for measure m1, confidential, nothing declared about its content. */
    static ItemMetadata videoMetadata() {
        return new ItemMetadata(ItemKind.AUDIO_VIDEO_RECORDING, "Hearing of witness W1 by video conference",
                new Provenance("Hearing by video conference", LocalDate.of(2025, 3, 28), "The Hague", "Examining magistrate"),
                "Hearing ordered under the Code of Criminal Procedure", "video/mp4", null, null, null, "m1",
                new ItemConditions(List.of(), true, "The witness is protected", false, null));
    }

    // ---- given events: the transfer -----------------------------------------------------------

    static TransferEvent.Opened opened() {
        return new TransferEvent.Opened(TRANSFER_ID, REQUEST_ID, NL, AR, TransferPurpose.EXECUTION_RESULTS, M123,
                "Results of measure m2", T0);
    }

    static ManifestEntry docEntry() {
        return new ManifestEntry(DOC_ID, ItemKind.FINANCIAL_RECORD, SHA_DOC, DOC_SIZE, null);
    }

    /** The transfer of the document item alone. */
    static TransferEvent.Dispatched transferDispatched() {
        return new TransferEvent.Dispatched(TRANSFER_ID, List.of(docEntry()), "NL-DIPBAG-2025-17", day(3));
    }

    static List<TransferEvent> transferHistoryIn(TransferStatus status) {
        return switch (status) {
            case OPEN -> List.of(opened());
            case DISPATCHED -> List.of(opened(), transferDispatched());
            case COMPLETED -> List.of(opened(), transferDispatched(), new TransferEvent.Completed(TRANSFER_ID, 1, List.of(), day(5)));
            case CANCELLED -> List.of(opened(), new TransferEvent.Cancelled(TRANSFER_ID, "Sent through another channel", day(1)));
        };
    }

    static Transfer givenTransfer(TransferStatus status) {
        Transfer state = TransferDecider.fold(transferHistoryIn(status));
        assertEquals(status, state.status(), "the given history reaches " + status);
        return state;
    }

    // ---- given events: the document item ------------------------------------------------------

    static ItemEvent.Registered docRegistered() {
        return new ItemEvent.Registered(DOC_ID, TRANSFER_ID, REQUEST_ID, NL, AR, docMetadata(), day(1));
    }

    static ItemEvent.Registered objectRegistered() {
        return new ItemEvent.Registered(OBJECT_ID, TRANSFER_ID, REQUEST_ID, NL, AR, objectMetadata(), day(1));
    }

    static ItemEvent.Registered videoRegistered() {
        return new ItemEvent.Registered(VIDEO_ID, TRANSFER_ID, REQUEST_ID, NL, AR, videoMetadata(), day(1));
    }

    static ItemEvent.ContentStored docStored() {
        return new ItemEvent.ContentStored(DOC_ID, TRANSFER_ID, SHA_DOC, DOC_SIZE, "application/pdf", day(2));
    }

    static ItemEvent.Dispatched docDispatched() {
        return new ItemEvent.Dispatched(DOC_ID, TRANSFER_ID, SHA_DOC, DOC_SIZE, null, day(3));
    }

    static ItemEvent.ReceiptRecorded docReceipt(String sha256) {
        return new ItemEvent.ReceiptRecorded(DOC_ID, TRANSFER_ID, AR, sha256, null, "Received through the secure channel", day(5));
    }

    static ItemEvent.UseConsentRequested consentRequested(UsePurpose purpose, StateCode thirdState) {
        return new ItemEvent.UseConsentRequested(DOC_ID, TRANSFER_ID, CONSENT_ID, purpose, thirdState,
                "Prosecution of the same suspect in case CFP 99/2025", day(6));
    }

    /** A history that brings the document item to the status (its transfer: {@link #transferFor}). */
    static List<ItemEvent> itemHistoryIn(ItemStatus status) {
        List<ItemEvent> h = new ArrayList<>(List.of(docRegistered()));
        switch (status) {
            case REGISTERED -> { }
            case CONTENT_STORED -> h.add(docStored());
            case DISPATCHED -> h.addAll(List.of(docStored(), docDispatched()));
            case VERIFIED -> h.addAll(List.of(docStored(), docDispatched(), docReceipt(SHA_DOC),
                    new ItemEvent.Verified(DOC_ID, TRANSFER_ID, day(5))));
            case QUARANTINED -> h.addAll(List.of(docStored(), docDispatched(), docReceipt(SHA_OTHER),
                    new ItemEvent.DiscrepancyFound(DOC_ID, TRANSFER_ID, DiscrepancyKind.DIGEST_MISMATCH, SHA_DOC, SHA_OTHER, day(5))));
            case RETURNED -> {
                h = new ArrayList<>(itemHistoryIn(ItemStatus.VERIFIED));
                h.add(new ItemEvent.Returned(DOC_ID, TRANSFER_ID, "Original statements back", day(30)));
            }
            case DISPOSED -> {
                h = new ArrayList<>(itemHistoryIn(ItemStatus.VERIFIED));
                h.add(new ItemEvent.Disposed(DOC_ID, TRANSFER_ID, "Every copy erased", day(30)));
            }
        }
        return h;
    }

    /** The same history with a use consent for other proceedings asked right after dispatch (none before it). */
    static List<ItemEvent> withPendingConsent(List<ItemEvent> history) {
        List<ItemEvent> h = new ArrayList<>(history);
        for (int i = 0; i < h.size(); i++) {
            if (h.get(i) instanceof ItemEvent.Dispatched) {
                h.add(i + 1, consentRequested(UsePurpose.OTHER_PROCEEDINGS, null));
                break;
            }
        }
        return h;
    }

    static EvidenceItem givenItem(ItemEvent... events) {
        return ItemDecider.fold(Arrays.asList(events));
    }

    static EvidenceItem givenItem(List<ItemEvent> events) {
        return ItemDecider.fold(events);
    }

    static EvidenceItem givenItem(ItemStatus status) {
        EvidenceItem state = givenItem(itemHistoryIn(status));
        assertEquals(status, state.status(), "the given history reaches " + status);
        return state;
    }

    /** The transfer as it is when the document item has the given status. */
    static Transfer transferFor(EvidenceItem item) {
        return switch (item.status()) {
            case REGISTERED, CONTENT_STORED -> givenTransfer(TransferStatus.OPEN);
            case DISPATCHED -> givenTransfer(TransferStatus.DISPATCHED);
            case VERIFIED, QUARANTINED, RETURNED, DISPOSED -> givenTransfer(TransferStatus.COMPLETED);
        };
    }

    /** The state after applying the decided events one by one. */
    static EvidenceItem then(EvidenceItem state, List<ItemEvent> events) {
        EvidenceItem next = state;
        for (ItemEvent e : events) {
            next = ItemDecider.evolve(next, e);
        }
        return next;
    }

    static Transfer thenTransfer(Transfer state, List<TransferEvent> events) {
        Transfer next = state;
        for (TransferEvent e : events) {
            next = TransferDecider.evolve(next, e);
        }
        return next;
    }

    /** The State that takes an action of that party on a case ({@code null} for the system). */
    static StateCode actorOf(Party party, EvidenceCase target) {
        return switch (party) {
            case PROVIDING, EITHER -> target.providingState();
            case RECEIVING -> target.receivingState();
            case SYSTEM -> null;
        };
    }
}
