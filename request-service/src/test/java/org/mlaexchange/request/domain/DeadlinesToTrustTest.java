package org.mlaexchange.request.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.request.domain.RequestFixtures.AR;
import static org.mlaexchange.request.domain.RequestFixtures.DECIDER;
import static org.mlaexchange.request.domain.RequestFixtures.ID;
import static org.mlaexchange.request.domain.RequestFixtures.M123;
import static org.mlaexchange.request.domain.RequestFixtures.NL;
import static org.mlaexchange.request.domain.RequestFixtures.SN;
import static org.mlaexchange.request.domain.RequestFixtures.T0;
import static org.mlaexchange.request.domain.RequestFixtures.acknowledged;
import static org.mlaexchange.request.domain.RequestFixtures.consultationOpened;
import static org.mlaexchange.request.domain.RequestFixtures.content;
import static org.mlaexchange.request.domain.RequestFixtures.date;
import static org.mlaexchange.request.domain.RequestFixtures.day;
import static org.mlaexchange.request.domain.RequestFixtures.given;
import static org.mlaexchange.request.domain.RequestFixtures.postponed;
import static org.mlaexchange.request.domain.RequestFixtures.statusRequested;
import static org.mlaexchange.request.domain.RequestFixtures.submitted;
import static org.mlaexchange.request.domain.RequestFixtures.then;
import static org.mlaexchange.request.domain.RequestFixtures.translation;
import static org.mlaexchange.request.domain.RequestFixtures.withLanguage;
import static org.mlaexchange.request.domain.RequestFixtures.withSummary;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.request.DeadlineKind;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.request.RequestEvent.DeadlineOverdue;
import org.mlaexchange.contracts.request.RequestStatus;
import org.mlaexchange.contracts.rules.DomainException.InvalidCommand;
import org.mlaexchange.contracts.rules.DomainException.TransitionForbidden;
import org.mlaexchange.contracts.rules.DomainException.Violation;

/**
 * Deadlines a central authority can run its day by: the decision clock stops while information is
 * awaited, the information itself is owed and reminded to the requesting State, the decision deadline is
 * extended once, and postponements and status questions are reminded too.
 */
class DeadlinesToTrustTest {

    private static final RequestCommand CHECK = new RequestCommand.RecordOverdueDeadlines();

    private static List<RequestEvent> check(MlaRequest state, int day) {
        return DECIDER.decide(state, CHECK, null, day(day));
    }

    @Test
    void the_decision_clock_stops_while_information_is_awaited() {
        // asked on day 2, answered on day 42: the 30-day decision deadline moves by 40 days
        MlaRequest awaiting = given(submitted(), acknowledged(),
                new RequestEvent.InformationRequested(ID, List.of("Date of birth of W1"), null, day(2)));
        assertEquals(Set.of(), awaiting.overdueAt(day(41)), "no decision is owed while information is awaited");
        assertEquals(List.of(), check(awaiting, 41));

        List<RequestEvent> answer = DECIDER.decide(awaiting,
                new RequestCommand.ProvideInformation(withSummary(content(), "W1 born 1950"), null), AR, day(42));

        assertEquals(date(70), ((RequestEvent.InformationProvided) answer.get(0)).decisionDueDate());
        MlaRequest assessing = then(awaiting, answer);
        assertEquals(date(70), assessing.decisionDueDate());
        assertEquals(Set.of(), assessing.overdueAt(day(70)));
        assertEquals(Set.of(DeadlineKind.DECISION), assessing.overdueAt(day(71)));
    }

    @Test
    void an_answer_the_same_day_does_not_move_the_decision_deadline() {
        MlaRequest awaiting = given(submitted(), acknowledged(),
                new RequestEvent.InformationRequested(ID, List.of("Date of birth of W1"), null, day(2)));

        List<RequestEvent> answer = DECIDER.decide(awaiting,
                new RequestCommand.ProvideInformation(withSummary(content(), "W1 born 1950"), null), AR, day(2).plusSeconds(3600));

        assertNull(((RequestEvent.InformationProvided) answer.get(0)).decisionDueDate());
        assertEquals(date(30), then(awaiting, answer).decisionDueDate());
    }

