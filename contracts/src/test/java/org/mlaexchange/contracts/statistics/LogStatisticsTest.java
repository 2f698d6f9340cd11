package org.mlaexchange.contracts.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.request.ContactPerson;
import org.mlaexchange.contracts.request.DeadlineKind;
import org.mlaexchange.contracts.request.GroundForRefusal;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.request.RequestEventTypes;
import org.mlaexchange.contracts.request.RequestStatus;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent;
import org.mlaexchange.contracts.request.SpontaneousInformationEventTypes;
import org.mlaexchange.contracts.request.UseConditions;

/** The request figures folded from events: scope, period, nearest-rank percentiles, the overdue rule. */
class LogStatisticsTest {

    private static final StateCode NL = StateCode.of("NL");
    private static final StateCode AR = StateCode.of("AR");
    private static final StateCode SN = StateCode.of("SN");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 1);
    private static final ContactPerson CONTACT = new ContactPerson("M. Gómez", "mgomez@ar.demo", "+54 11 0000 0001");

    private final LogStatistics statistics = LogStatistics.forService("request-service");
    private long logseq;

    private void event(StateCode actor, RequestEvent e, Instant at) {
        logseq++;
        statistics.accept(new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "request-service",
                RequestEventTypes.typeOf(e), e.requestId().toString(), at.toString(), CloudEvent.DATA_CONTENT_TYPE,
                actor == null ? null : actor.value(), 1, logseq, null, null, EventJson.toData(e)));
    }

    private UUID submitted(StateCode requesting, StateCode requested, Instant at) {
        UUID id = UUID.randomUUID();
        event(requesting, new RequestEvent.Submitted(id, requesting, requested, false, false, null, List.of("m1"), at,
                LocalDate.of(2026, 3, 9), LocalDate.of(2026, 4, 1)), at);
        return id;
    }

    private static StatisticsQuery of(StateCode state, StateCode counterpart) {
        return new StatisticsQuery(state, counterpart, null, null, TODAY);
    }

    @Test
    void medianAndP90AreNearestRankOverTheCasesThatReachedBothMilestones() {
        for (int hours = 1; hours <= 10; hours++) {
            UUID id = submitted(NL, AR, T0);
            event(AR, new RequestEvent.Acknowledged(id, "AR-" + hours, CONTACT, T0.plus(Duration.ofHours(hours))),
                    T0.plus(Duration.ofHours(hours)));
        }
        submitted(NL, AR, T0); // not acknowledged: not in the timing
        Statistics s = statistics.result(of(NL, null));
        assertEquals(11, s.cases());
        assertEquals(new Statistics.Timing(10, Duration.ofHours(5).toMillis(), Duration.ofHours(9).toMillis()), s.timings().get("acknowledge"));
        assertEquals(new Statistics.Timing(0, null, null), s.timings().get("decide"));
        assertEquals(Map.of("ACKNOWLEDGED", 10L, "SUBMITTED", 1L), s.casesByStatus());
    }

    @Test
    void spontaneousInformationInTheSameLogIsNoRequest() {
        submitted(NL, AR, T0);
        UUID informationId = UUID.randomUUID();
        SpontaneousInformationEvent sent = new SpontaneousInformationEvent.Sent(informationId, NL, AR, null, UseConditions.none(),
                List.of(), T0);
        logseq++;
        statistics.accept(new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "request-service",
                SpontaneousInformationEventTypes.typeOf(sent), informationId.toString(), T0.toString(), CloudEvent.DATA_CONTENT_TYPE,
                "NL", 1, logseq, null, null, EventJson.toData(sent)));
        Statistics s = statistics.result(of(NL, null));
        assertEquals(1, s.cases());
        assertEquals(Map.of("SUBMITTED", 1L), s.casesByStatus());
    }

    @Test
    void aStateCountsItsOwnCasesTheOversightBodyAllAndThePeriodIsByOpening() {
        submitted(NL, AR, T0);
        submitted(SN, NL, T0.plusSeconds(60));
        submitted(SN, AR, T0.plusSeconds(120));
        assertEquals(2, statistics.result(of(NL, null)).cases());
        assertEquals(1, statistics.result(of(NL, SN)).cases());
        assertEquals(0, statistics.result(of(NL, NL)).cases());
        assertEquals(3, statistics.result(of(null, null)).cases());
        assertEquals(2, statistics.result(of(null, SN)).cases());
        assertEquals(1, statistics.result(new StatisticsQuery(null, null, T0.plusSeconds(60), T0.plusSeconds(120), TODAY)).cases());
        assertEquals("ALL", statistics.result(of(null, null)).scope());
        assertNull(statistics.result(of(null, null)).counterpart());
    }

    @Test
    void aReminderIsOverdueUntilTheStateThatOwesItActsOrTheCaseEnds() {
        UUID late = submitted(NL, AR, T0);
        UUID withdrawn = submitted(NL, AR, T0);
        event(null, new RequestEvent.DeadlineOverdue(late, DeadlineKind.ACKNOWLEDGEMENT, LocalDate.of(2026, 3, 9), AR, T0.plus(Duration.ofDays(8))),
                T0.plus(Duration.ofDays(8)));
        event(null, new RequestEvent.DeadlineOverdue(withdrawn, DeadlineKind.ACKNOWLEDGEMENT, LocalDate.of(2026, 3, 9), AR,
                T0.plus(Duration.ofDays(8))), T0.plus(Duration.ofDays(8)));
        assertEquals(2, statistics.result(of(NL, null)).overdueNow());
        event(NL, new RequestEvent.Withdrawn(withdrawn, "No longer needed", T0.plus(Duration.ofDays(9))), T0.plus(Duration.ofDays(9)));
        assertEquals(1, statistics.result(of(NL, null)).overdueNow(), "a withdrawn request is no longer overdue");
        event(AR, new RequestEvent.Acknowledged(late, "AR-1", CONTACT, T0.plus(Duration.ofDays(10))), T0.plus(Duration.ofDays(10)));
        assertEquals(0, statistics.result(of(NL, null)).overdueNow());
    }

    @Test
    void refusalsCountEachGroundAndTheRequestIsRefusedOnceEveryMeasureIs() {
        UUID id = submitted(NL, AR, T0);
        event(AR, new RequestEvent.Refused(id, List.of("m1"), List.of(GroundForRefusal.NE_BIS_IN_IDEM, GroundForRefusal.OTHER),
                "Tried for the same acts", RequestStatus.REFUSED, T0.plus(Duration.ofDays(3))), T0.plus(Duration.ofDays(3)));
        Statistics s = statistics.result(of(AR, null));
        assertEquals(Map.of("NE_BIS_IN_IDEM", 1L, "OTHER", 1L), s.refusalsByGround());
        assertEquals(Map.of("REFUSED", 1L), s.casesByStatus());
        assertEquals(Duration.ofDays(3).toMillis(), s.timings().get("decide").medianMillis());
        assertEquals("figure,key,value", s.toCsv().lines().findFirst().orElseThrow());
    }
}
