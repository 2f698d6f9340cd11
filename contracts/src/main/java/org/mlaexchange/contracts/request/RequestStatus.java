package org.mlaexchange.contracts.request;

/** Status of a mutual legal assistance request. REFUSED, CLOSED and WITHDRAWN are terminal. */
public enum RequestStatus {
    SUBMITTED,
    ACKNOWLEDGED,
    UNDER_ASSESSMENT,
    INFORMATION_REQUESTED,
    CONSULTATION,
    POSTPONED,
    CONDITIONS_PROPOSED,
    /** The requested State cannot keep the request confidential; the requesting State continues or withdraws. */
    CONFIDENTIALITY_NOT_ASSURED,
    REFUSED,
    ACCEPTED,
    IN_EXECUTION,
    PARTIALLY_EXECUTED,
    EXECUTED,
    CLOSED,
    WITHDRAWN
}
