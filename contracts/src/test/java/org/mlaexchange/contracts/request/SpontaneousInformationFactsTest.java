package org.mlaexchange.contracts.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.evidence.UsePurpose;
import org.mlaexchange.contracts.seal.ErasureReason;

/** What evidence-service folds of spontaneous information: its States, status and whether items may still come with it. */
class SpontaneousInformationFactsTest {

    private static final UUID ID = UUID.fromString("3d8e0f1a-5b2c-4e7d-9a10-6c4b2e8f7a21");
    private static final Instant AT = Instant.parse("2026-11-03T09:00:00Z");
    private static final StateCode AR = StateCode.of("AR");
    private static final StateCode NL = StateCode.of("NL");
    private static final UseConditions CONDITIONS = new UseConditions("Investigation of the case", List.of(), false, null);

    @Test
    void theStatusFollowsTheAnswersAndOnlyAnOpenCaseTakesItems() {
        SpontaneousInformationFacts facts = SpontaneousInformationFacts.apply(null,
                new SpontaneousInformationEvent.Sent(ID, AR, NL, null, CONDITIONS, List.of(), AT));
        assertEquals(new SpontaneousInformationFacts(ID, AR, NL, SpontaneousStatus.SENT, 1), facts);
        assertTrue(facts.open());
        assertTrue(facts.isParty(AR) && facts.isParty(NL) && !facts.isParty(StateCode.of("SN")));

        facts = SpontaneousInformationFacts.apply(facts, new SpontaneousInformationEvent.ConditionsDeclined(ID, "No", AT));
        assertEquals(SpontaneousStatus.CONDITIONS_DECLINED, facts.status());
        assertFalse(facts.open(), "declined conditions: nothing more comes under them");
        facts = SpontaneousInformationFacts.apply(facts, new SpontaneousInformationEvent.ConditionsRevised(ID, CONDITIONS, null, AT));
        assertEquals(SpontaneousStatus.SENT, facts.status());
        facts = SpontaneousInformationFacts.apply(facts, new SpontaneousInformationEvent.Acknowledged(ID, "NL-1", null, AT));
        facts = SpontaneousInformationFacts.apply(facts, new SpontaneousInformationEvent.UseConsentRequested(ID, UsePurpose.OTHER_PROCEEDINGS,
                null, "Another case", AT));
        assertEquals(SpontaneousStatus.ACKNOWLEDGED, facts.status(), "a consent request keeps the status");
        assertTrue(facts.open());
        assertEquals(5, facts.version());

        SpontaneousInformationFacts closed = SpontaneousInformationFacts.apply(facts, new SpontaneousInformationEvent.Closed(ID, null, AT));
        assertFalse(closed.open());
        assertFalse(SpontaneousInformationFacts.apply(facts, new SpontaneousInformationEvent.Returned(ID, null, AT)).open());
        SpontaneousInformationFacts erased = SpontaneousInformationFacts.apply(closed,
                new SpontaneousInformationEvent.PersonalDataErased(ID, AR, ErasureReason.PURPOSE_FULFILLED, AT));
        assertEquals(new SpontaneousInformationFacts(ID, AR, NL, SpontaneousStatus.CLOSED, 7), erased, "an erasure keeps the status");
    }

    @Test
    void theFirstEventIsSent() {
        assertThrows(IllegalArgumentException.class,
                () -> SpontaneousInformationFacts.apply(null, new SpontaneousInformationEvent.Acknowledged(ID, "NL-1", null, AT)));
    }
}
