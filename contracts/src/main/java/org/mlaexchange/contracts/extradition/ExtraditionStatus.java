package org.mlaexchange.contracts.extradition;

/**
 * Status of an extradition case. WITHDRAWN and CLOSED are terminal; a refusal still leads to the
 * prosecution follow-up (aut dedere aut judicare) and a surrender to the consents of the rule of
 * speciality, so REFUSED and SURRENDERED are not.
 */
public enum ExtraditionStatus {
    /** An urgent request for provisional arrest arrived; the person is not yet arrested. */
    PROVISIONAL_ARREST_REQUESTED,
    /** The person is provisionally arrested and the clock for the formal request runs. */
    PROVISIONALLY_ARRESTED,
    /** The person was released before the formal request arrived; re-arrest is possible once it does. */
    RELEASED_PENDING_REQUEST,
    REQUEST_SUBMITTED,
    REQUEST_ACKNOWLEDGED,
    SUPPLEMENTARY_INFORMATION_REQUESTED,
    CONSENT_TO_SIMPLIFIED_EXTRADITION,
    ASSURANCES_REQUESTED,
    ASSURANCES_PROVIDED,
    GRANTED,
    SURRENDER_SCHEDULED,
    SURRENDERED,
    SURRENDER_POSTPONED,
    TEMPORARILY_SURRENDERED,
    REFUSED,
    SUBMITTED_FOR_PROSECUTION,
    PROSECUTION_OUTCOME_REPORTED,
    WITHDRAWN,
    CLOSED
}
