package org.mlaexchange.evidence.domain;

import org.mlaexchange.contracts.rules.DomainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.AR;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.CONSENT_ID;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.DOC_ID;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.ITEMS;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.NL;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.OBJECT_ID;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.SEAL;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.SN;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.TRANSFER_ID;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.consentRequested;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.date;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.day;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.docRegistered;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.docStored;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.givenItem;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.itemHistoryIn;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.objectRegistered;
import static org.mlaexchange.evidence.domain.EvidenceFixtures.then;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.evidence.ItemEvent;
import org.mlaexchange.contracts.evidence.UseConsentDecision;
import org.mlaexchange.contracts.evidence.UsePurpose;
import org.mlaexchange.contracts.rules.DomainException.InvalidCommand;
import org.mlaexchange.contracts.rules.DomainException.TransitionForbidden;
import org.mlaexchange.evidence.domain.UseNotPermitted;
import org.mlaexchange.contracts.rules.DomainException.Violation;

/**
 * Use of what is received (speciality of evidence, model UNTOC 18(19)): free for the proceedings named
 * in the request, otherwise only under the providing State's prior consent; exculpatory material may be
 * disclosed with prior notice. Every access is recorded.
 */
class SpecialityTest {

    private static final ItemCommand.Access FOR_THE_REQUEST = new ItemCommand.Access("j.perez@ar", UsePurpose.PROCEEDINGS_OF_REQUEST, null);

    /** The verified document with a use consent for the purpose asked and, if given, decided. */
    private static EvidenceItem withConsent(UsePurpose purpose, StateCode thirdState, ItemEvent.UseConsentDecided decision) {
        List<ItemEvent> h = new ArrayList<>(itemHistoryIn(ItemStatus.VERIFIED));
        h.add(consentRequested(purpose, thirdState));
        if (decision != null) {
            h.add(decision);
        }
        return givenItem(h);
    }

    private static ItemEvent.UseConsentDecided decided(UseConsentDecision decision, List<String> conditions, String reasons) {
        return new ItemEvent.UseConsentDecided(DOC_ID, TRANSFER_ID, CONSENT_ID, decision, conditions, reasons, day(8));
    }

    @Test
    void the_providing_state_may_always_access_its_own_item_even_before_dispatch() {
        EvidenceItem stored = givenItem(docRegistered(), docStored());

        List<ItemEvent> events = ITEMS.decide(stored, new ItemCommand.Access("k.jansen@nl", UsePurpose.OTHER_PROCEEDINGS, null), NL, day(2));

        assertEquals(List.of(new ItemEvent.Accessed(DOC_ID, TRANSFER_ID, NL, "k.jansen@nl", UsePurpose.OTHER_PROCEEDINGS, null, day(2))), events);
        EvidenceItem after = then(stored, events);
        assertEquals(1, after.accessCount());
        assertEquals(day(2), after.lastAccessedAt());
        assertEquals(ItemStatus.CONTENT_STORED, after.status());
    }

    @Test
    void the_receiving_state_uses_the_item_freely_for_the_proceedings_named_in_the_request() {
        for (ItemStatus status : List.of(ItemStatus.DISPATCHED, ItemStatus.VERIFIED)) {
            EvidenceItem item = givenItem(status);

            List<ItemEvent> events = ITEMS.decide(item, FOR_THE_REQUEST, AR, day(6));

            assertEquals(List.of(new ItemEvent.Accessed(DOC_ID, TRANSFER_ID, AR, "j.perez@ar", UsePurpose.PROCEEDINGS_OF_REQUEST, null, day(6))),
                    events, status.name());
        }
    }

    @Test
    void the_receiving_state_sees_no_content_before_dispatch() {
        EvidenceItem stored = givenItem(docRegistered(), docStored());

        TransitionForbidden e = assertThrows(TransitionForbidden.class, () -> ITEMS.decide(stored, FOR_THE_REQUEST, AR, day(2)));

        assertTrue(e.getMessage().endsWith("the item is not dispatched yet"), e.getMessage());
    }

