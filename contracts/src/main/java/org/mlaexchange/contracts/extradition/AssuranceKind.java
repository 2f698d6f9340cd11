package org.mlaexchange.contracts.extradition;

/** What an assurance given by the requesting State is about. */
public enum AssuranceKind {
    /** The death penalty will not be imposed or, if imposed, not carried out. */
    DEATH_PENALTY,
    /** A life sentence will be reviewable. */
    LIFE_SENTENCE_REVIEW,
    /** Conditions of detention (place, treatment, monitoring visits). */
    DETENTION_CONDITIONS,
    /** A retrial after a judgment in absentia, and the rights of the defence. */
    RETRIAL_AFTER_IN_ABSENTIA,
    /** Any other assurance; the text says what. */
    OTHER
}
