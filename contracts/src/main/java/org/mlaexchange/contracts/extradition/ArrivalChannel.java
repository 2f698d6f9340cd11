package org.mlaexchange.contracts.extradition;

/** The channel a request came through; each State declares the channels it accepts. */
public enum ArrivalChannel {
    /** Directly between central authorities. */
    DIRECT,
    DIPLOMATIC,
    /** Through INTERPOL, for urgent requests; never used for the data of a protected person. */
    INTERPOL,
    ELECTRONIC
}
