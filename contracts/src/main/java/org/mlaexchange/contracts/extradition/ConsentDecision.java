package org.mlaexchange.contracts.extradition;

/** The surrendering State's answer to a request for consent (rule of speciality, re-extradition). */
public enum ConsentDecision {
    GRANTED,
    /** Granted; the conditions bind the requesting State. */
    GRANTED_WITH_CONDITIONS,
    DENIED
}
