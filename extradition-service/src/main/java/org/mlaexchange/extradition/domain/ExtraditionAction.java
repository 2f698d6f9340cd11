package org.mlaexchange.extradition.domain;

import org.mlaexchange.contracts.rules.DomainAction;

import static org.mlaexchange.contracts.extradition.ExtraditionStatus.ASSURANCES_PROVIDED;
import static org.mlaexchange.contracts.extradition.ExtraditionStatus.ASSURANCES_REQUESTED;
import static org.mlaexchange.contracts.extradition.ExtraditionStatus.CONSENT_TO_SIMPLIFIED_EXTRADITION;
import static org.mlaexchange.contracts.extradition.ExtraditionStatus.GRANTED;
import static org.mlaexchange.contracts.extradition.ExtraditionStatus.PROSECUTION_OUTCOME_REPORTED;
import static org.mlaexchange.contracts.extradition.ExtraditionStatus.PROVISIONALLY_ARRESTED;
import static org.mlaexchange.contracts.extradition.ExtraditionStatus.PROVISIONAL_ARREST_REQUESTED;
import static org.mlaexchange.contracts.extradition.ExtraditionStatus.REFUSED;
import static org.mlaexchange.contracts.extradition.ExtraditionStatus.RELEASED_PENDING_REQUEST;
import static org.mlaexchange.contracts.extradition.ExtraditionStatus.REQUEST_ACKNOWLEDGED;
import static org.mlaexchange.contracts.extradition.ExtraditionStatus.REQUEST_SUBMITTED;
import static org.mlaexchange.contracts.extradition.ExtraditionStatus.SUBMITTED_FOR_PROSECUTION;
import static org.mlaexchange.contracts.extradition.ExtraditionStatus.SUPPLEMENTARY_INFORMATION_REQUESTED;
import static org.mlaexchange.contracts.extradition.ExtraditionStatus.SURRENDERED;
import static org.mlaexchange.contracts.extradition.ExtraditionStatus.SURRENDER_POSTPONED;
import static org.mlaexchange.contracts.extradition.ExtraditionStatus.SURRENDER_SCHEDULED;
import static org.mlaexchange.contracts.extradition.ExtraditionStatus.TEMPORARILY_SURRENDERED;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.mlaexchange.contracts.extradition.ExtraditionStatus;

/**
 * The actions on an extradition case, and the whole transition table: who may take each action and
 * from which statuses. The resulting status is noted above each action; {@link ExtraditionDecider} applies
 * the guards that depend on more than the status (custody, grounds, pending consents, dates).
 */
public enum ExtraditionAction implements DomainAction {

    // action(path segment, by, allowed from...), each below the status it leads to

