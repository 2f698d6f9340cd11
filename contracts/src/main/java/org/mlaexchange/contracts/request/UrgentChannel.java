package org.mlaexchange.contracts.request;

/**
 * How an urgent request also travels, besides the Exchange (domain.md §1: the channels a State accepts).
 * Codes are stable: they appear in published events.
 */
public enum UrgentChannel {
    /** Only through the Exchange, between the central authorities (the default). */
    EXCHANGE,
    /** A copy through INTERPOL, which leaves the Exchange: never for a request naming a protected person (Arts 81–83). */
    INTERPOL
}
