package org.mlaexchange.request.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.request.domain.RequestFixtures.AR;
import static org.mlaexchange.request.domain.RequestFixtures.NL;
import static org.mlaexchange.request.domain.RequestFixtures.NL_CONTACT;
import static org.mlaexchange.request.domain.RequestFixtures.REFERENCE;
import static org.mlaexchange.request.domain.RequestFixtures.SN;
import static org.mlaexchange.request.domain.RequestFixtures.T0;
import static org.mlaexchange.request.domain.RequestFixtures.XX;
import static org.mlaexchange.request.domain.RequestFixtures.day;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.evidence.UseConsentDecision;
import org.mlaexchange.contracts.evidence.UsePurpose;
import org.mlaexchange.contracts.request.Authority;
import org.mlaexchange.contracts.request.ContactPerson;
import org.mlaexchange.contracts.request.CrimeCategory;
import org.mlaexchange.contracts.request.LegalQualification;
import org.mlaexchange.contracts.request.PersonConcerned;
import org.mlaexchange.contracts.request.SpontaneousInformation;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent;
import org.mlaexchange.contracts.request.SpontaneousStatus;
import org.mlaexchange.contracts.request.UseConditions;
import org.mlaexchange.contracts.rules.DomainException;
import org.mlaexchange.contracts.seal.ErasureReason;
import org.mlaexchange.contracts.rules.DomainException.InvalidCommand;
import org.mlaexchange.contracts.rules.DomainException.NotAParty;
import org.mlaexchange.contracts.rules.DomainException.TransitionForbidden;
import org.mlaexchange.contracts.rules.DomainException.WrongParty;

/** Spontaneous information, given/when/then: NL sends to AR without a request; SN is neither side. */
class SpontaneousInformationTest {

    private static final SpontaneousDecider DECIDER = new SpontaneousDecider(REFERENCE);
    private static final UUID ID = UUID.fromString("0b7f5a8e-3c1d-4e2f-9a6b-5d4c3b2a1f00");
    private static final ContactPerson AR_CONTACT = new ContactPerson("M. García", "cooperacion@jus.example.ar", null);
    private static final UseConditions CONDITIONS = new UseConditions("Investigation of the northern province detentions",
            List.of("Not for use in civil proceedings"), true, "Sources inside the armed group");
    private static final List<UUID> ITEMS = List.of(UUID.fromString("7d0c1b2a-0000-4000-8000-000000000001"));

    static SpontaneousInformation information() {
        return new SpontaneousInformation(new Authority("Landelijk Parket", "Rotterdam"), "Detention site in the northern province",
                "A defector named the commander of the site and the dates prisoners were moved.",
                new LegalQualification(CrimeCategory.CRIMES_AGAINST_HUMANITY, null, "International Crimes Act, s. 4", "life imprisonment"),
                List.of(new PersonConcerned("Defector D-3", "The Hague", "AR", true)), NL_CONTACT, "en");
    }

    private static SpontaneousCommand.Send send(UseConditions conditions) {
        return new SpontaneousCommand.Send(ID, AR, information(), conditions, ITEMS);
    }

    /** When the State acts on the case: the case after the events decided. */
    private static SpontaneousInformationCase act(SpontaneousInformationCase state, SpontaneousCommand command, StateCode actor, int day) {
        SpontaneousInformationCase next = state;
        for (SpontaneousInformationEvent e : DECIDER.decide(state, command, actor, day(day))) {
            next = SpontaneousDecider.evolve(next, e);
        }
        return next;
    }

    private static SpontaneousInformationCase sent(UseConditions conditions) {
        return act(null, send(conditions), NL, 0);
    }

