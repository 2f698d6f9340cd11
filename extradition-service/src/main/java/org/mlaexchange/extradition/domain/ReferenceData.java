package org.mlaexchange.extradition.domain;

import java.time.LocalDate;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.extradition.ArrivalChannel;

/** Versioned reference data about the States, looked up when a case is opened or a State is named in it. */
public interface ReferenceData {

    /** Whether the State is a known State Party (ratified or applying the Convention provisionally) on that date. */
    boolean isStateParty(StateCode state, LocalDate on);

    /**
     * Why the State is not a State Party on that date, as the central authority reads it; empty when it is.
     * The legal basis of a case is the Convention in force between its States on the day it is opened.
     */
    default java.util.Optional<String> notStatePartyReason(StateCode state, LocalDate on) {
        return isStateParty(state, on) ? java.util.Optional.empty() : java.util.Optional.of(state + " is not a State Party on " + on);
    }

    /** Whether the State accepts incoming requests through that channel. */
    boolean acceptsChannel(StateCode state, ArrivalChannel channel);

    /** Whether the State's declaration extending the Convention to that annex (e.g. "E") is in force on that date (Art. 2(2)). */
    boolean annexDeclarationInForce(StateCode state, String annex, LocalDate on);
}
