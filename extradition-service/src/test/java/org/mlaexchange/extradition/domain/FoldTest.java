package org.mlaexchange.extradition.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.AR;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.DE;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.DECIDER;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.ID;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.NL;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.NL_CONTACT;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.OTHER_CASE;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.SN;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.T0;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.acknowledged;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.date;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.day;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.deathPenaltyAssurance;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.document;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.earlierOffence;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.formalRequest;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.offence;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.person;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.provisionalArrestRequest;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.provisionalArrestRequested;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.extradition.ArrivalChannel;
import org.mlaexchange.contracts.extradition.AssuranceKind;
import org.mlaexchange.contracts.extradition.ConcurrencyFactor;
import org.mlaexchange.contracts.extradition.ConsentDecision;
import org.mlaexchange.contracts.extradition.DeadlineKind;
import org.mlaexchange.contracts.extradition.ExtraditionEvent;
import org.mlaexchange.contracts.extradition.ExtraditionStatus;
import org.mlaexchange.contracts.extradition.ReleaseReason;
import org.mlaexchange.contracts.extradition.SurrenderArrangements;
import org.mlaexchange.contracts.extradition.SurrenderPostponementReason;
import org.mlaexchange.contracts.extradition.TransitDecision;
import org.mlaexchange.contracts.extradition.WeighedFactor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Folding the history gives the same state as evolving step by step, every time. */
class FoldTest {

    /** Runs commands through the decider, evolving after each, and keeps every event and state. */
    private static final class Story {
        final List<ExtraditionEvent> history = new ArrayList<>();
        final List<ExtraditionCase> states = new ArrayList<>();
        ExtraditionCase state;

        Story act(ExtraditionCommand command, StateCode actor, Instant now) {
            for (ExtraditionEvent event : DECIDER.decide(state, command, actor, now)) {
                history.add(event);
                state = ExtraditionDecider.evolve(state, event);
                states.add(state);
            }
            return this;
        }
    }

    /** A provisional arrest, a release, the formal request, re-arrest, a grant on assurances, transit, temporary then final surrender, consents. */
    private static Story longStory() {
        return new Story()
                .act(new ExtraditionCommand.RequestProvisionalArrest(ID, NL, ArrivalChannel.INTERPOL, provisionalArrestRequest(person())), AR, T0)
                .act(new ExtraditionCommand.RecordArrest(day(1), "Amsterdam"), NL, day(1))
                .act(new ExtraditionCommand.RecordOverdueDeadlines(), null, day(12))
                .act(new ExtraditionCommand.RecordSimplifiedConsent(false, "Refuses"), NL, day(12))
                .act(new ExtraditionCommand.RecordOverdueDeadlines(), null, day(20))
                .act(new ExtraditionCommand.RecordRelease(day(20), ReleaseReason.FORMAL_REQUEST_NOT_RECEIVED, null), NL, day(20))
                .act(new ExtraditionCommand.SubmitFormalRequest(ArrivalChannel.DIPLOMATIC, formalRequest()), AR, day(25))
                .act(new ExtraditionCommand.RecordArrest(day(26), "Rotterdam"), NL, day(26))
                .act(new ExtraditionCommand.AcknowledgeRequest("NL-OM-EXT-2025-7", NL_CONTACT), NL, day(27))
                .act(new ExtraditionCommand.RequestSupplementaryInformation(List.of("Certified copy of the law"), date(40)), NL, day(28))
                .act(new ExtraditionCommand.ProvideSupplementaryInformation("Attached", List.of(document("Law 26.200"))), AR, day(30))
                .act(new ExtraditionCommand.RecordConcurrentRequests(List.of(OTHER_CASE),
                        List.of(new WeighedFactor(ConcurrencyFactor.PLACE_OF_COMMISSION, "Argentina")), ID, "Place of the crimes"), NL, day(31))
                .act(new ExtraditionCommand.RequestAssurances(List.of(deathPenaltyAssurance()), null), NL, day(32))
                .act(new ExtraditionCommand.ProvideAssurances(List.of(deathPenaltyAssurance()), "Ministerio de Justicia"), AR, day(33))
                .act(new ExtraditionCommand.Grant(List.of("Rule of speciality"), List.of(AssuranceKind.DEATH_PENALTY)), NL, day(35))
                .act(new ExtraditionCommand.RequestTransit(SN, false, "Flight AMS-DKR-EZE"), AR, day(36))
                .act(new ExtraditionCommand.DecideTransit(TransitDecision.AUTHORISED, List.of("Escorted"), null), SN, day(37))
                .act(new ExtraditionCommand.ScheduleSurrender(new SurrenderArrangements("Schiphol", date(50), null)), NL, day(38))
                .act(new ExtraditionCommand.PostponeSurrender(SurrenderPostponementReason.DOMESTIC_PROCEEDINGS, "Fraud trial"), NL, day(40))
                .act(new ExtraditionCommand.TemporarySurrender("Schiphol", date(120), List.of()), NL, day(41))
                .act(new ExtraditionCommand.RecordReturn(null), NL, day(100))
                .act(new ExtraditionCommand.ScheduleSurrender(new SurrenderArrangements("Schiphol", date(130), null)), NL, day(101))
                .act(new ExtraditionCommand.RecordSurrender(null), NL, day(130))
                .act(new ExtraditionCommand.RequestSpecialityConsent(List.of(earlierOffence()), "Prosecution"), AR, day(150))
                .act(new ExtraditionCommand.DecideSpecialityConsent("speciality-1", ConsentDecision.GRANTED, null, null), NL, day(160))
                .act(new ExtraditionCommand.RequestReExtraditionConsent(DE, List.of(offence()), "Trial in Germany"), AR, day(170))
                .act(new ExtraditionCommand.DecideReExtraditionConsent("re-extradition-1", ConsentDecision.DENIED, null, "Not in the treaty"),
                        NL, day(171))
                .act(new ExtraditionCommand.Close("Person tried"), AR, day(200));
    }

