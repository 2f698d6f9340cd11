package org.mlaexchange.contracts.extradition;

/** Outcome of the domestic prosecution after a refusal to extradite (aut dedere aut judicare). */
public enum ProsecutionOutcome {
    /** The prosecuting authorities decided not to prosecute; the details give their reasons. */
    NOT_PROSECUTED,
    CONVICTED,
    ACQUITTED,
    /** Proceedings were opened and then discontinued. */
    DISCONTINUED
}
