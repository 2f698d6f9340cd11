package org.mlaexchange.contracts.extradition;

/**
 * A transit State's decision on a request to convey the person through its territory. Air transit
 * without a planned landing needs no decision, only notification (model ECE 21).
 */
public enum TransitDecision {
    AUTHORISED,
    REFUSED
}
