package org.mlaexchange.contracts.extradition;

/** Why the requested State released the person sought. */
public enum ReleaseReason {
    /** The formal request did not arrive in time after provisional arrest. */
    FORMAL_REQUEST_NOT_RECEIVED,
    /** A court released the person, with or without conditions, while the proceedings go on. */
    COURT_ORDER,
    /** Any other reason; the details must explain it. */
    OTHER
}
