package org.mlaexchange.contracts.request;

/** Status of one measure of a request: each measure is decided and executed on its own. */
public enum MeasureStatus {
    PENDING,
    ACCEPTED,
    IN_EXECUTION,
    EXECUTED,
    REFUSED,
    /** Accepted, then found impossible to execute: closed with reasons (like a refusal, it ends the measure). */
    IMPOSSIBLE
}
