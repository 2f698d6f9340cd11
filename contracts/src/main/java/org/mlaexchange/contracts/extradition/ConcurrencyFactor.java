package org.mlaexchange.contracts.extradition;

/** The factors a requested State weighs when several States ask for the same person (model ECE 17). */
public enum ConcurrencyFactor {
    SERIOUSNESS_OF_OFFENCES,
    PLACE_OF_COMMISSION,
    DATES_OF_REQUESTS,
    NATIONALITY_OF_PERSON,
    POSSIBILITY_OF_ONWARD_EXTRADITION,
    INTERESTS_OF_VICTIMS
}
