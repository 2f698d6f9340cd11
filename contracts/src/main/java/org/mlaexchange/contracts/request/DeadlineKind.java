package org.mlaexchange.contracts.request;

/** The deadlines of a request. Their lengths are policy, configurable per pair of States. */
public enum DeadlineKind {
    ACKNOWLEDGEMENT,
    DECISION,
    EXECUTION
}
