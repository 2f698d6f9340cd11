package org.mlaexchange.contracts.extradition;

import java.util.EnumSet;
import java.util.Set;

/** What the published events of an extradition case say about its status, for every reader of them. */
public final class ExtraditionFacts {

    /** Statuses after which nothing more happens to a case. */
    public static final Set<ExtraditionStatus> TERMINAL = EnumSet.of(ExtraditionStatus.WITHDRAWN, ExtraditionStatus.CLOSED);

    private ExtraditionFacts() {
    }

    /**
     * The one place that says which status an event leads to: extradition-service's decider evolves
     * its state with it and the statistics fold it from the log, so the two cannot disagree.
     *
     * @param current {@code null} before the event that opens the case
     */
    public static ExtraditionStatus statusAfter(ExtraditionStatus current, ExtraditionEvent event) {
        if (event instanceof ExtraditionEvent.ProvisionalArrestRequested) {
            return ExtraditionStatus.PROVISIONAL_ARREST_REQUESTED;
        } else if (event instanceof ExtraditionEvent.ExtraditionRequested || event instanceof ExtraditionEvent.FormalRequestSubmitted) {
            return ExtraditionStatus.REQUEST_SUBMITTED;
        } else if (event instanceof ExtraditionEvent.RequestAcknowledged || event instanceof ExtraditionEvent.SupplementaryInformationProvided) {
            return ExtraditionStatus.REQUEST_ACKNOWLEDGED;
        } else if (event instanceof ExtraditionEvent.ArrestRecorded) {
            // a re-arrest (after release, once the formal request arrived) leaves the status as it is
            return current == ExtraditionStatus.PROVISIONAL_ARREST_REQUESTED ? ExtraditionStatus.PROVISIONALLY_ARRESTED : current;
        } else if (event instanceof ExtraditionEvent.ReleaseRecorded) {
            return current == ExtraditionStatus.PROVISIONALLY_ARRESTED ? ExtraditionStatus.RELEASED_PENDING_REQUEST : current;
        } else if (event instanceof ExtraditionEvent.SupplementaryInformationRequested) {
            return ExtraditionStatus.SUPPLEMENTARY_INFORMATION_REQUESTED;
        } else if (event instanceof ExtraditionEvent.SimplifiedConsentRecorded e) {
            return e.consented() ? ExtraditionStatus.CONSENT_TO_SIMPLIFIED_EXTRADITION : current;
        } else if (event instanceof ExtraditionEvent.AssurancesRequested) {
            return ExtraditionStatus.ASSURANCES_REQUESTED;
        } else if (event instanceof ExtraditionEvent.AssurancesProvided) {
            return ExtraditionStatus.ASSURANCES_PROVIDED;
        } else if (event instanceof ExtraditionEvent.Granted) {
            return ExtraditionStatus.GRANTED;
        } else if (event instanceof ExtraditionEvent.Refused) {
            return ExtraditionStatus.REFUSED;
        } else if (event instanceof ExtraditionEvent.SubmittedForProsecution) {
            return ExtraditionStatus.SUBMITTED_FOR_PROSECUTION;
        } else if (event instanceof ExtraditionEvent.ProsecutionOutcomeReported) {
            return ExtraditionStatus.PROSECUTION_OUTCOME_REPORTED;
        } else if (event instanceof ExtraditionEvent.SurrenderScheduled) {
            return ExtraditionStatus.SURRENDER_SCHEDULED;
        } else if (event instanceof ExtraditionEvent.SurrenderPostponed || event instanceof ExtraditionEvent.PersonReturned) {
            return ExtraditionStatus.SURRENDER_POSTPONED;
        } else if (event instanceof ExtraditionEvent.TemporarilySurrendered) {
            return ExtraditionStatus.TEMPORARILY_SURRENDERED;
        } else if (event instanceof ExtraditionEvent.Surrendered) {
            return ExtraditionStatus.SURRENDERED;
        } else if (event instanceof ExtraditionEvent.NotTakenOver || event instanceof ExtraditionEvent.Closed) {
            return ExtraditionStatus.CLOSED;
        } else if (event instanceof ExtraditionEvent.Withdrawn) {
            return ExtraditionStatus.WITHDRAWN;
        }
        // transit, concurrent requests, consents after surrender and reminders leave the status as it is
        return current;
    }
}
