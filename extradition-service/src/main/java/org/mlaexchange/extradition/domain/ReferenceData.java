package org.mlaexchange.extradition.domain;

import java.time.LocalDate;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.extradition.ArrivalChannel;

/** Versioned reference data about the States, looked up when a case is opened or a State is named in it. */
public interface ReferenceData {

    /** Whether the State is a known State Party (ratified or applying the Convention provisionally) on that date. */
    boolean isStateParty(StateCode state, LocalDate on);

    /** Whether the State accepts incoming requests through that channel. */
    boolean acceptsChannel(StateCode state, ArrivalChannel channel);

    /** Whether the State's declaration extending the Convention to that annex (e.g. "E") is in force on that date (Art. 2(2)). */
    boolean annexDeclarationInForce(StateCode state, String annex, LocalDate on);
}