    @Test
    void a_physical_object_has_no_content_to_access() {
        EvidenceItem object = givenItem(objectRegistered(), new ItemEvent.Dispatched(OBJECT_ID, TRANSFER_ID, null, null, SEAL, day(3)));

        TransitionForbidden e = assertThrows(TransitionForbidden.class, () -> ITEMS.decide(object, FOR_THE_REQUEST, NL, day(4)));

        assertTrue(e.getMessage().endsWith("a physical object has no content to access"), e.getMessage());
    }

    @Test
    void other_proceedings_and_onward_transfer_need_prior_consent() {
        EvidenceItem verified = givenItem(ItemStatus.VERIFIED);

        for (UsePurpose purpose : List.of(UsePurpose.OTHER_PROCEEDINGS, UsePurpose.ONWARD_TRANSFER)) {
            UseNotPermitted e = assertThrows(UseNotPermitted.class, () -> ITEMS.decide(verified,
                    new ItemCommand.Access("j.perez@ar", purpose, null), AR, day(6)));

            assertEquals(purpose, e.purpose());
            assertEquals(AR, e.state());
            assertEquals(DOC_ID, e.itemId());
            assertEquals(purpose + " needs the providing State's prior consent (speciality of evidence); name a granted use consent",
                    e.reason());
        }
    }

    @Test
    void the_receiving_state_asks_consent_and_gets_an_id_for_it() {
        EvidenceItem verified = givenItem(ItemStatus.VERIFIED);

        List<ItemEvent> events = ITEMS.decide(verified, new ItemCommand.RequestUseConsent(UsePurpose.OTHER_PROCEEDINGS, null,
                "Prosecution of the same suspect in case CFP 99/2025"), AR, day(6));

        assertEquals(List.of(consentRequested(UsePurpose.OTHER_PROCEEDINGS, null)), events);
        EvidenceItem.UseConsent consent = then(verified, events).useConsent(CONSENT_ID).orElseThrow();
        assertTrue(consent.pending());
        assertEquals(UsePurpose.OTHER_PROCEEDINGS, consent.purpose());
    }

    @Test
    void a_consent_request_names_a_use_that_needs_one_and_the_third_state_of_an_onward_transfer() {
        EvidenceItem verified = givenItem(ItemStatus.VERIFIED);

        InvalidCommand free = assertThrows(InvalidCommand.class, () -> ITEMS.decide(verified,
                new ItemCommand.RequestUseConsent(UsePurpose.PROCEEDINGS_OF_REQUEST, null, "x"), AR, day(6)));
        InvalidCommand onward = assertThrows(InvalidCommand.class, () -> ITEMS.decide(verified,
                new ItemCommand.RequestUseConsent(UsePurpose.ONWARD_TRANSFER, NL, " "), AR, day(6)));
        InvalidCommand other = assertThrows(InvalidCommand.class, () -> ITEMS.decide(verified,
                new ItemCommand.RequestUseConsent(UsePurpose.OTHER_PROCEEDINGS, SN, "Case 9"), AR, day(6)));

        assertEquals(List.of(new Violation("purpose", "the proceedings named in the request need no consent")), free.violations());
        assertEquals(List.of(new Violation("thirdState", "must be a State other than the parties to the transfer"),
                new Violation("description", "is required")), onward.violations());
        assertEquals(List.of(new Violation("thirdState", "must be absent: only for ONWARD_TRANSFER")), other.violations());
    }

    @Test
    void a_pending_consent_permits_nothing_yet() {
        EvidenceItem pending = withConsent(UsePurpose.OTHER_PROCEEDINGS, null, null);

        UseNotPermitted e = assertThrows(UseNotPermitted.class, () -> ITEMS.decide(pending,
                new ItemCommand.Access("j.perez@ar", UsePurpose.OTHER_PROCEEDINGS, CONSENT_ID), AR, day(7)));

        assertEquals("use consent " + CONSENT_ID + " awaits the providing State's decision", e.reason());
    }