    @Test
    void theProvidingStateIsTheOneThatSendsAndTheConditionsDoNotBindBeforeAcknowledgement() {
        List<SpontaneousInformationEvent> events = DECIDER.decide(null, send(CONDITIONS), NL, T0);
        SpontaneousInformationEvent.Sent sent = assertInstanceOf(SpontaneousInformationEvent.Sent.class, events.get(0));
        assertEquals(NL, sent.providingState());
        assertEquals(AR, sent.receivingState());
        assertEquals(T0, sent.sentAt());
        SpontaneousInformationCase c = SpontaneousDecider.fold(events);
        assertEquals(SpontaneousStatus.SENT, c.status());
        assertEquals(1, c.version());
        assertFalse(c.conditionsBind());
        assertTrue(c.confidential());
        assertEquals(ITEMS, c.evidenceItemIds());
        assertEquals(List.of(SpontaneousAction.ACKNOWLEDGE, SpontaneousAction.DECLINE_CONDITIONS), SpontaneousAction.availableTo(c, AR));
        assertEquals(List.of(), SpontaneousAction.availableTo(c, NL));
        assertEquals(List.of(), SpontaneousAction.availableTo(c, SN));
    }

    @Test
    void withoutConditionsNothingIsAttachedAndThereIsNothingToDecline() {
        SpontaneousInformationCase c = sent(null);
        assertEquals(UseConditions.none(), c.conditions());
        assertFalse(c.hasConditions());
        assertEquals(List.of(SpontaneousAction.ACKNOWLEDGE), SpontaneousAction.availableTo(c, AR));
        TransitionForbidden refused = assertThrows(TransitionForbidden.class,
                () -> DECIDER.decide(c, new SpontaneousCommand.DeclineConditions("No"), AR, day(1)));
        assertTrue(refused.getMessage().contains("no conditions"), refused.getMessage());
    }

    @Test
    void aSendingBreakingTheRulesIsRefusedFieldByField() {
        SpontaneousInformation incomplete = new SpontaneousInformation(new Authority(" ", null), "Subject", null,
                new LegalQualification(CrimeCategory.ANNEX_CRIME, "E", "Law", "Penalty"), List.of(new PersonConcerned(null, null, null, false)),
                new ContactPerson("J.", "no-address", null), "english");
        InvalidCommand invalid = assertThrows(InvalidCommand.class, () -> DECIDER.decide(null, new SpontaneousCommand.Send(ID, AR,
                incomplete, new UseConditions(" ", List.of(""), true, null), List.of(ITEMS.get(0), ITEMS.get(0))), NL, T0));
        Set<String> fields = invalid.violations().stream().map(DomainException.Violation::field).collect(Collectors.toSet());
        assertEquals(Set.of("information.providingAuthority.name", "information.summary", "information.contact.email",
                "information.language", "information.legalQualification.annex", "information.personsConcerned[0].identity",
                "conditions.permittedUse", "conditions.useLimits[0]", "conditions.confidentialityReasons", "evidenceItemIds[1]"), fields);

        assertEquals(Set.of("receivingState"), fieldsOf(() -> DECIDER.decide(null, new SpontaneousCommand.Send(ID, NL, information(), null,
                null), NL, T0)));
        assertEquals(Set.of("receivingState"), fieldsOf(() -> DECIDER.decide(null, new SpontaneousCommand.Send(ID, XX, information(), null,
                null), NL, T0)));
        assertEquals(Set.of("providingState"), fieldsOf(() -> DECIDER.decide(null, send(null), XX, T0)));
        assertEquals(Set.of("conditions.confidentialityReasons"), fieldsOf(() -> DECIDER.decide(null,
                send(new UseConditions(null, List.of(), false, "Reasons without confidentiality")), NL, T0)));
    }

    private static Set<String> fieldsOf(org.junit.jupiter.api.function.Executable decision) {
        return assertThrows(InvalidCommand.class, decision).violations().stream().map(DomainException.Violation::field)
                .collect(Collectors.toSet());
    }

