package org.mlaexchange.contracts.request;

/** Where a case of spontaneous information stands (domain.md §3, spontaneous information). */
public enum SpontaneousStatus {
    /** Sent by the providing State, not yet answered by the receiving State. */
    SENT,
    /** The receiving State acknowledged receipt; the conditions bind it. */
    ACKNOWLEDGED,
    /** The receiving State cannot accept the conditions: it must not use the information. */
    CONDITIONS_DECLINED,
    /** The receiving State returned or destroyed the information unused. */
    RETURNED,
    /** Closed by the providing State. */
    CLOSED
}