    @Test
    void a_granted_consent_permits_the_use_it_was_asked_for() {
        EvidenceItem pending = withConsent(UsePurpose.OTHER_PROCEEDINGS, null, null);

        List<ItemEvent> decision = ITEMS.decide(pending, new ItemCommand.DecideUseConsent(CONSENT_ID, UseConsentDecision.GRANTED, null, null),
                NL, day(8));
        EvidenceItem granted = then(pending, decision);
        List<ItemEvent> access = ITEMS.decide(granted, new ItemCommand.Access("j.perez@ar", UsePurpose.OTHER_PROCEEDINGS, CONSENT_ID), AR, day(9));

        assertEquals(List.of(decided(UseConsentDecision.GRANTED, List.of(), null)), decision);
        assertEquals(List.of(new ItemEvent.Accessed(DOC_ID, TRANSFER_ID, AR, "j.perez@ar", UsePurpose.OTHER_PROCEEDINGS, CONSENT_ID, day(9))),
                access);
        UseNotPermitted e = assertThrows(UseNotPermitted.class, () -> ITEMS.decide(granted,
                new ItemCommand.Access("j.perez@ar", UsePurpose.ONWARD_TRANSFER, CONSENT_ID), AR, day(9)));
        assertEquals("use consent " + CONSENT_ID + " is for OTHER_PROCEEDINGS, not ONWARD_TRANSFER", e.reason());
    }

    @Test
    void a_consent_granted_with_conditions_permits_the_use_and_keeps_the_conditions() {
        EvidenceItem pending = withConsent(UsePurpose.ONWARD_TRANSFER, SN, null);
        List<String> conditions = List.of("Senegal uses the statements only in case 12/2025", "No further transfer");

        EvidenceItem granted = then(pending, ITEMS.decide(pending, new ItemCommand.DecideUseConsent(CONSENT_ID,
                UseConsentDecision.GRANTED_WITH_CONDITIONS, conditions, null), NL, day(8)));
        List<ItemEvent> access = ITEMS.decide(granted, new ItemCommand.Access("j.perez@ar", UsePurpose.ONWARD_TRANSFER, CONSENT_ID), AR, day(9));

        EvidenceItem.UseConsent consent = granted.useConsent(CONSENT_ID).orElseThrow();
        assertEquals(UseConsentDecision.GRANTED_WITH_CONDITIONS, consent.decision());
        assertEquals(conditions, consent.conditions());
        assertEquals(SN, consent.thirdState());
        assertEquals(CONSENT_ID, ((ItemEvent.Accessed) access.get(0)).consentId());
    }

    @Test
    void a_denied_consent_permits_nothing_and_the_reasons_are_told() {
        EvidenceItem pending = withConsent(UsePurpose.OTHER_PROCEEDINGS, null, null);

        EvidenceItem denied = then(pending, ITEMS.decide(pending, new ItemCommand.DecideUseConsent(CONSENT_ID, UseConsentDecision.DENIED,
                List.of(), "The other case concerns a political opponent"), NL, day(8)));
        UseNotPermitted e = assertThrows(UseNotPermitted.class, () -> ITEMS.decide(denied,
                new ItemCommand.Access("j.perez@ar", UsePurpose.OTHER_PROCEEDINGS, CONSENT_ID), AR, day(9)));

        assertEquals("use consent " + CONSENT_ID + " was denied: The other case concerns a political opponent", e.reason());
        assertTrue(e.getMessage().startsWith("use of item " + DOC_ID + " for OTHER_PROCEEDINGS is not permitted"), e.getMessage());
    }

    @Test
    void an_unknown_consent_permits_nothing() {
        EvidenceItem verified = givenItem(ItemStatus.VERIFIED);
        UUID unknown = UUID.fromString("00000000-0000-4000-8000-000000000001");

        UseNotPermitted e = assertThrows(UseNotPermitted.class, () -> ITEMS.decide(verified,
                new ItemCommand.Access("j.perez@ar", UsePurpose.OTHER_PROCEEDINGS, unknown), AR, day(9)));

        assertEquals("there is no use consent " + unknown + " for this item", e.reason());
    }

