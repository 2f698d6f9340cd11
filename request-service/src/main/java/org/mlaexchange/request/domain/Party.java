package org.mlaexchange.request.domain;

/** Who may take an action on a request. */
public enum Party {
    /** The central authority of the State that made the request. */
    REQUESTING,
    /** The central authority of the State asked to assist. */
    REQUESTED,
    /** The system itself (scheduled jobs), never a State. */
    SYSTEM
}
