package org.mlaexchange.contracts.evidence;

/**
 * What a receiving State uses an evidence item for. Under the speciality of evidence (model UNTOC
 * 18(19)) only the first is free; the others need the providing State's prior consent.
 */
public enum UsePurpose {
    /** The proceedings named in the request: no consent needed. */
    PROCEEDINGS_OF_REQUEST,
    /** Other proceedings of the receiving State: prior consent needed. */
    OTHER_PROCEEDINGS,
    /** Transmission to a third State: prior consent needed. */
    ONWARD_TRANSFER;

    /** Whether this use needs the providing State's prior consent. */
    public boolean needsConsent() {
        return this != PROCEEDINGS_OF_REQUEST;
    }
}
