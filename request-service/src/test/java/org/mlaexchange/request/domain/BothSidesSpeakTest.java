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
import static org.mlaexchange.request.domain.RequestFixtures.accepted;
import static org.mlaexchange.request.domain.RequestFixtures.acknowledged;
import static org.mlaexchange.request.domain.RequestFixtures.confidentialityNotAssured;
import static org.mlaexchange.request.domain.RequestFixtures.consultationOpened;
import static org.mlaexchange.request.domain.RequestFixtures.content;
import static org.mlaexchange.request.domain.RequestFixtures.date;
import static org.mlaexchange.request.domain.RequestFixtures.day;
import static org.mlaexchange.request.domain.RequestFixtures.given;
import static org.mlaexchange.request.domain.RequestFixtures.progress;
import static org.mlaexchange.request.domain.RequestFixtures.statusRequested;
import static org.mlaexchange.request.domain.RequestFixtures.submitted;
import static org.mlaexchange.request.domain.RequestFixtures.submittedConfidential;
import static org.mlaexchange.request.domain.RequestFixtures.then;
import static org.mlaexchange.request.domain.RequestFixtures.update;
import static org.mlaexchange.request.domain.RequestFixtures.withMeasures;
import static org.mlaexchange.request.domain.RequestFixtures.withSummary;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.request.GroundForRefusal;
import org.mlaexchange.contracts.request.MeasureKind;
import org.mlaexchange.contracts.request.MeasureRequest;
import org.mlaexchange.contracts.request.MeasureStatus;
import org.mlaexchange.contracts.request.RequestContent;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.request.RequestStatus;
import org.mlaexchange.contracts.rules.DomainException.InvalidCommand;
import org.mlaexchange.contracts.rules.DomainException.TransitionForbidden;
import org.mlaexchange.contracts.rules.DomainException.WrongParty;
import org.mlaexchange.contracts.rules.DomainException.Violation;
import org.mlaexchange.request.domain.MlaRequest.Measure;

/** Both States speak: consultation answers, status questions, supplements, impossibility, confidentiality. */
class BothSidesSpeakTest {

    @Test
    void the_requesting_state_answers_a_consultation_and_the_requested_state_then_decides() {
        MlaRequest consulting = given(submitted(), acknowledged(), consultationOpened());

        List<RequestEvent> answer = DECIDER.decide(consulting,
                new RequestCommand.AnswerConsultation("The search can wait; the records cannot", List.of("Postpone m3 only")), AR, day(3));

        assertEquals(List.of(new RequestEvent.ConsultationAnswered(ID, "The search can wait; the records cannot",
                List.of("Postpone m3 only"), day(3))), answer);
        MlaRequest answered = then(consulting, answer);
        assertEquals(RequestStatus.CONSULTATION, answered.status());
        assertEquals("Postpone m3 only", answered.consultationAnswers().get(0).acceptedChanges().get(0));
        assertTrue(RequestAction.availableTo(answered, NL).containsAll(List.of(RequestAction.ACCEPT, RequestAction.REFUSE,
                RequestAction.POSTPONE, RequestAction.PROPOSE_CONDITIONS)));
        MlaRequest decided = then(answered, DECIDER.decide(answered,
                new RequestCommand.Refuse(List.of("m3"), List.of(GroundForRefusal.OTHER), "Interferes with a Dutch search"), NL, day(4)));
        assertEquals(MeasureStatus.REFUSED, decided.measure("m3").orElseThrow().status());
    }

