package org.mlaexchange.contracts.request;

/** The deadlines of a request (and of spontaneous information: its acknowledgement, a use-consent decision). Their lengths are policy, configurable per pair of States. */
public enum DeadlineKind {
    ACKNOWLEDGEMENT,
    DECISION,
    EXECUTION,
    /** Information asked for by the requested State: owed by the requesting State. */
    INFORMATION,
    /** The review date of a postponement. */
    POSTPONEMENT_REVIEW,
    /** The answer to a status question. */
    STATUS_ANSWER,
    /** The return of a person temporarily transferred to the requesting State: owed by the requesting State. */
    PERSON_RETURN,
    /** Spontaneous information: the providing State's decision on a request for consent to another use. */
    USE_CONSENT_DECISION
}
