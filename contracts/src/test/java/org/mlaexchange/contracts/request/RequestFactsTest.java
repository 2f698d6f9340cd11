package org.mlaexchange.contracts.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;

/** Other services fold the same statuses as request-service, for the events added after the first release too. */
class RequestFactsTest {

    private static final UUID ID = UUID.fromString("6f1c1d2e-8a47-4e0e-9d3b-2a5f0c7e9b11");
    private static final Instant AT = Instant.parse("2025-03-03T09:00:00Z");
    private static final LocalDate DATE = LocalDate.of(2025, 4, 2);

    @Test
    void the_later_events_fold_into_the_statuses_the_decider_gives() {
        RequestFacts facts = RequestFacts.apply(null, new RequestEvent.Submitted(ID, StateCode.of("AR"), StateCode.of("NL"), false, true,
                null, List.of("m1", "m2"), AT, DATE, DATE));
        facts = RequestFacts.apply(facts, new RequestEvent.Acknowledged(ID, "NL-1", null, AT));
        facts = RequestFacts.apply(facts, new RequestEvent.StatusRequested(ID, "News?", DATE, AT));
        facts = RequestFacts.apply(facts, new RequestEvent.StatusAnswered(ID, "Soon", AT));
        facts = RequestFacts.apply(facts, new RequestEvent.Supplemented(ID, null, null, AT));
        facts = RequestFacts.apply(facts, new RequestEvent.DecisionDeadlineExtended(ID, DATE, DATE.plusDays(30), "File review", AT));
        assertEquals(RequestStatus.ACKNOWLEDGED, facts.status(), "questions, answers, supplements and extensions keep the status");

        facts = RequestFacts.apply(facts, new RequestEvent.ConfidentialityNotAssured(ID, "Public hearing", AT));
        assertEquals(RequestStatus.CONFIDENTIALITY_NOT_ASSURED, facts.status());
        facts = RequestFacts.apply(facts, new RequestEvent.ContinuedWithoutConfidentiality(ID, null, RequestStatus.ACKNOWLEDGED, AT));
        assertEquals(RequestStatus.ACKNOWLEDGED, facts.status());

        facts = RequestFacts.apply(facts, new RequestEvent.ConsultationOpened(ID, List.of("Scope"), AT));
        facts = RequestFacts.apply(facts, new RequestEvent.ConsultationAnswered(ID, "Narrow it", List.of(), AT));
        assertEquals(RequestStatus.CONSULTATION, facts.status());

        facts = RequestFacts.apply(facts, new RequestEvent.Accepted(ID, List.of("m1", "m2"), List.of(), DATE, RequestStatus.ACCEPTED, AT));
        facts = RequestFacts.apply(facts, new RequestEvent.MeasuresImpossible(ID, List.of("m1", "m2"), "Witness died",
                RequestStatus.PARTIALLY_EXECUTED, AT));
        assertEquals(RequestStatus.PARTIALLY_EXECUTED, facts.status());
        assertEquals(12, facts.version());
    }
}