    @Test
    void onlyTheReceivingStateAcknowledgesAndAStateOfNeitherSideIsNotAParty() {
        SpontaneousInformationCase c = sent(CONDITIONS);
        SpontaneousCommand.AcknowledgeReceipt ack = new SpontaneousCommand.AcknowledgeReceipt("AR-SI-7", AR_CONTACT);
        assertThrows(WrongParty.class, () -> DECIDER.decide(c, ack, NL, day(1)));
        assertThrows(NotAParty.class, () -> DECIDER.decide(c, ack, SN, day(1)));
        assertEquals(Set.of("caseReference", "contact"), fieldsOf(() -> DECIDER.decide(c, new SpontaneousCommand.AcknowledgeReceipt(" ", null), AR, day(1))));

        SpontaneousInformationCase acknowledged = act(c, ack, AR, 1);
        assertEquals(SpontaneousStatus.ACKNOWLEDGED, acknowledged.status());
        assertTrue(acknowledged.conditionsBind(), "acknowledged conditions bind the receiving State");
        assertEquals("AR-SI-7", acknowledged.acknowledgement().caseReference());
        assertEquals(day(1), acknowledged.acknowledgement().acknowledgedAt());
        assertThrows(TransitionForbidden.class, () -> DECIDER.decide(acknowledged, ack, AR, day(2)));
        assertThrows(TransitionForbidden.class, () -> DECIDER.decide(acknowledged, new SpontaneousCommand.DeclineConditions("Late"), AR, day(2)));

        SpontaneousInformationCase closed = act(acknowledged, new SpontaneousCommand.CloseCase("Thank you"), NL, 3);
        assertEquals(SpontaneousStatus.CLOSED, closed.status());
        assertTrue(closed.conditionsBind(), "closing the case does not release the receiving State from the conditions");
        assertEquals(3, closed.version());
    }

    @Test
    void declinedConditionsAreRevisedOrTheInformationIsReturnedUnused() {
        SpontaneousInformationCase declined = act(sent(CONDITIONS), new SpontaneousCommand.DeclineConditions("Our courts cannot keep it secret"),
                AR, 1);
        assertEquals(SpontaneousStatus.CONDITIONS_DECLINED, declined.status());
        assertFalse(declined.conditionsBind());
        assertEquals(List.of(SpontaneousAction.REVISE_CONDITIONS, SpontaneousAction.CLOSE), SpontaneousAction.availableTo(declined, NL));
        assertEquals(List.of(SpontaneousAction.RETURN), SpontaneousAction.availableTo(declined, AR));
        assertEquals(Set.of("conditions"), fieldsOf(() -> DECIDER.decide(declined, new SpontaneousCommand.ReviseConditions(CONDITIONS, null),
                NL, day(2))));

        UseConditions open = new UseConditions("Investigation of the northern province detentions", List.of(), false, null);
        SpontaneousInformationCase revised = act(declined, new SpontaneousCommand.ReviseConditions(open, "Confidentiality lifted"), NL, 2);
        assertEquals(SpontaneousStatus.SENT, revised.status());
        assertEquals(open, revised.conditions());
        assertTrue(revised.confidential(), "what was confidential stays withheld from the oversight body");
        SpontaneousInformationCase acknowledged = act(revised, new SpontaneousCommand.AcknowledgeReceipt("AR-SI-8", AR_CONTACT), AR, 3);
        assertTrue(acknowledged.conditionsBind());

        SpontaneousInformationCase returned = act(declined, new SpontaneousCommand.Return("Destroyed unread copies"), AR, 2);
        assertEquals(SpontaneousStatus.RETURNED, returned.status());
        assertEquals("Destroyed unread copies", returned.returnNote());
        assertEquals(List.of(SpontaneousAction.ERASE_PERSONAL_DATA), SpontaneousAction.availableTo(returned, NL),
                "returned, nothing more happens on the case but the erasure of what NL supplied");
        assertEquals(List.of(), SpontaneousAction.availableTo(returned, AR));
        assertThrows(TransitionForbidden.class, () -> DECIDER.decide(returned, new SpontaneousCommand.CloseCase(null), NL, day(3)));
    }

