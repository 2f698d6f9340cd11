package org.mlaexchange.request.domain;

import org.mlaexchange.contracts.rules.DomainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.request.domain.RequestFixtures.AR;
import static org.mlaexchange.request.domain.RequestFixtures.DECIDER;
import static org.mlaexchange.request.domain.RequestFixtures.ID;
import static org.mlaexchange.request.domain.RequestFixtures.M123;
import static org.mlaexchange.request.domain.RequestFixtures.NL;
import static org.mlaexchange.request.domain.RequestFixtures.NL_CONTACT;
import static org.mlaexchange.request.domain.RequestFixtures.T0;
import static org.mlaexchange.request.domain.RequestFixtures.acknowledged;
import static org.mlaexchange.request.domain.RequestFixtures.conditionsProposed;
import static org.mlaexchange.request.domain.RequestFixtures.consultationOpened;
import static org.mlaexchange.request.domain.RequestFixtures.content;
import static org.mlaexchange.request.domain.RequestFixtures.date;
import static org.mlaexchange.request.domain.RequestFixtures.day;
import static org.mlaexchange.request.domain.RequestFixtures.given;
import static org.mlaexchange.request.domain.RequestFixtures.givenStatus;
import static org.mlaexchange.request.domain.RequestFixtures.informationRequested;
import static org.mlaexchange.request.domain.RequestFixtures.submitted;
import static org.mlaexchange.request.domain.RequestFixtures.then;
import static org.mlaexchange.request.domain.RequestFixtures.withMeasures;
import static org.mlaexchange.request.domain.RequestFixtures.withSummary;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.request.ContactPerson;
import org.mlaexchange.contracts.request.GroundForRefusal;
import org.mlaexchange.contracts.request.MeasureKind;
import org.mlaexchange.contracts.request.MeasureRequest;
import org.mlaexchange.contracts.request.MeasureStatus;
import org.mlaexchange.contracts.request.PostponementReason;
import org.mlaexchange.contracts.request.RequestContent;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.request.RequestStatus;
import org.mlaexchange.contracts.rules.DomainException.InvalidCommand;
import org.mlaexchange.contracts.rules.DomainException.Violation;
import org.mlaexchange.request.domain.MlaRequest.ConditionsOutcome;

/** Each transition of the lifecycle, given the events before it: the exact event and the state after it. */
class RequestLifecycleTest {

    @Test
    void submit_records_the_request_with_numbered_measures_and_its_deadlines() {
        List<RequestEvent> events = DECIDER.decide(null,
                new RequestCommand.Submit(ID, NL, false, false, content()), AR, T0);

        assertEquals(List.of(submitted()), events);
        MlaRequest state = then(null, events);
        assertEquals(RequestStatus.SUBMITTED, state.status());
        assertEquals(1, state.version());
        assertEquals(AR, state.requestingState());
        assertEquals(NL, state.requestedState());
        assertEquals(M123, state.measures().stream().map(MlaRequest.Measure::id).toList());
        assertTrue(state.measures().stream().allMatch(m -> m.status() == MeasureStatus.PENDING));
        assertEquals(MeasureKind.SEARCH_AND_SEIZURE, state.measure("m3").orElseThrow().kind());
        assertEquals(content(), state.content());
        assertEquals(T0, state.submittedAt());
        assertTrue(state.isOpen());
    }

    @Test
    void acknowledge_records_the_requested_states_case_reference_and_contact() {
        MlaRequest state = given(submitted());

        List<RequestEvent> events = DECIDER.decide(state, new RequestCommand.Acknowledge("NL-OM-2025-0042", NL_CONTACT), NL, day(1));

        assertEquals(List.of(acknowledged()), events);
        MlaRequest after = then(state, events);
        assertEquals(RequestStatus.ACKNOWLEDGED, after.status());
        assertEquals(new MlaRequest.Acknowledgement("NL-OM-2025-0042", NL_CONTACT), after.acknowledgement());
        assertEquals(day(1), after.acknowledgedAt());
    }

    @Test
    void acknowledge_needs_a_case_reference_and_a_contact_with_an_email_address() {
        MlaRequest state = given(submitted());

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(state,
                new RequestCommand.Acknowledge(" ", new ContactPerson("J. de Vries", "not-an-address", null)), NL, day(1)));

