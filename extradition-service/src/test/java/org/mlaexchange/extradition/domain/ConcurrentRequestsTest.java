package org.mlaexchange.extradition.domain;

import org.mlaexchange.contracts.rules.DomainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.DECIDER;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.ID;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.NL;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.OTHER_CASE;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.act;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.day;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.givenStatus;
import static org.mlaexchange.extradition.domain.ExtraditionFixtures.then;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.extradition.ConcurrencyFactor;
import org.mlaexchange.contracts.extradition.ExtraditionEvent;
import org.mlaexchange.contracts.extradition.ExtraditionStatus;
import org.mlaexchange.contracts.extradition.WeighedFactor;
import org.mlaexchange.contracts.rules.DomainException.InvalidCommand;
import org.mlaexchange.contracts.rules.DomainException.Violation;

/** Several States ask for the same person (model ECE 17): the requested State records the factors weighed and its choice. */
class ConcurrentRequestsTest {

    private static final UUID THIRD_CASE = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
    private static final List<WeighedFactor> FACTORS = List.of(
            new WeighedFactor(ConcurrencyFactor.SERIOUSNESS_OF_OFFENCES, "Crimes against humanity in both requests"),
            new WeighedFactor(ConcurrencyFactor.PLACE_OF_COMMISSION, "All the crimes were committed in Argentina"),
            new WeighedFactor(ConcurrencyFactor.INTERESTS_OF_VICTIMS, "The victims are civil parties in Buenos Aires"));

    @Test
    void the_other_cases_the_factors_and_the_choice_are_recorded() {
        ExtraditionCase state = givenStatus(ExtraditionStatus.REQUEST_ACKNOWLEDGED);

        List<ExtraditionEvent> events = DECIDER.decide(state, new ExtraditionCommand.RecordConcurrentRequests(List.of(OTHER_CASE, THIRD_CASE),
                FACTORS, ID, "Place of the crimes and interests of the victims"), NL, day(20));

        assertEquals(List.of(new ExtraditionEvent.ConcurrentRequestsRecorded(ID, List.of(OTHER_CASE, THIRD_CASE), FACTORS, ID,
                "Place of the crimes and interests of the victims", day(20))), events);
        ExtraditionCase after = then(state, events);
        assertEquals(ExtraditionStatus.REQUEST_ACKNOWLEDGED, after.status());
        assertEquals(ID, after.concurrentRequests().chosenCaseId());
        assertEquals(FACTORS, after.concurrentRequests().factors());
    }

    @Test
    void another_case_may_be_chosen_and_the_record_revised() {
        ExtraditionCase first = act(givenStatus(ExtraditionStatus.REQUEST_ACKNOWLEDGED), new ExtraditionCommand.RecordConcurrentRequests(
                List.of(OTHER_CASE), FACTORS, OTHER_CASE, "The other request came first"), NL, day(20));

        ExtraditionCase revised = act(first, new ExtraditionCommand.RecordConcurrentRequests(List.of(OTHER_CASE, THIRD_CASE), FACTORS,
                THIRD_CASE, "A third request, from the State of nationality"), NL, day(30));

        assertEquals(OTHER_CASE, first.concurrentRequests().chosenCaseId());
        assertEquals(THIRD_CASE, revised.concurrentRequests().chosenCaseId());
        assertEquals(List.of(OTHER_CASE, THIRD_CASE), revised.concurrentRequests().otherCaseIds());
    }

    @Test
    void the_record_names_other_cases_factors_each_once_and_a_choice_among_them() {
        ExtraditionCase state = givenStatus(ExtraditionStatus.REQUEST_ACKNOWLEDGED);

        InvalidCommand e = assertThrows(InvalidCommand.class, () -> DECIDER.decide(state, new ExtraditionCommand.RecordConcurrentRequests(
                Arrays.asList(ID, OTHER_CASE, OTHER_CASE, null),
                Arrays.asList(FACTORS.get(0), new WeighedFactor(ConcurrencyFactor.SERIOUSNESS_OF_OFFENCES, " "), null),
                THIRD_CASE, ""), NL, day(20)));

        assertEquals(List.of(
                new Violation("otherCaseIds[0]", "is this case"),
                new Violation("otherCaseIds[2]", "case " + OTHER_CASE + " is listed twice"),
                new Violation("otherCaseIds[3]", "is required"),
                new Violation("factors[1].factor", "SERIOUSNESS_OF_OFFENCES is listed twice"),
                new Violation("factors[1].assessment", "is required"),
                new Violation("factors[2]", "is required"),
                new Violation("chosenCaseId", "must be this case or one of otherCaseIds"),
                new Violation("reasons", "is required")), e.violations());

        InvalidCommand empty = assertThrows(InvalidCommand.class, () -> DECIDER.decide(state,
                new ExtraditionCommand.RecordConcurrentRequests(null, List.of(), null, "x"), NL, day(20)));
        assertEquals(List.of(new Violation("otherCaseIds", "at least one other case is required"),
                new Violation("factors", "at least one factor weighed is required"),
                new Violation("chosenCaseId", "is required")), empty.violations());
    }
}