    @Test
    void theProvidingStateErasesOnceNothingMoreHappensOnTheCaseAndOnlyOnce() {
        SpontaneousCommand.ErasePersonalData erase = new SpontaneousCommand.ErasePersonalData(ErasureReason.PURPOSE_FULFILLED);
        SpontaneousInformationCase acknowledged = act(sent(CONDITIONS), new SpontaneousCommand.AcknowledgeReceipt("AR-SI-9", AR_CONTACT), AR, 1);
        assertThrows(TransitionForbidden.class, () -> DECIDER.decide(acknowledged, erase, NL, day(2)), "the case goes on");
        assertFalse(SpontaneousAction.availableTo(acknowledged, NL).contains(SpontaneousAction.ERASE_PERSONAL_DATA));

        SpontaneousInformationCase closed = act(acknowledged, new SpontaneousCommand.CloseCase(null), NL, 2);
        assertEquals(List.of(SpontaneousAction.ERASE_PERSONAL_DATA), SpontaneousAction.availableTo(closed, NL));
        assertEquals(List.of(), SpontaneousAction.availableTo(closed, AR));
        assertThrows(WrongParty.class, () -> DECIDER.decide(closed, erase, AR, day(3)), "the receiving State did not supply the data");
        assertThrows(NotAParty.class, () -> DECIDER.decide(closed, erase, SN, day(3)));
        assertEquals(Set.of("reason"), fieldsOf(() -> DECIDER.decide(closed, new SpontaneousCommand.ErasePersonalData(null), NL, day(3))));

        List<SpontaneousInformationEvent> events = DECIDER.decide(closed, erase, NL, day(3));
        assertEquals(List.of(new SpontaneousInformationEvent.PersonalDataErased(ID, NL, ErasureReason.PURPOSE_FULFILLED, day(3))), events);
        SpontaneousInformationCase erased = SpontaneousDecider.evolve(closed, events.get(0));
        assertEquals(new Erasure(NL, ErasureReason.PURPOSE_FULFILLED, day(3)), erased.erasure());
        assertEquals(SpontaneousStatus.CLOSED, erased.status());
        assertEquals(closed.version() + 1, erased.version());
        assertTrue(erased.conditionsBind(), "erasing the texts does not release the receiving State from the conditions");
        assertEquals(List.of(), SpontaneousAction.availableTo(erased, NL));
        TransitionForbidden twice = assertThrows(TransitionForbidden.class, () -> DECIDER.decide(erased, erase, NL, day(4)));
        assertTrue(twice.getMessage().contains("erased"), twice.getMessage());
        assertEquals(List.of(), DECIDER.decide(erased, new SpontaneousCommand.RecordOverdueDeadlines(), null, day(40)),
                "nothing is owed on an ended case, erased or not");
    }

    @Test
    void theRetentionRuleErasesWithNoStateFromTheSameStatusesOnly() {
        SpontaneousCommand.ErasePersonalData retention = new SpontaneousCommand.ErasePersonalData(ErasureReason.RETENTION_PERIOD_ENDED);
        SpontaneousInformationCase acknowledged = act(sent(CONDITIONS), new SpontaneousCommand.AcknowledgeReceipt("AR-SI-9", AR_CONTACT), AR, 1);
        assertThrows(TransitionForbidden.class, () -> DECIDER.decide(acknowledged, retention, null, day(2)), "the case goes on");
        assertThrows(NullPointerException.class, () -> DECIDER.decide(acknowledged, new SpontaneousCommand.CloseCase(null), null, day(2)),
                "no other action is taken without a State");

        SpontaneousInformationCase closed = act(acknowledged, new SpontaneousCommand.CloseCase(null), NL, 2);
        List<SpontaneousInformationEvent> events = DECIDER.decide(closed, retention, null, day(3));
        assertEquals(List.of(new SpontaneousInformationEvent.PersonalDataErased(ID, null, ErasureReason.RETENTION_PERIOD_ENDED, day(3))), events);
        SpontaneousInformationCase erased = SpontaneousDecider.evolve(closed, events.get(0));
        assertThrows(TransitionForbidden.class, () -> DECIDER.decide(erased, retention, null, day(4)), "once");
    }