    // → PROVISIONAL_ARREST_REQUESTED (opens the case)
    REQUEST_PROVISIONAL_ARREST("request-provisional-arrest", Party.REQUESTING),
    // → REQUEST_SUBMITTED (opens the case)
    SUBMIT_REQUEST("submit-request", Party.REQUESTING),
    // → REQUEST_SUBMITTED; the provisional-arrest clock stops
    SUBMIT_FORMAL_REQUEST("submit-formal-request", Party.REQUESTING,
            PROVISIONAL_ARREST_REQUESTED, PROVISIONALLY_ARRESTED, RELEASED_PENDING_REQUEST),
    // → PROVISIONALLY_ARRESTED from PROVISIONAL_ARREST_REQUESTED (the clock starts), else unchanged; not while in custody
    RECORD_ARREST("record-arrest", Party.REQUESTED,
            PROVISIONAL_ARREST_REQUESTED,
            REQUEST_SUBMITTED, REQUEST_ACKNOWLEDGED, SUPPLEMENTARY_INFORMATION_REQUESTED, CONSENT_TO_SIMPLIFIED_EXTRADITION,
            ASSURANCES_REQUESTED, ASSURANCES_PROVIDED,
            GRANTED, SURRENDER_SCHEDULED, SURRENDER_POSTPONED),
    // → RELEASED_PENDING_REQUEST from PROVISIONALLY_ARRESTED, else unchanged; only while in custody
    RECORD_RELEASE("record-release", Party.REQUESTED,
            PROVISIONALLY_ARRESTED,
            REQUEST_SUBMITTED, REQUEST_ACKNOWLEDGED, SUPPLEMENTARY_INFORMATION_REQUESTED, CONSENT_TO_SIMPLIFIED_EXTRADITION,
            ASSURANCES_REQUESTED, ASSURANCES_PROVIDED,
            GRANTED, SURRENDER_SCHEDULED, SURRENDER_POSTPONED),
    // → REQUEST_ACKNOWLEDGED
    ACKNOWLEDGE("acknowledge", Party.REQUESTED, REQUEST_SUBMITTED),
    // → SUPPLEMENTARY_INFORMATION_REQUESTED, with a time limit
    REQUEST_SUPPLEMENTARY_INFORMATION("request-supplementary-information", Party.REQUESTED, REQUEST_ACKNOWLEDGED),
    // → REQUEST_ACKNOWLEDGED
    PROVIDE_SUPPLEMENTARY_INFORMATION("provide-supplementary-information", Party.REQUESTING, SUPPLEMENTARY_INFORMATION_REQUESTED),
    // → CONSENT_TO_SIMPLIFIED_EXTRADITION if the person consents, else unchanged (the notice is recorded)
    RECORD_SIMPLIFIED_CONSENT("record-simplified-consent", Party.REQUESTED,
            PROVISIONALLY_ARRESTED, REQUEST_SUBMITTED, REQUEST_ACKNOWLEDGED),
    // → ASSURANCES_REQUESTED
    REQUEST_ASSURANCES("request-assurances", Party.REQUESTED,
            REQUEST_ACKNOWLEDGED, CONSENT_TO_SIMPLIFIED_EXTRADITION, ASSURANCES_PROVIDED),
    // → ASSURANCES_PROVIDED
    PROVIDE_ASSURANCES("provide-assurances", Party.REQUESTING, ASSURANCES_REQUESTED),
    // → GRANTED
    GRANT("grant", Party.REQUESTED,
            REQUEST_ACKNOWLEDGED, CONSENT_TO_SIMPLIFIED_EXTRADITION, ASSURANCES_PROVIDED),
    // → REFUSED
    REFUSE("refuse", Party.REQUESTED,
            REQUEST_ACKNOWLEDGED, CONSENT_TO_SIMPLIFIED_EXTRADITION, ASSURANCES_REQUESTED, ASSURANCES_PROVIDED),
    // → SUBMITTED_FOR_PROSECUTION (not after a refusal on NE_BIS_IN_IDEM)
    SUBMIT_FOR_PROSECUTION("submit-for-prosecution", Party.REQUESTED, REFUSED),
    // → PROSECUTION_OUTCOME_REPORTED
    REPORT_PROSECUTION_OUTCOME("report-prosecution-outcome", Party.REQUESTED, SUBMITTED_FOR_PROSECUTION),
    // → SURRENDER_SCHEDULED
    SCHEDULE_SURRENDER("schedule-surrender", Party.REQUESTED, GRANTED, SURRENDER_SCHEDULED, SURRENDER_POSTPONED),
    // → SURRENDER_POSTPONED
    POSTPONE_SURRENDER("postpone-surrender", Party.REQUESTED, GRANTED, SURRENDER_SCHEDULED),
    // → TEMPORARILY_SURRENDERED, with a return date
    TEMPORARY_SURRENDER("temporary-surrender", Party.REQUESTED, GRANTED, SURRENDER_SCHEDULED, SURRENDER_POSTPONED),
    // → SURRENDER_POSTPONED: the person is back, the final surrender comes later
    RECORD_RETURN("record-return", Party.REQUESTED, TEMPORARILY_SURRENDERED),
    // → SURRENDERED (from a temporary surrender: the person stays)
    RECORD_SURRENDER("record-surrender", Party.REQUESTED, SURRENDER_SCHEDULED, TEMPORARILY_SURRENDERED),
    // → CLOSED, the person released; only after the agreed date
    RECORD_NOT_TAKEN_OVER("record-not-taken-over", Party.REQUESTED, SURRENDER_SCHEDULED),
    // → unchanged; the transit State becomes a party
    REQUEST_TRANSIT("request-transit", Party.REQUESTING,
            GRANTED, SURRENDER_SCHEDULED, SURRENDER_POSTPONED, TEMPORARILY_SURRENDERED),
    // → unchanged; a refusal ends the transit State's involvement
    DECIDE_TRANSIT("decide-transit", Party.TRANSIT,
            GRANTED, SURRENDER_SCHEDULED, SURRENDER_POSTPONED, TEMPORARILY_SURRENDERED),
    // → unchanged
    RECORD_CONCURRENT_REQUESTS("record-concurrent-requests", Party.REQUESTED,
            REQUEST_SUBMITTED, REQUEST_ACKNOWLEDGED, SUPPLEMENTARY_INFORMATION_REQUESTED, CONSENT_TO_SIMPLIFIED_EXTRADITION,
            ASSURANCES_REQUESTED, ASSURANCES_PROVIDED),
    // → unchanged
    REQUEST_SPECIALITY_CONSENT("request-speciality-consent", Party.REQUESTING, SURRENDERED, TEMPORARILY_SURRENDERED),
    // → unchanged
    DECIDE_SPECIALITY_CONSENT("decide-speciality-consent", Party.REQUESTED, SURRENDERED, TEMPORARILY_SURRENDERED),
    // → unchanged
    REQUEST_RE_EXTRADITION_CONSENT("request-re-extradition-consent", Party.REQUESTING, SURRENDERED),
    // → unchanged
    DECIDE_RE_EXTRADITION_CONSENT("decide-re-extradition-consent", Party.REQUESTED, SURRENDERED),
    // → WITHDRAWN
    WITHDRAW("withdraw", Party.REQUESTING,
            PROVISIONAL_ARREST_REQUESTED, PROVISIONALLY_ARRESTED, RELEASED_PENDING_REQUEST,
            REQUEST_SUBMITTED, REQUEST_ACKNOWLEDGED, SUPPLEMENTARY_INFORMATION_REQUESTED, CONSENT_TO_SIMPLIFIED_EXTRADITION,
            ASSURANCES_REQUESTED, ASSURANCES_PROVIDED,
            GRANTED, SURRENDER_SCHEDULED, SURRENDER_POSTPONED),
    // → CLOSED; not while a consent awaits a decision, nor before the prosecution a NATIONALITY refusal requires
    CLOSE("close", Party.REQUESTING, SURRENDERED, REFUSED, PROSECUTION_OUTCOME_REPORTED),
    // → unchanged, once; the data key is destroyed (a case in progress is withdrawn first: nobody could read it on)
    ERASE_PERSONAL_DATA("erase-personal-data", Party.REQUESTING, ExtraditionStatus.WITHDRAWN, ExtraditionStatus.CLOSED),
    // → unchanged; one reminder per overdue deadline
    RECORD_OVERDUE_DEADLINES("record-overdue-deadlines", Party.SYSTEM, ExtraditionStatus.values());