    @Test
    void folding_the_history_gives_the_state_reached_step_by_step() {
        Story story = longStory();

        for (int i = 1; i <= story.history.size(); i++) {
            assertEquals(story.states.get(i - 1), ExtraditionDecider.fold(story.history.subList(0, i)), "after event " + i);
        }
        ExtraditionCase end = ExtraditionDecider.fold(story.history);
        assertEquals(ExtraditionStatus.CLOSED, end.status());
        assertEquals(story.history.size(), end.version());
    }

    @Test
    void replaying_the_same_history_twice_gives_equal_states() {
        assertEquals(ExtraditionDecider.fold(longStory().history), ExtraditionDecider.fold(longStory().history));
    }

    @Test
    void the_folded_state_keeps_the_whole_story() {
        ExtraditionCase end = ExtraditionDecider.fold(longStory().history);

        assertEquals(28, end.version());
        assertEquals(ArrivalChannel.INTERPOL, end.channel());
        assertEquals(2, end.arrests().size());
        assertEquals(1, end.releases().size());
        assertEquals(date(19), end.releasePossibleDueDate());
        assertEquals(EnumSet.of(DeadlineKind.SIMPLIFIED_CONSENT_NOTICE, DeadlineKind.FORMAL_REQUEST_RELEASE_POSSIBLE), end.remindedDeadlines());
        assertFalse(end.simplifiedConsent().consented());
        assertEquals("Attached", end.supplementaryInformation().get(0).information());
        assertEquals(3, end.documents().size());
        assertEquals(OTHER_CASE, end.concurrentRequests().otherCaseIds().get(0));
        assertEquals(List.of(AssuranceKind.DEATH_PENALTY), end.grant().assurancesReliedOn());
        assertEquals(TransitDecision.AUTHORISED, end.transits().get(0).decision());
        assertFalse(end.transits().get(0).active());
        assertEquals(1, end.postponements().size());
        assertEquals(day(100), end.temporarySurrenders().get(0).returnedAt());
        assertEquals(day(130), end.surrender().surrenderedAt());
        assertEquals(ConsentDecision.GRANTED, end.consent("speciality-1").orElseThrow().decision());
        assertEquals(ConsentDecision.DENIED, end.consent("re-extradition-1").orElseThrow().decision());
        assertEquals(day(200), end.closedAt());
        assertEquals("Person tried", end.closingNote());
        assertEquals(T0, end.openedAt());
    }

    @Test
    void the_state_survives_a_json_round_trip_for_storage() throws Exception {
        ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        for (ExtraditionCase state : longStory().states) {
            String text = json.writeValueAsString(state);
            assertEquals(state, json.readValue(text, ExtraditionCase.class), text);
        }
    }

    @Test
    void an_empty_history_is_no_case() {
        assertNull(ExtraditionDecider.fold(List.of()));
    }

    @Test
    void evolve_rejects_histories_that_cannot_be() {
        assertThrows(IllegalArgumentException.class, () -> ExtraditionDecider.evolve(null, acknowledged()), "must start with a request");
        ExtraditionCase opened = ExtraditionDecider.fold(List.of(provisionalArrestRequested()));
        assertThrows(IllegalArgumentException.class, () -> ExtraditionDecider.evolve(opened, provisionalArrestRequested()), "opened twice");
        ExtraditionEvent other = new ExtraditionEvent.RequestAcknowledged(UUID.randomUUID(), "X", NL_CONTACT, day(1));
        assertThrows(IllegalArgumentException.class, () -> ExtraditionDecider.evolve(opened, other), "another case's event");
        assertThrows(IllegalArgumentException.class, () -> ExtraditionDecider.evolve(opened,
                new ExtraditionEvent.TransitDecided(ID, SN, TransitDecision.AUTHORISED, null, null, day(2))), "no transit to decide");
    }

    @Test
    void states_are_immutable() {
        ExtraditionCase state = ExtraditionDecider.fold(longStory().history);

        assertThrows(UnsupportedOperationException.class, () -> state.arrests().clear());
        assertThrows(UnsupportedOperationException.class, () -> state.remindedDeadlines().clear());
        assertThrows(UnsupportedOperationException.class, () -> state.transits().clear());
        assertThrows(UnsupportedOperationException.class, () -> state.documents().clear());
        assertTrue(state.specialityConsents().stream().allMatch(c -> c.offences().size() == 1));
    }
}