    @Test
    void anotherUseNeedsTheProvidingStatesConsentAskedOneAtATime() {
        SpontaneousInformationCase acknowledged = act(sent(CONDITIONS), new SpontaneousCommand.AcknowledgeReceipt("AR-SI-7", AR_CONTACT), AR, 1);
        assertEquals(List.of(SpontaneousAction.REQUEST_USE_CONSENT), SpontaneousAction.availableTo(acknowledged, AR));
        assertEquals(Set.of("purpose"), fieldsOf(() -> DECIDER.decide(acknowledged, new SpontaneousCommand.RequestUseConsent(
                UsePurpose.PROCEEDINGS_OF_REQUEST, null, "Use it"), AR, day(2))));
        assertEquals(Set.of("thirdState", "description"), fieldsOf(() -> DECIDER.decide(acknowledged,
                new SpontaneousCommand.RequestUseConsent(UsePurpose.ONWARD_TRANSFER, NL, " "), AR, day(2))));
        assertThrows(WrongParty.class, () -> DECIDER.decide(acknowledged, new SpontaneousCommand.RequestUseConsent(
                UsePurpose.OTHER_PROCEEDINGS, null, "Trial of another accused"), NL, day(2)));

        SpontaneousInformationCase asked = act(acknowledged, new SpontaneousCommand.RequestUseConsent(UsePurpose.ONWARD_TRANSFER, SN,
                "Share with SN's war crimes unit"), AR, 2);
        assertEquals(SpontaneousStatus.ACKNOWLEDGED, asked.status());
        assertEquals(SN, asked.openUseConsent().orElseThrow().thirdState());
        assertEquals(List.of(), SpontaneousAction.availableTo(asked, AR), "one request for consent at a time");
        assertEquals(List.of(SpontaneousAction.DECIDE_USE_CONSENT), SpontaneousAction.availableTo(asked, NL),
                "the case is not closed while a consent decision is owed");
        TransitionForbidden twice = assertThrows(TransitionForbidden.class, () -> DECIDER.decide(asked,
                new SpontaneousCommand.RequestUseConsent(UsePurpose.OTHER_PROCEEDINGS, null, "Another"), AR, day(3)));
        assertTrue(twice.getMessage().contains("awaits its decision"), twice.getMessage());
        assertEquals(Set.of("conditions"), fieldsOf(() -> DECIDER.decide(asked, new SpontaneousCommand.DecideUseConsent(
                UseConsentDecision.GRANTED_WITH_CONDITIONS, List.of(), null), NL, day(3))));
        assertEquals(Set.of("reasons"), fieldsOf(() -> DECIDER.decide(asked, new SpontaneousCommand.DecideUseConsent(
                UseConsentDecision.DENIED, null, null), NL, day(3))));

        SpontaneousInformationCase granted = act(asked, new SpontaneousCommand.DecideUseConsent(UseConsentDecision.GRANTED_WITH_CONDITIONS,
                List.of("Only SN's prosecutors"), null), NL, 3);
        SpontaneousInformationCase.UseConsent decided = granted.useConsents().get(0);
        assertEquals(UseConsentDecision.GRANTED_WITH_CONDITIONS, decided.decision());
        assertEquals(List.of("Only SN's prosecutors"), decided.conditions());
        assertTrue(granted.openUseConsent().isEmpty());
        assertEquals(List.of(SpontaneousAction.CLOSE), SpontaneousAction.availableTo(granted, NL));
        assertThrows(TransitionForbidden.class, () -> DECIDER.decide(granted, new SpontaneousCommand.DecideUseConsent(
                UseConsentDecision.GRANTED, null, null), NL, day(4)));
    }

    @Test
    void sendingTwiceAndActingBeforeSendingAreRefused() {
        SpontaneousInformationCase c = sent(null);
        assertThrows(TransitionForbidden.class, () -> DECIDER.decide(c, send(null), NL, day(1)));
        assertThrows(IllegalArgumentException.class, () -> DECIDER.decide(null, new SpontaneousCommand.CloseCase(null), NL, T0));
    }

