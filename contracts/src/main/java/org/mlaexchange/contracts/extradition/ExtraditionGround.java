package org.mlaexchange.contracts.extradition;

/**
 * The closed list of grounds on which a requested State may refuse extradition. Codes are stable.
 * Some grounds oblige the requested State to refuse, the others allow it to.
 */
public enum ExtraditionGround {
    // No political-offence ground: genocide, crimes against humanity and war crimes are not political offences.
    /** Substantial grounds to believe the request aims at persecution on prohibited grounds. */
    DISCRIMINATION(true),
    /** A real risk of torture or cruel, inhuman or degrading treatment in the requesting State. */
    TORTURE_RISK(true),
    /** The person has already been finally judged for the same conduct. */
    NE_BIS_IN_IDEM(true),
    /** The person is a national of the requested State (which must then submit the case to its own prosecutors). */
    NATIONALITY(false),
    /** The offence is punishable by death in the requesting State and no sufficient assurances were given. */
    DEATH_PENALTY(false),
    /** The requested State prosecutes the person for the same conduct. */
    PENDING_DOMESTIC_PROCEEDINGS(false),
    /** A judgment in absentia without guarantees of a retrial or of the rights of the defence. */
    IN_ABSENTIA_WITHOUT_GUARANTEES(false);

    private final boolean mandatory;

    ExtraditionGround(boolean mandatory) {
        this.mandatory = mandatory;
    }

    /** Whether the requested State must refuse on this ground (otherwise it may). */
    public boolean mandatory() {
        return mandatory;
    }
}
