package org.mlaexchange.contracts.request;

/** Why execution is postponed: typically it would interfere with an ongoing domestic case. */
public enum PostponementReason {
    ONGOING_DOMESTIC_INVESTIGATION,
    ONGOING_DOMESTIC_PROSECUTION,
    ONGOING_DOMESTIC_PROCEEDINGS_OTHER,
    /** Any other reason; the written reasons must explain it. */
    OTHER
}