    /** Exhaustive over the table: every status reachable from sending reaches RETURNED or CLOSED by allowed actions. */
    @Test
    void noDeadEnds() {
        Map<SpontaneousAction, SpontaneousCommand> commands = new java.util.HashMap<>(Map.of(
                SpontaneousAction.ACKNOWLEDGE, new SpontaneousCommand.AcknowledgeReceipt("AR-1", AR_CONTACT),
                SpontaneousAction.DECLINE_CONDITIONS, new SpontaneousCommand.DeclineConditions("No"),
                SpontaneousAction.RETURN, new SpontaneousCommand.Return(null),
                SpontaneousAction.CLOSE, new SpontaneousCommand.CloseCase(null),
                SpontaneousAction.REQUEST_USE_CONSENT, new SpontaneousCommand.RequestUseConsent(UsePurpose.OTHER_PROCEEDINGS, null, "Trial"),
                SpontaneousAction.DECIDE_USE_CONSENT, new SpontaneousCommand.DecideUseConsent(UseConsentDecision.DENIED, null, "No"),
                SpontaneousAction.ERASE_PERSONAL_DATA, new SpontaneousCommand.ErasePersonalData(ErasureReason.RETENTION_PERIOD_ENDED)));
        Set<SpontaneousStatus> terminal = EnumSet.of(SpontaneousStatus.RETURNED, SpontaneousStatus.CLOSED);
        Set<SpontaneousStatus> reached = EnumSet.noneOf(SpontaneousStatus.class);
        Map<SpontaneousStatus, Set<SpontaneousStatus>> next = new java.util.EnumMap<>(SpontaneousStatus.class);
        Deque<SpontaneousInformationCase> queue = new ArrayDeque<>(List.of(sent(CONDITIONS)));
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            SpontaneousInformationCase c = queue.poll();
            // a revision must differ from what was declined: each round offers new conditions, so bound the rounds
            if (!seen.add(c.status() + "/" + c.conditions() + "/" + c.openUseConsent().isPresent() + "/" + (c.erasure() != null))
                    || c.version() > 8) {
                continue;
            }
            commands.put(SpontaneousAction.REVISE_CONDITIONS, new SpontaneousCommand.ReviseConditions(
                    new UseConditions("Use of round " + c.version(), List.of(), false, null), null));
            reached.add(c.status());
            List<SpontaneousAction> actions = new ArrayList<>(SpontaneousAction.availableTo(c, NL));
            actions.addAll(SpontaneousAction.availableTo(c, AR));
            // from an end, only the erasure (once): it leaves the status as it is
            List<SpontaneousAction> goingOn = actions.stream().filter(a -> a != SpontaneousAction.ERASE_PERSONAL_DATA).toList();
            assertEquals(terminal.contains(c.status()), goingOn.isEmpty(), "actions from " + c.status() + ": " + actions);
            assertEquals(terminal.contains(c.status()) && c.erasure() == null, actions.contains(SpontaneousAction.ERASE_PERSONAL_DATA),
                    "erasure from " + c.status() + ": " + actions);
            for (SpontaneousAction a : actions) {
                SpontaneousInformationCase after = act(c, commands.get(a), c.stateOf(a.by()), c.version());
                next.computeIfAbsent(c.status(), s -> EnumSet.noneOf(SpontaneousStatus.class)).add(after.status());
                queue.add(after);
            }
        }
        assertEquals(EnumSet.allOf(SpontaneousStatus.class), reached);
        for (SpontaneousStatus s : reached) {
            assertTrue(reachesTerminal(s, next, terminal, new HashSet<>()), s + " cannot reach an end");
        }
    }

    private static boolean reachesTerminal(SpontaneousStatus s, Map<SpontaneousStatus, Set<SpontaneousStatus>> next,
                                           Set<SpontaneousStatus> terminal, Set<SpontaneousStatus> visited) {
        if (terminal.contains(s)) {
            return true;
        }
        return visited.add(s) && next.getOrDefault(s, Set.of()).stream().anyMatch(n -> reachesTerminal(n, next, terminal, visited));
    }
}
