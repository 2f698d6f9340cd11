package org.mlaexchange.contracts.request;

/** Nature of the proceedings a request relates to. */
public enum ProceedingsNature {
    INVESTIGATION,
    PROSECUTION,
    JUDICIAL_PROCEEDINGS
}
