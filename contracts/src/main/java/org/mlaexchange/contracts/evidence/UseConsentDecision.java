package org.mlaexchange.contracts.evidence;

/** The providing State's answer to a request for use consent. */
public enum UseConsentDecision {
    GRANTED,
    /** Granted; the conditions bind the receiving State like use limits. */
    GRANTED_WITH_CONDITIONS,
    /** Denied, with reasons. */
    DENIED;

    /** Whether the use asked for may take place. */
    public boolean permits() {
        return this != DENIED;
    }
}
