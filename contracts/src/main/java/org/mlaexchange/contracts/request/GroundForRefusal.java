package org.mlaexchange.contracts.request;

/**
 * The closed list of grounds on which a requested State may refuse assistance, in whole or per
 * measure. Codes are stable. Bank secrecy, the fiscal nature of an offence and the political offence
 * exception are not grounds (the crimes covered are not political offences).
 */
public enum GroundForRefusal {
    /** The request does not conform to the Convention. */
    NOT_IN_CONFORMITY,
    /** Execution would prejudice sovereignty, security, ordre public or other essential interests. */
    ESSENTIAL_INTERESTS,
    /** The domestic law of the requested State prohibits the action requested. */
    DOMESTIC_LAW_PROHIBITS,
    /** Substantial grounds to believe the request aims at persecution on prohibited grounds. */
    DISCRIMINATION,
    /** The person has already been finally judged for the same conduct. */
    NE_BIS_IN_IDEM,
    /** The offence is punishable by death and no sufficient assurances were given. */
    DEATH_PENALTY,
    /** Any other ground; the written reasons must explain it. */
    OTHER
}
