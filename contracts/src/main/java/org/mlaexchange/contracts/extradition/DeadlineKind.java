package org.mlaexchange.contracts.extradition;

/**
 * The deadlines of an extradition case. The provisional-arrest periods are policy, configurable per
 * pair of States; the others are dates set in the case (a time limit, an agreed date).
 */
public enum DeadlineKind {
    /** The formal request has not arrived within the first period after provisional arrest: the person may be released (ECE model: 18 days). */
    FORMAL_REQUEST_RELEASE_POSSIBLE,
    /** The formal request has not arrived within the longest period after provisional arrest: the person must be released (ECE model: 40 days). */
    FORMAL_REQUEST_RELEASE_COMPULSORY,
    /** The requested State has not said whether the arrested person consents to simplified extradition (ECE model: 10 days). */
    SIMPLIFIED_CONSENT_NOTICE,
    /** Supplementary information was not provided within the time limit set by the requested State. */
    SUPPLEMENTARY_INFORMATION,
    /** The person was not taken over on the date agreed for surrender. */
    SURRENDER_TAKEOVER,
    /** A temporarily surrendered person was not returned by the agreed date. */
    TEMPORARY_SURRENDER_RETURN
}