    private final String pathSegment;
    private final Party by;
    private final Set<ExtraditionStatus> allowedFrom;

    ExtraditionAction(String pathSegment, Party by, ExtraditionStatus... allowedFrom) {
        this.pathSegment = pathSegment;
        this.by = by;
        EnumSet<ExtraditionStatus> from = EnumSet.noneOf(ExtraditionStatus.class);
        Collections.addAll(from, allowedFrom);
        this.allowedFrom = Collections.unmodifiableSet(from);
    }

    /** The name of the action in the API ({@code POST /api/extraditions/{id}/<pathSegment>}) and in messages. */
    public String pathSegment() {
        return pathSegment;
    }

    /** The party that may take this action. */
    public Party by() {
        return by;
    }

    @Override
    public String label() {
        return pathSegment;
    }

    @Override
    public String party() {
        return by == Party.SYSTEM ? "system" : by.name().toLowerCase(java.util.Locale.ROOT) + " State";
    }

    /** The statuses this action may be taken from (empty for the two actions that open a case). */
    public Set<ExtraditionStatus> allowedFrom() {
        return allowedFrom;
    }

    public boolean isAllowedFrom(ExtraditionStatus status) {
        return allowedFrom.contains(status);
    }

    /**
     * Whether the action may be taken on the case as it stands: from its status, and not once its personal
     * data is erased, since anything a party recorded then would be personal data nobody can read again
     * (the system's deadline reminders name nobody).
     */
    public boolean isAllowedOn(ExtraditionCase c) {
        return isAllowedFrom(c.status()) && (c.erasure() == null || by == Party.SYSTEM);
    }

    /**
     * What the State may do on the case now, by this table (the decider may still refuse one on a guard
     * beyond it, e.g. custody or dates): clients render these, never the rules.
     */
    public static java.util.List<ExtraditionAction> availableTo(ExtraditionCase c, org.mlaexchange.contracts.StateCode state) {
        if (state == null || !c.isParty(state)) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(values())
                .filter(a -> a.by != Party.SYSTEM && !a.opensCase() && a.isAllowedOn(c))
                .filter(a -> a.by == Party.TRANSIT ? c.activeTransit(state).isPresent() : state.equals(c.stateOf(a.by)))
                .toList();
    }

    /** Whether this action opens a new case (no state before it). */
    public boolean opensCase() {
        return this == REQUEST_PROVISIONAL_ARREST || this == SUBMIT_REQUEST;
    }
}
