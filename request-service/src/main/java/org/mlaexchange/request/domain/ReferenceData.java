package org.mlaexchange.request.domain;

import java.time.LocalDate;

import org.mlaexchange.contracts.StateCode;

/** Versioned reference data about the States, looked up when a request is submitted or amended. */
public interface ReferenceData {

    /** Whether the State is a known State Party (ratified or applying Part III provisionally) on that date. */
    boolean isStateParty(StateCode state, LocalDate on);

    /**
     * Why the State is not a State Party on that date, as the central authority reads it; empty when it is.
     * The legal basis of a case is the Convention in force between its States on the day it is opened.
     */
    default java.util.Optional<String> notStatePartyReason(StateCode state, LocalDate on) {
        return isStateParty(state, on) ? java.util.Optional.empty() : java.util.Optional.of(state + " is not a State Party on " + on);
    }

    /** Whether the State accepts incoming requests in that language (ISO 639-1 code). */
    boolean acceptsLanguage(StateCode state, String language);

    /** Whether the State's declaration extending the Convention to that annex (e.g. "E") is in force on that date (Art. 2(2)). */
    boolean annexDeclarationInForce(StateCode state, String annex, LocalDate on);
}
