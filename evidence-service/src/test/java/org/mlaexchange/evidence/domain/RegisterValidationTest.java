package org.mlaexchange.evidence.domain;

import org.mlaexchange.contracts.rules.DomainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.ITEMS;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.NL;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.OBJECT_ID;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.REQUEST_ID;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.SHA_DOC;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.date;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.day;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.givenTransfer;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.objectRegistered;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.provenance;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.evidence.ItemConditions;
import org.mlaexchange.contracts.evidence.ItemKind;
import org.mlaexchange.contracts.evidence.ItemMetadata;
import org.mlaexchange.contracts.evidence.Provenance;
import org.mlaexchange.contracts.rules.DomainException.InvalidCommand;
import org.mlaexchange.contracts.rules.DomainException.Violation;

/** Registration rules: what an item's metadata and conditions must say, by kind. */
class RegisterValidationTest {

    private static List<Violation> violations(UUID itemId, ItemMetadata metadata) {
        return assertThrows(InvalidCommand.class, () -> ITEMS.register(givenTransfer(TransferStatus.OPEN),
                new ItemCommand.Register(itemId, metadata), NL, day(1))).violations();
    }

    private static List<Violation> violations(ItemMetadata metadata) {
        return violations(UUID.randomUUID(), metadata);
    }

    @Test
    void every_missing_required_field_is_listed() {
        ItemMetadata empty = new ItemMetadata(null, " ", new Provenance(null, null, "", null), null, null, null, null, null, null, null);

        assertEquals(List.of(
                new Violation("itemId", "is required"),
                new Violation("metadata.kind", "is required"),
                new Violation("metadata.description", "is required"),
                new Violation("metadata.provenance.method", "is required"),
                new Violation("metadata.provenance.obtainedOn", "is required"),
                new Violation("metadata.provenance.place", "is required"),
                new Violation("metadata.provenance.obtainedBy", "is required"),
                new Violation("metadata.legalBasis", "is required"),
                new Violation("metadata.mediaType", "is required")), violations(null, empty));
        assertEquals(List.of(new Violation("metadata", "is required")), violations(null));
    }

    @Test
    void a_physical_object_has_a_seal_and_no_content() {
        ItemMetadata object = new ItemMetadata(ItemKind.PHYSICAL_OBJECT, "Knife", provenance(), "Seizure order", "image/jpeg", 10L,
                SHA_DOC, null, null, null);

        String why = "must be absent: a physical object has no content";
        assertEquals(List.of(
                new Violation("metadata.mediaType", why),
                new Violation("metadata.declaredSize", why),
                new Violation("metadata.declaredSha256", why),
                new Violation("metadata.sealNumber", "is required")), violations(object));
    }

    @Test
    void declarations_are_well_formed_and_the_measure_is_one_of_the_request() {
        ItemMetadata doc = new ItemMetadata(ItemKind.DOCUMENT, "Letter", provenance(), "Order", "pdf", -1L, "ABC", " ", "m9", null);

        assertEquals(List.of(
                new Violation("metadata.mediaType", "is not a media type (type/subtype)"),
                new Violation("metadata.declaredSize", "must not be negative"),
                new Violation("metadata.declaredSha256", "must be 64 lower-case hex digits (SHA-256)"),
                new Violation("metadata.sealNumber", "must not be blank"),
                new Violation("metadata.measureId", "no measure m9 in request " + REQUEST_ID)), violations(doc));
    }

    @Test
    void evidence_is_not_obtained_in_the_future() {
        Provenance tomorrow = new Provenance("Hearing", date(2), "The Hague", "Examining magistrate");
        ItemMetadata doc = new ItemMetadata(ItemKind.STATEMENT_OR_TESTIMONY_RECORD, "Minutes", tomorrow, "Order", "application/pdf",
                null, null, null, null, null);

        assertEquals(List.of(new Violation("metadata.provenance.obtainedOn", "must not be in the future")), violations(doc));
    }

    @Test
    void conditions_give_reasons_for_confidentiality_and_a_future_date_for_return() {
        ItemConditions confidentialNoReasons = new ItemConditions(Arrays.asList("Only for case X", " "), true, null, true, date(1));
        ItemConditions strayValues = new ItemConditions(List.of(), false, "Because", false, date(60));

        assertEquals(List.of(
                new Violation("metadata.conditions.useLimits[1]", "is required"),
                new Violation("metadata.conditions.confidentialityReasons", "is required"),
                new Violation("metadata.conditions.returnBy", "must be in the future")), violations(withConditions(confidentialNoReasons)));
        assertEquals(List.of(
                new Violation("metadata.conditions.confidentialityReasons", "must be absent: the item is not confidential"),
                new Violation("metadata.conditions.returnBy", "must be absent: return is not required")), violations(withConditions(strayValues)));
    }

    @Test
    void a_complete_physical_object_registers_with_its_seal_and_return_date() {
        assertEquals(List.of(objectRegistered()), ITEMS.register(givenTransfer(TransferStatus.OPEN),
                new ItemCommand.Register(OBJECT_ID, EvidenceFixtures.objectMetadata()), NL, day(1)));
    }

    private static ItemMetadata withConditions(ItemConditions conditions) {
        return new ItemMetadata(ItemKind.EXPERT_EVALUATION, "Forensic report", provenance(), "Order", "application/pdf", null, null,
                null, "m1", conditions);
    }
}