    @Test
    void a_decision_already_reminded_is_reminded_again_at_its_new_date() {
        MlaRequest late = given(submitted(), acknowledged(),
                new DeadlineOverdue(ID, DeadlineKind.DECISION, date(30), NL, day(31)),
                new RequestEvent.InformationRequested(ID, List.of("Date of birth of W1"), null, day(32)));
        MlaRequest answered = then(late, DECIDER.decide(late,
                new RequestCommand.ProvideInformation(withSummary(content(), "W1 born 1950"), null), AR, day(37)));

        assertEquals(date(35), answered.decisionDueDate());
        assertEquals(List.of(new DeadlineOverdue(ID, DeadlineKind.DECISION, date(35), NL, day(37))), check(answered, 37));
    }

    @Test
    void the_information_due_date_is_owed_by_the_requesting_state_and_reminded_to_it_once() {
        MlaRequest awaiting = given(submitted(), acknowledged(),
                new RequestEvent.InformationRequested(ID, List.of("Date of birth of W1"), date(12), day(2)));

        assertEquals(List.of(), check(awaiting, 12));
        List<RequestEvent> reminder = check(awaiting, 13);

        assertEquals(List.of(new DeadlineOverdue(ID, DeadlineKind.INFORMATION, date(12), AR, day(13))), reminder);
        MlaRequest reminded = then(awaiting, reminder);
        assertEquals(List.of(), check(reminded, 14));

        // asked again later with a new due date: reminded again
        MlaRequest answered = then(reminded, DECIDER.decide(reminded,
                new RequestCommand.ProvideInformation(withSummary(content(), "W1 born 1950"), null), AR, day(14)));
        MlaRequest askedAgain = then(answered, DECIDER.decide(answered,
                new RequestCommand.RequestInformation(List.of("Address of W1"), date(20)), NL, day(15)));
        assertEquals(List.of(new DeadlineOverdue(ID, DeadlineKind.INFORMATION, date(20), AR, day(21))), check(askedAgain, 21));
    }

    @Test
    void the_decision_deadline_is_extended_once_by_the_pairs_period_with_reasons() {
        MlaRequest assessing = given(submitted(), acknowledged());

        List<RequestEvent> extended = DECIDER.decide(assessing,
                new RequestCommand.ExtendDecisionDeadline("The court file is being reviewed"), NL, day(20));

        assertEquals(List.of(new RequestEvent.DecisionDeadlineExtended(ID, date(30), date(60), "The court file is being reviewed",
                day(20))), extended);
        MlaRequest after = then(assessing, extended);
        assertEquals(date(60), after.decisionDueDate());
        assertEquals(Set.of(), after.overdueAt(day(60)));
        TransitionForbidden twice = assertThrows(TransitionForbidden.class, () -> DECIDER.decide(after,
                new RequestCommand.ExtendDecisionDeadline("Still reviewing"), NL, day(50)));
        assertTrue(twice.getMessage().contains("extended once"), twice.getMessage());
        InvalidCommand noReasons = assertThrows(InvalidCommand.class, () -> DECIDER.decide(assessing,
                new RequestCommand.ExtendDecisionDeadline(" "), NL, day(20)));
        assertEquals(List.of(new Violation("reasons", "is required")), noReasons.violations());
    }

    @Test
    void an_extension_after_the_reminder_gives_the_new_date_its_own_reminder() {
        MlaRequest late = given(submitted(), acknowledged(), new DeadlineOverdue(ID, DeadlineKind.DECISION, date(30), NL, day(31)));
        MlaRequest extended = then(late, DECIDER.decide(late, new RequestCommand.ExtendDecisionDeadline("Court file"), NL, day(32)));

        assertEquals(List.of(), check(extended, 60));
        assertEquals(List.of(new DeadlineOverdue(ID, DeadlineKind.DECISION, date(60), NL, day(61))), check(extended, 61));
    }