    @Test
    void a_consultation_answer_states_a_position_and_only_the_requesting_state_gives_it() {
        MlaRequest consulting = given(submitted(), acknowledged(), consultationOpened());

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(consulting,
                new RequestCommand.AnswerConsultation(" ", null), AR, day(3)));
        assertEquals(List.of(new Violation("position", "is required")), e.violations());
        assertThrows(WrongParty.class, () -> DECIDER.decide(consulting,
                new RequestCommand.AnswerConsultation("Fine", List.of()), NL, day(3)));
    }

    @Test
    void an_accepted_measure_found_impossible_is_closed_with_reasons_and_the_request_completes() {
        MlaRequest executing = given(submitted(), acknowledged(), accepted(M123, RequestStatus.ACCEPTED, 2),
                progress(RequestStatus.PARTIALLY_EXECUTED, 4, update("m1", MeasureStatus.EXECUTED), update("m2", MeasureStatus.EXECUTED)));

        List<RequestEvent> events = DECIDER.decide(executing,
                new RequestCommand.DeclareImpossible(List.of("m3"), "The premises were demolished in 2024"), NL, day(5));

        assertEquals(List.of(new RequestEvent.MeasuresImpossible(ID, List.of("m3"), "The premises were demolished in 2024",
                RequestStatus.PARTIALLY_EXECUTED, day(5))), events);
        MlaRequest settled = then(executing, events);
        assertEquals(MeasureStatus.IMPOSSIBLE, settled.measure("m3").orElseThrow().status());
        assertEquals("The premises were demolished in 2024", settled.impossibilities().get(0).reasons());
        MlaRequest completed = then(settled, DECIDER.decide(settled, new RequestCommand.Complete("m3 impossible"), NL, day(6)));
        assertEquals(RequestStatus.EXECUTED, completed.status());
        assertEquals(RequestStatus.CLOSED, then(completed, DECIDER.decide(completed, new RequestCommand.Close(null), AR, day(7))).status());
    }

    @Test
    void when_every_accepted_measure_proves_impossible_the_request_is_still_completed_and_closed() {
        MlaRequest accepted = given(submitted(), acknowledged(), accepted(M123, RequestStatus.ACCEPTED, 2));

        MlaRequest settled = then(accepted, DECIDER.decide(accepted,
                new RequestCommand.DeclareImpossible(M123, "The witness died and the bank records were destroyed"), NL, day(5)));

        assertEquals(RequestStatus.PARTIALLY_EXECUTED, settled.status());
        assertTrue(RequestAction.availableTo(settled, NL).contains(RequestAction.COMPLETE));
        assertTrue(!RequestAction.availableTo(settled, NL).contains(RequestAction.DECLARE_IMPOSSIBLE), "nothing left to find impossible");
        MlaRequest completed = then(settled, DECIDER.decide(settled, new RequestCommand.Complete(null), NL, day(6)));
        assertEquals(RequestStatus.EXECUTED, completed.status());
    }

    @Test
    void only_accepted_measures_not_yet_executed_can_be_found_impossible() {
        MlaRequest partly = given(submitted(), acknowledged(), accepted(List.of("m1", "m2"), RequestStatus.ACCEPTED, 2),
                progress(RequestStatus.PARTIALLY_EXECUTED, 3, update("m1", MeasureStatus.EXECUTED)));

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(partly,
                new RequestCommand.DeclareImpossible(List.of("m1", "m3", "m9", "m2", "m2"), ""), NL, day(5)));

        assertEquals(List.of(
                new Violation("measureIds[0]", "measure m1 is EXECUTED: only accepted measures not yet executed can be found impossible"),
                new Violation("measureIds[1]", "measure m3 is PENDING: only accepted measures not yet executed can be found impossible"),
                new Violation("measureIds[2]", "no measure m9 in this request"),
                new Violation("measureIds[4]", "measure m2 is listed twice"),
                new Violation("reasons", "is required")), e.violations());
    }

    @Test
    void a_status_question_gets_a_due_date_and_an_answer() {
        MlaRequest acknowledged = given(submitted(), acknowledged());

        List<RequestEvent> asked = DECIDER.decide(acknowledged, new RequestCommand.AskStatus("Has W1 been heard?", null), AR, day(10));

        // no date given: the pair's period (14 days by default)
        assertEquals(List.of(new RequestEvent.StatusRequested(ID, "Has W1 been heard?", date(24), day(10))), asked);
        MlaRequest open = then(acknowledged, asked);
        assertEquals("Has W1 been heard?", open.openStatusQuestion().orElseThrow().question());
        assertTrue(RequestAction.availableTo(open, NL).contains(RequestAction.ANSWER_STATUS));
        assertTrue(!RequestAction.availableTo(open, AR).contains(RequestAction.ASK_STATUS), "one question at a time");
        TransitionForbidden twice = assertThrows(TransitionForbidden.class,
                () -> DECIDER.decide(open, new RequestCommand.AskStatus("And now?", null), AR, day(11)));
        assertTrue(twice.getMessage().contains("a status question is still unanswered"), twice.getMessage());

        MlaRequest answered = then(open, DECIDER.decide(open, new RequestCommand.AnswerStatus("Hearing set for 2 April"), NL, day(12)));
        assertTrue(answered.openStatusQuestion().isEmpty());
        assertEquals("Hearing set for 2 April", answered.statusQuestions().get(0).answer());
        assertEquals(RequestStatus.ACKNOWLEDGED, answered.status());
        assertTrue(RequestAction.availableTo(answered, AR).contains(RequestAction.ASK_STATUS), "a new question may follow");
    }

    @Test
    void a_status_question_may_set_its_own_due_date_in_the_future() {
        MlaRequest acknowledged = given(submitted(), acknowledged());

        assertEquals(date(15), ((RequestEvent.StatusRequested) DECIDER.decide(acknowledged,
                new RequestCommand.AskStatus("Any news?", date(15)), AR, day(10)).get(0)).answerDueDate());
        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(acknowledged,
                new RequestCommand.AskStatus("", date(10)), AR, day(10)));
        assertEquals(List.of(new Violation("question", "is required"), new Violation("answerDueDate", "must be in the future")),
                e.violations());
    }

    @Test
    void the_requesting_state_supplements_its_request_with_a_new_content_version() {
        MlaRequest executing = given(submitted(), acknowledged(), accepted(List.of("m1"), RequestStatus.ACCEPTED, 2));
        RequestContent amended = withSummary(content(), "W1 now lives in Utrecht.");

        List<RequestEvent> events = DECIDER.decide(executing, new RequestCommand.Supplement(amended, "New address of W1"), AR, day(4));

        assertEquals(List.of(new RequestEvent.Supplemented(ID, amended, "New address of W1", day(4))), events);
        MlaRequest after = then(executing, events);
        assertEquals(List.of(content(), amended), after.contentVersions());
        assertEquals(RequestStatus.ACCEPTED, after.status());
    }

    @Test
    void a_supplement_may_revise_undecided_measures_but_not_decided_ones() {
        MlaRequest executing = given(submitted(), acknowledged(), accepted(List.of("m1"), RequestStatus.ACCEPTED, 2));
        List<MeasureRequest> revised = List.of(
                MeasureRequest.described(MeasureKind.TAKING_EVIDENCE_OR_STATEMENTS, "Hear W1 and W2"),
                MeasureRequest.described(MeasureKind.PROVIDING_DOCUMENTS_AND_RECORDS, "Bank records of two accounts"),
                content().measures().get(2));

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(executing,
                new RequestCommand.Supplement(withMeasures(content(), revised), null), AR, day(4)));
        assertEquals(List.of(new Violation("content.measures[0]",
                "measure m1 is already decided (ACCEPTED): its kind and specifics cannot change")), e.violations());

        List<MeasureRequest> onlyUndecided = List.of(content().measures().get(0), revised.get(1), revised.get(2));
        MlaRequest after = then(executing, DECIDER.decide(executing,
                new RequestCommand.Supplement(withMeasures(content(), onlyUndecided), null), AR, day(4)));
        assertEquals("Bank records of two accounts", after.measure("m2").map(Measure::specifics).orElseThrow());
    }

    @Test
    void the_requested_state_says_before_execution_it_cannot_keep_the_request_confidential_and_the_requesting_state_continues() {
        MlaRequest accepted = given(submittedConfidential(), acknowledged(), accepted(List.of("m1"), RequestStatus.ACCEPTED, 2));

        List<RequestEvent> said = DECIDER.decide(accepted,
                new RequestCommand.DeclineConfidentiality("The search warrant is read out in public court"), NL, day(3));

        assertEquals(List.of(new RequestEvent.ConfidentialityNotAssured(ID, "The search warrant is read out in public court", day(3))), said);
        MlaRequest waiting = then(accepted, said);
        assertEquals(RequestStatus.CONFIDENTIALITY_NOT_ASSURED, waiting.status());
        assertEquals(List.of(RequestAction.WITHDRAW, RequestAction.CONTINUE_WITHOUT_CONFIDENTIALITY),
                RequestAction.availableTo(waiting, AR).stream().filter(a -> a != RequestAction.ASK_STATUS).toList());
        assertThrows(TransitionForbidden.class, () -> DECIDER.decide(waiting,
                new RequestCommand.ReportProgress(List.of(update("m1", MeasureStatus.IN_EXECUTION)), null), NL, day(4)));

        List<RequestEvent> continued = DECIDER.decide(waiting, new RequestCommand.ContinueWithoutConfidentiality("Proceed"), AR, day(4));
        assertEquals(List.of(new RequestEvent.ContinuedWithoutConfidentiality(ID, "Proceed", RequestStatus.ACCEPTED, day(4))), continued);
        MlaRequest resumed = then(waiting, continued);
        assertEquals(RequestStatus.ACCEPTED, resumed.status());
        assertEquals(day(4), resumed.confidentialityNotice().continuedAt());
        assertTrue(!RequestAction.availableTo(resumed, NL).contains(RequestAction.DECLINE_CONFIDENTIALITY), "said once");
    }

    @Test
    void the_requesting_state_may_withdraw_instead_of_continuing_without_confidentiality() {
        MlaRequest waiting = given(submittedConfidential(), acknowledged(), confidentialityNotAssured());

        MlaRequest withdrawn = then(waiting, DECIDER.decide(waiting, new RequestCommand.Withdraw("Secrecy is essential"), AR, day(3)));

        assertEquals(RequestStatus.WITHDRAWN, withdrawn.status());
    }

    @Test
    void confidentiality_is_declined_only_on_a_confidential_request_and_before_execution() {
        MlaRequest plain = given(submitted(), acknowledged());
        TransitionForbidden notConfidential = assertThrows(TransitionForbidden.class,
                () -> DECIDER.decide(plain, new RequestCommand.DeclineConfidentiality("Public hearing"), NL, day(3)));
        assertTrue(notConfidential.getMessage().contains("not confidential"), notConfidential.getMessage());

        MlaRequest executing = given(submittedConfidential(), acknowledged(), accepted(List.of("m1"), RequestStatus.ACCEPTED, 2),
                progress(RequestStatus.IN_EXECUTION, 3, update("m1", MeasureStatus.IN_EXECUTION)));
        assertThrows(TransitionForbidden.class,
                () -> DECIDER.decide(executing, new RequestCommand.DeclineConfidentiality("Public hearing"), NL, day(4)));

        MlaRequest acknowledged = given(submittedConfidential(), acknowledged());
        InvalidCommand noReasons = assertThrows(InvalidCommand.class,
                () -> DECIDER.decide(acknowledged, new RequestCommand.DeclineConfidentiality(null), NL, day(3)));
        assertEquals(List.of(new Violation("reasons", "is required")), noReasons.violations());
    }

    @Test
    void an_answered_status_question_is_kept_with_its_answer() {
        MlaRequest open = given(submitted(), acknowledged(), statusRequested(5));

        MlaRequest answered = then(open, DECIDER.decide(open, new RequestCommand.AnswerStatus("Under assessment"), NL, day(6)));

        assertEquals(day(6), answered.statusQuestions().get(0).answeredAt());
        assertNull(open.statusQuestions().get(0).answer());
    }
}
