package org.mlaexchange.evidence.domain;

/** Who may take an action on a transfer or an item. */
public enum Party {
    /** The central authority of the State that hands the evidence over. */
    PROVIDING,
    /** The central authority of the other party of the request, to which the evidence is handed over. */
    RECEIVING,
    /** Either of the two (each under its own rules, e.g. the speciality of evidence for the receiving State). */
    EITHER,
    /** The system itself, never a State: a transition that follows from others. */
    SYSTEM
}