    @Test
    void a_decision_gives_conditions_when_granted_with_conditions_and_reasons_when_denied() {
        EvidenceItem pending = withConsent(UsePurpose.OTHER_PROCEEDINGS, null, null);

        InvalidCommand withoutConditions = assertThrows(InvalidCommand.class, () -> ITEMS.decide(pending,
                new ItemCommand.DecideUseConsent(CONSENT_ID, UseConsentDecision.GRANTED_WITH_CONDITIONS, List.of(), null), NL, day(8)));
        InvalidCommand withoutReasons = assertThrows(InvalidCommand.class, () -> ITEMS.decide(pending,
                new ItemCommand.DecideUseConsent(CONSENT_ID, UseConsentDecision.DENIED, null, " "), NL, day(8)));
        InvalidCommand stray = assertThrows(InvalidCommand.class, () -> ITEMS.decide(pending,
                new ItemCommand.DecideUseConsent(UUID.fromString("00000000-0000-4000-8000-000000000002"), UseConsentDecision.GRANTED,
                        List.of("x"), null), NL, day(8)));

        assertEquals(List.of(new Violation("conditions", "at least one is required")), withoutConditions.violations());
        assertEquals(List.of(new Violation("reasons", "is required")), withoutReasons.violations());
        assertEquals(List.of(new Violation("consentId", "there is no use consent 00000000-0000-4000-8000-000000000002 for this item"),
                new Violation("conditions", "only with GRANTED_WITH_CONDITIONS")), stray.violations());
    }

    @Test
    void a_consent_is_decided_once() {
        EvidenceItem granted = withConsent(UsePurpose.OTHER_PROCEEDINGS, null, decided(UseConsentDecision.GRANTED, List.of(), null));

        TransitionForbidden e = assertThrows(TransitionForbidden.class, () -> ITEMS.decide(granted,
                new ItemCommand.DecideUseConsent(CONSENT_ID, UseConsentDecision.DENIED, null, "Changed our mind"), NL, day(9)));

        assertTrue(e.getMessage().endsWith("use consent " + CONSENT_ID + " is already decided (GRANTED)"), e.getMessage());
    }

    @Test
    void a_consent_is_named_only_for_a_use_that_needs_one() {
        EvidenceItem verified = givenItem(ItemStatus.VERIFIED);

        InvalidCommand receiving = assertThrows(InvalidCommand.class, () -> ITEMS.decide(verified,
                new ItemCommand.Access("j.perez@ar", UsePurpose.PROCEEDINGS_OF_REQUEST, CONSENT_ID), AR, day(9)));
        InvalidCommand providing = assertThrows(InvalidCommand.class, () -> ITEMS.decide(verified,
                new ItemCommand.Access("k.jansen@nl", UsePurpose.OTHER_PROCEEDINGS, CONSENT_ID), NL, day(9)));
        InvalidCommand nobody = assertThrows(InvalidCommand.class, () -> ITEMS.decide(verified,
                new ItemCommand.Access(" ", null, null), AR, day(9)));

        assertEquals(List.of(new Violation("consentId", "no consent is needed for the proceedings named in the request")),
                receiving.violations());
        assertEquals(List.of(new Violation("consentId", "the providing State needs no consent to access its own item")),
                providing.violations());
        assertEquals(List.of(new Violation("subject", "is required"), new Violation("purpose", "is required")), nobody.violations());
    }

    @Test
    void exculpatory_material_is_disclosed_after_notice_to_the_providing_state() {
        EvidenceItem verified = givenItem(ItemStatus.VERIFIED);

        List<ItemEvent> events = ITEMS.decide(verified, new ItemCommand.NotifyExculpatoryDisclosure(
                "Defence of the accused in CFP 1234/2020", "The statements show the accused was abroad", date(40)), AR, day(30));

        assertEquals(List.of(new ItemEvent.ExculpatoryDisclosureNotified(DOC_ID, TRANSFER_ID, "Defence of the accused in CFP 1234/2020",
                "The statements show the accused was abroad", date(40), day(30))), events);
        assertEquals(1, then(verified, events).exculpatoryNotices().size());
        InvalidCommand late = assertThrows(InvalidCommand.class, () -> ITEMS.decide(verified,
                new ItemCommand.NotifyExculpatoryDisclosure("Defence", "Alibi", date(29)), AR, day(30)));
        assertEquals(List.of(new Violation("disclosureDate", "must not be in the past: notice comes before disclosure")), late.violations());
    }
}
