package org.mlaexchange.evidence.domain;

import java.util.UUID;

import org.mlaexchange.contracts.StateCode;

/** What a transfer and an item have in common for authorization: an id, two parties and a status. */
public sealed interface EvidenceCase permits Transfer, EvidenceItem {

    UUID id();

    StateCode providingState();

    StateCode receivingState();

    Enum<?> status();

    /** Whether the State is the providing or the receiving State. */
    default boolean isParty(StateCode state) {
        return providingState().equals(state) || receivingState().equals(state);
    }

    /** The State that takes the actions of that party. */
    default StateCode stateOf(Party party) {
        return switch (party) {
            case PROVIDING -> providingState();
            case RECEIVING -> receivingState();
            case EITHER, SYSTEM -> throw new IllegalArgumentException(party + " is not one State");
        };
    }
}