    @Test
    void the_extension_is_the_pair_of_states_own() {
        RequestEvent.Submitted toSn = (RequestEvent.Submitted) DECIDER.decide(null, new RequestCommand.Submit(ID, SN, false, false,
                withLanguage(content(), "en", List.of(translation("fr")))), AR, T0).get(0);
        MlaRequest snAcknowledged = given(toSn, new RequestEvent.Acknowledged(ID, "SN-1", RequestFixtures.NL_CONTACT, day(1)));

        RequestEvent.DecisionDeadlineExtended e = (RequestEvent.DecisionDeadlineExtended) DECIDER.decide(snAcknowledged,
                new RequestCommand.ExtendDecisionDeadline("Court file"), SN, day(5)).get(0);

        assertEquals(date(20), e.previousDueDate());
        assertEquals(date(35), e.newDueDate(), "AR and SN agreed 15 days");
        RequestEvent.StatusRequested q = (RequestEvent.StatusRequested) DECIDER.decide(snAcknowledged,
                new RequestCommand.AskStatus("News?", null), AR, day(5)).get(0);
        assertEquals(date(12), q.answerDueDate(), "and 7 days to answer a status question");
    }

    @Test
    void no_extension_once_a_measure_is_decided() {
        MlaRequest accepted = given(submitted(), acknowledged(), RequestFixtures.accepted(List.of("m1"), RequestStatus.ACCEPTED, 2));
        assertThrows(TransitionForbidden.class, () -> DECIDER.decide(accepted,
                new RequestCommand.ExtendDecisionDeadline("Court file"), NL, day(3)));
    }

    @Test
    void a_postponements_review_date_is_reminded_to_the_requested_state() {
        MlaRequest postponed = given(submitted(), acknowledged(), consultationOpened(), postponed(), // review on day 60
                new DeadlineOverdue(ID, DeadlineKind.DECISION, date(30), NL, day(31)));

        assertEquals(List.of(), check(postponed, 60));
        assertEquals(List.of(new DeadlineOverdue(ID, DeadlineKind.POSTPONEMENT_REVIEW, date(60), NL, day(61))), check(postponed, 61));
    }

    @Test
    void an_unanswered_status_question_is_reminded_and_a_new_question_is_reminded_again() {
        MlaRequest asked = given(submitted(), acknowledged(), statusRequested(5)); // answer due day 19

        List<RequestEvent> reminder = check(asked, 20);
        assertEquals(List.of(new DeadlineOverdue(ID, DeadlineKind.STATUS_ANSWER, date(19), NL, day(20))), reminder);
        MlaRequest answered = then(then(asked, reminder), DECIDER.decide(then(asked, reminder),
                new RequestCommand.AnswerStatus("Under assessment"), NL, day(21)));
        assertEquals(Set.of(), answered.overdueAt(day(40)).stream().filter(k -> k == DeadlineKind.STATUS_ANSWER)
                .collect(java.util.stream.Collectors.toSet()));

        MlaRequest askedAgain = then(answered, DECIDER.decide(answered, new RequestCommand.AskStatus("And now?", date(25)), AR, day(22)));
        assertTrue(check(askedAgain, 26).contains(new DeadlineOverdue(ID, DeadlineKind.STATUS_ANSWER, date(25), NL, day(26))));
    }

    @Test
    void every_deadline_kind_is_owed_by_the_requested_state_but_information_and_a_transferred_persons_return() {
        MlaRequest r = given(submitted());
        for (DeadlineKind kind : DeadlineKind.values()) {
            assertEquals(kind == DeadlineKind.INFORMATION || kind == DeadlineKind.PERSON_RETURN ? AR : NL, r.owedBy(kind), kind.name());
        }
        assertEquals(3, M123.size());
    }
}
