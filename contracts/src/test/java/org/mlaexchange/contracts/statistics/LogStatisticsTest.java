package org.mlaexchange.contracts.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.evidence.UseConsentDecision;
import org.mlaexchange.contracts.evidence.UsePurpose;
import org.mlaexchange.contracts.request.ContactPerson;
import org.mlaexchange.contracts.request.DeadlineKind;
import org.mlaexchange.contracts.request.GroundForRefusal;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.request.RequestEventTypes;
import org.mlaexchange.contracts.request.RequestStatus;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent;
import org.mlaexchange.contracts.request.SpontaneousInformationEventTypes;
import org.mlaexchange.contracts.seal.ErasureReason;
import org.mlaexchange.contracts.request.UseConditions;

/** The request and spontaneous information figures folded from events: scope, period, nearest-rank percentiles, the overdue rule. */
class LogStatisticsTest {

    private static final StateCode NL = StateCode.of("NL");
    private static final StateCode AR = StateCode.of("AR");
    private static final StateCode SN = StateCode.of("SN");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 1);
    private static final ContactPerson CONTACT = new ContactPerson("M. Gómez", "mgomez@ar.demo", "+54 11 0000 0001");

    private final LogStatistics statistics = LogStatistics.forService("request-service");
    private final List<CloudEvent> log = new ArrayList<>();
    private long logseq;

    private void append(CloudEvent event) {
        statistics.accept(event);
        log.add(event);
    }

    /**
     * What a service does with its growing log: folds it a few events at a time, keeping each case's figures (as JSON)
     * between folds, then adds up the kept cases. Every test's log gives the same figures that way as in one go.
     */
    @AfterEach
    void theFiguresAreTheSameWhenTheLogIsFoldedAFewEventsAtATimeAndTheCasesKeptBetween() {
        for (int piece = 1; piece <= 3; piece++) {
            Map<String, LogStatistics.KeptCase> kept = new HashMap<>();
            for (int from = 0; from < log.size(); from += piece) {
                List<CloudEvent> events = log.subList(from, Math.min(from + piece, log.size()));
                LogStatistics fold = LogStatistics.forService("request-service");
                kept.values().stream().filter(k -> fold.caseKeys(events).contains(k.key())).forEach(k -> fold.restore(k.fold(), k.key(), k.figures()));
                events.forEach(fold::accept);
                fold.drain().forEach(k -> kept.put(k.fold() + "/" + k.key(), k));
            }
            for (StatisticsQuery query : List.of(of(null, null), of(NL, null), of(AR, null), of(NL, AR), of(null, SN),
                    new StatisticsQuery(null, null, T0.plusSeconds(60), T0.plusSeconds(120), TODAY))) {
                LogStatistics.Tally tally = LogStatistics.forService("request-service").tally(query);
                kept.values().forEach(k -> tally.add(k.fold(), k.figures()));
                assertEquals(statistics.result(query), tally.result(), "pieces of " + piece + " event(s), " + query);
            }
        }
    }

    private void event(StateCode actor, RequestEvent e, Instant at) {
        logseq++;
        append(new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "request-service",
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

    private void spontaneous(StateCode actor, SpontaneousInformationEvent e, Instant at) {
        logseq++;
        append(new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "request-service",
                SpontaneousInformationEventTypes.typeOf(e), e.informationId().toString(), at.toString(), CloudEvent.DATA_CONTENT_TYPE,
                actor == null ? null : actor.value(), 1, logseq, null, null, EventJson.toData(e)));
    }

    private UUID sent(StateCode providing, StateCode receiving, Instant at) {
        UUID id = UUID.randomUUID();
        spontaneous(providing, new SpontaneousInformationEvent.Sent(id, providing, receiving, null, UseConditions.none(), List.of(), at), at);
        return id;
    }

    @Test
    void spontaneousInformationInTheSameLogIsNoRequestButHasFiguresOfItsOwn() {
        submitted(NL, AR, T0);
        sent(NL, AR, T0);
        Statistics s = statistics.result(of(NL, null));
        assertEquals(1, s.cases());
        assertEquals(Map.of("SUBMITTED", 1L), s.casesByStatus());
        assertEquals(1, s.spontaneousInformation().cases());
        assertEquals(Map.of("SENT", 1L), s.spontaneousInformation().casesByStatus());
    }

    @Test
    void spontaneousInformationIsCountedSentAndReceivedPerCounterpartWithItsTimeToAcknowledge() {
        for (int hours = 1; hours <= 10; hours++) {
            UUID id = sent(NL, AR, T0);
            spontaneous(AR, new SpontaneousInformationEvent.Acknowledged(id, "AR-" + hours, CONTACT, T0.plus(Duration.ofHours(hours))),
                    T0.plus(Duration.ofHours(hours)));
        }
        UUID declined = sent(NL, SN, T0);
        spontaneous(SN, new SpontaneousInformationEvent.ConditionsDeclined(declined, "Cannot keep it confidential", T0.plusSeconds(60)),
                T0.plusSeconds(60));
        spontaneous(NL, new SpontaneousInformationEvent.ConditionsRevised(declined, UseConditions.none(), null, T0.plusSeconds(120)),
                T0.plusSeconds(120));
        spontaneous(SN, new SpontaneousInformationEvent.ConditionsDeclined(declined, "Still not", T0.plusSeconds(180)), T0.plusSeconds(180));
        UUID received = sent(AR, NL, T0);
        spontaneous(NL, new SpontaneousInformationEvent.Acknowledged(received, "NL-1", CONTACT, T0.plusSeconds(30)), T0.plusSeconds(30));
        spontaneous(NL, new SpontaneousInformationEvent.UseConsentRequested(received, UsePurpose.ONWARD_TRANSFER, SN, "To SN's prosecutor",
                T0.plusSeconds(40)), T0.plusSeconds(40));
        spontaneous(AR, new SpontaneousInformationEvent.UseConsentDecided(received, UseConsentDecision.DENIED, List.of(), "Not to SN",
                T0.plusSeconds(50)), T0.plusSeconds(50));
        sent(SN, AR, T0); // NL is no party

        Statistics.SpontaneousFigures nl = statistics.result(of(NL, null)).spontaneousInformation();
        assertEquals(12, nl.cases());
        assertEquals(Map.of("ACKNOWLEDGED", 11L, "CONDITIONS_DECLINED", 1L), nl.casesByStatus());
        assertEquals(Map.of("AR", 10L, "SN", 1L), nl.sentTo());
        assertEquals(Map.of("AR", 1L), nl.receivedFrom());
        // ten of one hour to ten hours, and one of thirty seconds
        assertEquals(new Statistics.Timing(11, Duration.ofHours(5).toMillis(), Duration.ofHours(9).toMillis()), nl.acknowledge());
        assertEquals(2, nl.conditionsDeclined());
        assertEquals(Map.of("DENIED", 1L), nl.useConsents());
        assertEquals(Map.of("AR", 1L), statistics.result(of(NL, AR)).spontaneousInformation().receivedFrom());
        assertEquals(0, statistics.result(of(NL, AR)).spontaneousInformation().conditionsDeclined());

        Statistics.SpontaneousFigures all = statistics.result(of(null, null)).spontaneousInformation();
        assertEquals(13, all.cases());
        assertEquals(Map.of("AR", 11L, "NL", 1L, "SN", 1L), all.sentTo(), "the oversight body: by receiving State");
        assertEquals(Map.of("AR", 1L, "NL", 11L, "SN", 1L), all.receivedFrom(), "the oversight body: by providing State");
        assertEquals(0, statistics.result(of(NL, null)).cases(), "no request among them");
        String csv = statistics.result(of(NL, null)).toCsv();
        assertTrue(csv.contains("spontaneous-information-sent-to,AR,10\r\n"), csv);
        assertTrue(csv.contains("spontaneous-information-conditions-declined,,2\r\n"), csv);
        assertTrue(csv.contains("spontaneous-information-time-to-acknowledge,count,11\r\n"), csv);
    }

    @Test
    void anUnacknowledgedSpontaneousInformationIsOverdueUntilTheReceivingStateAnswersOrItIsClosed() {
        UUID late = sent(NL, AR, T0);
        UUID closed = sent(NL, AR, T0);
        for (UUID id : List.of(late, closed)) {
            spontaneous(null, new SpontaneousInformationEvent.DeadlineOverdue(id, DeadlineKind.ACKNOWLEDGEMENT, LocalDate.of(2026, 3, 9), AR,
                    T0.plus(Duration.ofDays(8))), T0.plus(Duration.ofDays(8)));
        }
        assertEquals(2, statistics.result(of(NL, null)).spontaneousInformation().overdueNow());
        assertEquals(0, statistics.result(of(NL, null)).overdueNow(), "no request is overdue");
        spontaneous(NL, new SpontaneousInformationEvent.Closed(closed, null, T0.plus(Duration.ofDays(9))), T0.plus(Duration.ofDays(9)));
        assertEquals(1, statistics.result(of(AR, null)).spontaneousInformation().overdueNow());
        // erased, the closed case is still counted as it was: the figures read no personal data
        spontaneous(NL, new SpontaneousInformationEvent.PersonalDataErased(closed, NL, ErasureReason.PURPOSE_FULFILLED,
                T0.plus(Duration.ofDays(9))), T0.plus(Duration.ofDays(9)));
        assertEquals(Map.of("SENT", 1L, "CLOSED", 1L), statistics.result(of(NL, null)).spontaneousInformation().casesByStatus());
        assertEquals(1, statistics.result(of(AR, null)).spontaneousInformation().overdueNow());
        spontaneous(AR, new SpontaneousInformationEvent.Acknowledged(late, "AR-1", CONTACT, T0.plus(Duration.ofDays(10))), T0.plus(Duration.ofDays(10)));
        assertEquals(0, statistics.result(of(AR, null)).spontaneousInformation().overdueNow());
    }

    @Test
    void otherServicesHaveNoSpontaneousInformationFigures() {
        assertNull(LogStatistics.forService("evidence-service").result(of(null, null)).spontaneousInformation());
        assertFalse(LogStatistics.forService("extradition-service").result(of(null, null)).toCsv().contains("spontaneous"));
        assertFalse(EventJson.mapper().valueToTree(LogStatistics.forService("evidence-service").result(of(null, null)))
                .has("spontaneousInformation"), "the field is left out, not null");
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