        assertEquals(List.of(new Violation("caseReference", "is required"),
                new Violation("contact.email", "is not an e-mail address")), e.violations());
    }

    @Test
    void request_information_lists_what_is_missing() {
        MlaRequest state = given(submitted(), acknowledged());

        List<RequestEvent> events = DECIDER.decide(state,
                new RequestCommand.RequestInformation(List.of("Date of birth of witness W1"), date(20)), NL, day(2));

        assertEquals(List.of(informationRequested()), events);
        MlaRequest after = then(state, events);
        assertEquals(RequestStatus.INFORMATION_REQUESTED, after.status());
        assertEquals(new MlaRequest.InformationRequest(List.of("Date of birth of witness W1"), date(20), day(2)), after.informationRequest());
    }

    @Test
    void request_information_needs_at_least_one_item_and_a_future_due_date() {
        MlaRequest state = given(submitted(), acknowledged());

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(state,
                new RequestCommand.RequestInformation(List.of(), date(2)), NL, day(2)));

        assertEquals(List.of(new Violation("missing", "at least one is required"),
                new Violation("dueDate", "must be in the future")), e.violations());
    }

    @Test
    void provide_information_adds_a_content_version_and_keeps_the_old_one() {
        MlaRequest state = given(submitted(), acknowledged(), informationRequested());
        RequestContent revised = withSummary(content(), "W1 was born on 12 May 1950.");

        List<RequestEvent> events = DECIDER.decide(state, new RequestCommand.ProvideInformation(revised, "Date of birth added"), AR, day(3));

        // the decision clock stopped for the day information was awaited (day 2 to day 3)
        assertEquals(List.of(new RequestEvent.InformationProvided(ID, revised, "Date of birth added", day(3), date(31))), events);
        MlaRequest after = then(state, events);
        assertEquals(RequestStatus.UNDER_ASSESSMENT, after.status());
        assertEquals(List.of(content(), revised), after.contentVersions());
        assertEquals(revised, after.content());
        assertNull(after.informationRequest());
    }

    @Test
    void provide_information_may_revise_undecided_measures_but_keeps_their_number() {
        MlaRequest state = given(submitted(), acknowledged(), informationRequested());
        List<MeasureRequest> measures = List.of(
                content().measures().get(0),
                MeasureRequest.described(MeasureKind.PROVIDING_DOCUMENTS_AND_RECORDS, "Bank records of account NL00BANK0123456789, 2018-2021"),
                content().measures().get(2));

        MlaRequest after = then(state, DECIDER.decide(state,
                new RequestCommand.ProvideInformation(withMeasures(content(), measures), null), AR, day(3)));
        assertEquals("Bank records of account NL00BANK0123456789, 2018-2021", after.measure("m2").orElseThrow().specifics());

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(state,
                new RequestCommand.ProvideInformation(withMeasures(content(), measures.subList(0, 2)), null), AR, day(3)));
        assertEquals(List.of(new Violation("content.measures", "must keep the 3 measures of the request, in order")), e.violations());
    }

    @Test
    void provide_information_cannot_change_a_measure_already_decided() {
        MlaRequest state = given(submitted(), acknowledged(), consultationOpened(),
                new RequestEvent.Refused(ID, List.of("m3"), List.of(GroundForRefusal.DOMESTIC_LAW_PROHIBITS), "No search for this offence",
                        RequestStatus.UNDER_ASSESSMENT, day(3)),
                new RequestEvent.InformationRequested(ID, List.of("Account holder"), null, day(4)));
        List<MeasureRequest> measures = List.of(content().measures().get(0), content().measures().get(1),
                MeasureRequest.described(MeasureKind.SEARCH_AND_SEIZURE, "Search another building"));

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(state,
                new RequestCommand.ProvideInformation(withMeasures(content(), measures), null), AR, day(5)));

        assertEquals(List.of(new Violation("content.measures[2]",
                "measure m3 is already decided (REFUSED): its kind and specifics cannot change")), e.violations());
    }

    @Test
    void open_consultation_records_the_matters() {
        MlaRequest state = given(submitted(), acknowledged());

        List<RequestEvent> events = DECIDER.decide(state,
                new RequestCommand.OpenConsultation(List.of("The search may interfere with a Dutch investigation")), NL, day(2));

        assertEquals(List.of(consultationOpened()), events);
        MlaRequest after = then(state, events);
        assertEquals(RequestStatus.CONSULTATION, after.status());
        assertEquals(List.of("The search may interfere with a Dutch investigation"), after.consultationMatters());
    }

    @Test
    void postpone_records_the_reason_code_and_review_date() {
        MlaRequest state = given(submitted(), acknowledged(), consultationOpened());

        List<RequestEvent> events = DECIDER.decide(state, new RequestCommand.Postpone(
                PostponementReason.ONGOING_DOMESTIC_INVESTIGATION, "A Dutch investigation concerns the same premises", date(60)), NL, day(3));

        assertEquals(List.of(RequestFixtures.postponed()), events);
        MlaRequest after = then(state, events);
        assertEquals(RequestStatus.POSTPONED, after.status());
        assertEquals(new MlaRequest.Postponement(PostponementReason.ONGOING_DOMESTIC_INVESTIGATION,
                "A Dutch investigation concerns the same premises", date(60), day(3)), after.postponement());
        assertTrue(after.isOpen());
    }

    @Test
    void postpone_needs_a_reason_code_and_a_review_date_in_the_future() {
        MlaRequest state = given(submitted(), acknowledged(), consultationOpened());

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(state,
                new RequestCommand.Postpone(null, null, date(3)), NL, day(3)));
        assertEquals(List.of(new Violation("reason", "is required"), new Violation("reviewDate", "must be in the future")), e.violations());

        InvalidCommand other = assertThrows(InvalidCommand.class, () -> DECIDER.decide(state,
                new RequestCommand.Postpone(PostponementReason.OTHER, " ", null), NL, day(3)));
        assertEquals(List.of(new Violation("reasons", "is required"), new Violation("reviewDate", "is required")), other.violations());
    }

    @Test
    void from_postponed_the_requested_state_may_consult_again_or_accept() {
        MlaRequest state = givenStatus(RequestStatus.POSTPONED);

        MlaRequest consulting = then(state, DECIDER.decide(state,
                new RequestCommand.OpenConsultation(List.of("The domestic case ended")), NL, day(61)));
        MlaRequest accepting = then(state, DECIDER.decide(state, new RequestCommand.Accept(List.of(), List.of()), NL, day(61)));

        assertEquals(RequestStatus.CONSULTATION, consulting.status());
        assertEquals(RequestStatus.ACCEPTED, accepting.status());
    }

    @Test
    void propose_conditions_lists_them_as_not_yet_binding() {
        MlaRequest state = given(submitted(), acknowledged(), consultationOpened());

        List<RequestEvent> events = DECIDER.decide(state,
                new RequestCommand.ProposeConditions(List.of("Bank records are used only in case CFP 1234/2020")), NL, day(3));

        assertEquals(List.of(conditionsProposed()), events);
        MlaRequest after = then(state, events);
        assertEquals(RequestStatus.CONDITIONS_PROPOSED, after.status());
        assertEquals(ConditionsOutcome.PROPOSED, after.conditions().get(0).outcome());
        assertEquals(List.of(), after.bindingConditions());
    }

    @Test
    void accepted_conditions_bind_the_requesting_state_and_assessment_resumes() {
        MlaRequest state = given(submitted(), acknowledged(), consultationOpened(), conditionsProposed());

        List<RequestEvent> events = DECIDER.decide(state, new RequestCommand.AcceptConditions("Agreed"), AR, day(4));

        assertEquals(List.of(new RequestEvent.ConditionsAccepted(ID, "Agreed", RequestStatus.UNDER_ASSESSMENT, day(4))), events);
        MlaRequest after = then(state, events);
        assertEquals(RequestStatus.UNDER_ASSESSMENT, after.status());
        assertTrue(after.conditions().get(0).binding());
        assertEquals(List.of("Bank records are used only in case CFP 1234/2020"), after.bindingConditions());
    }

    @Test
    void rejected_conditions_do_not_bind_and_consultation_resumes() {
        MlaRequest state = given(submitted(), acknowledged(), consultationOpened(), conditionsProposed());

        List<RequestEvent> events = DECIDER.decide(state, new RequestCommand.RejectConditions("The records are needed at trial"), AR, day(4));

        assertEquals(List.of(new RequestEvent.ConditionsRejected(ID, "The records are needed at trial", day(4))), events);
        MlaRequest after = then(state, events);
        assertEquals(RequestStatus.CONSULTATION, after.status());
        assertEquals(ConditionsOutcome.REJECTED, after.conditions().get(0).outcome());
        assertEquals(List.of(), after.bindingConditions());

        InvalidCommand e = assertThrows(InvalidCommand.class,
                () -> DECIDER.decide(state, new RequestCommand.RejectConditions(null), AR, day(4)));
        assertEquals(List.of(new Violation("reasons", "is required")), e.violations());
    }

    @Test
    void refuse_the_whole_request_with_grounds_and_reasons_is_terminal() {
        MlaRequest state = given(submitted(), acknowledged(), consultationOpened());

        List<RequestEvent> events = DECIDER.decide(state, new RequestCommand.Refuse(List.of(),
                List.of(GroundForRefusal.ESSENTIAL_INTERESTS), "Execution would prejudice national security"), NL, day(3));

        assertEquals(List.of(RequestFixtures.refusedAll()), events);
        MlaRequest after = then(state, events);
        assertEquals(RequestStatus.REFUSED, after.status());
        assertFalse(after.isOpen());
        assertTrue(after.measures().stream().allMatch(m -> m.status() == MeasureStatus.REFUSED
                && m.refusalGrounds().equals(List.of(GroundForRefusal.ESSENTIAL_INTERESTS))));
        assertEquals(day(3), after.decidedAt());
        assertEquals(1, after.refusals().size());
    }

    @Test
    void accept_every_undecided_measure_sets_the_execution_due_date() {
        MlaRequest state = given(submitted(), acknowledged());

        List<RequestEvent> events = DECIDER.decide(state,
                new RequestCommand.Accept(List.of(), List.of("Defence counsel cannot attend the search under Dutch law")), NL, day(2));

        assertEquals(List.of(new RequestEvent.Accepted(ID, M123, List.of("Defence counsel cannot attend the search under Dutch law"),
                date(92), RequestStatus.ACCEPTED, day(2))), events);
        MlaRequest after = then(state, events);
        assertEquals(RequestStatus.ACCEPTED, after.status());
        assertEquals(date(92), after.executionDueDate());
        assertEquals(day(2), after.decidedAt());
        assertTrue(after.measures().stream().allMatch(m -> m.status() == MeasureStatus.ACCEPTED));
    }

    @Test
    void report_progress_complete_and_close() {
        MlaRequest accepted = given(submitted(), acknowledged(), RequestFixtures.accepted(M123, RequestStatus.ACCEPTED, 2));

        List<RequestEvent> progress = DECIDER.decide(accepted, new RequestCommand.ReportProgress(List.of(
                RequestFixtures.update("m1", MeasureStatus.EXECUTED), RequestFixtures.update("m2", MeasureStatus.EXECUTED),
                RequestFixtures.update("m3", MeasureStatus.EXECUTED)), "All measures executed"), NL, day(40));
        MlaRequest executedAll = then(accepted, progress);
        assertEquals(RequestStatus.PARTIALLY_EXECUTED, executedAll.status(), "results delivered, not yet declared complete");
        assertEquals(List.of("m1 is EXECUTED"), executedAll.measure("m1").orElseThrow().notes());

        List<RequestEvent> completed = DECIDER.decide(executedAll, new RequestCommand.Complete("Evidence transferred"), NL, day(41));
        assertEquals(List.of(new RequestEvent.Completed(ID, "Evidence transferred", day(41))), completed);
        MlaRequest executed = then(executedAll, completed);
        assertEquals(RequestStatus.EXECUTED, executed.status());
        assertEquals(day(41), executed.executedAt());
        assertTrue(executed.isOpen(), "open until the requesting State closes it");

        List<RequestEvent> closed = DECIDER.decide(executed, new RequestCommand.Close("Results received"), AR, day(45));
        assertEquals(List.of(new RequestEvent.Closed(ID, "Results received", day(45))), closed);
        MlaRequest after = then(executed, closed);
        assertEquals(RequestStatus.CLOSED, after.status());
        assertEquals(day(45), after.closedAt());
        assertEquals("Results received", after.closingNote());
        assertFalse(after.isOpen());
    }

    @Test
    void withdraw_needs_reasons() {
        MlaRequest state = given(submitted(), acknowledged());

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(state, new RequestCommand.Withdraw(""), AR, day(2)));
        assertEquals(List.of(new Violation("reasons", "is required")), e.violations());

        List<RequestEvent> events = DECIDER.decide(state, new RequestCommand.Withdraw("The suspect died"), AR, day(2));
        assertEquals(List.of(new RequestEvent.Withdrawn(ID, "The suspect died", day(2))), events);
        MlaRequest after = then(state, events);
        assertEquals(RequestStatus.WITHDRAWN, after.status());
        assertEquals(new MlaRequest.Withdrawal("The suspect died", day(2)), after.withdrawal());
        assertFalse(after.isOpen());
    }
}
