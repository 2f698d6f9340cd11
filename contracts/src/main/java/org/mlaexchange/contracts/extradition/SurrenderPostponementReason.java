package org.mlaexchange.contracts.extradition;

/** Why surrender is postponed (model ECE 19): the person is needed at home first. */
public enum SurrenderPostponementReason {
    /** The person is being proceeded against in the requested State for another offence. */
    DOMESTIC_PROCEEDINGS,
    /** The person is serving a sentence in the requested State for another offence. */
    SERVING_SENTENCE
}
