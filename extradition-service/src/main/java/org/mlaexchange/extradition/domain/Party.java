package org.mlaexchange.extradition.domain;

/** Who may take an action on an extradition case. */
public enum Party {
    /** The central authority of the State that seeks the person. */
    REQUESTING,
    /** The central authority of the State where the person is. */
    REQUESTED,
    /** The central authority of a third State asked to let the person through, while its involvement is active. */
    TRANSIT,
    /** The system itself (scheduled jobs), never a State. */
    SYSTEM
}
