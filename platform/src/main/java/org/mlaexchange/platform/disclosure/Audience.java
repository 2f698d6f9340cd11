package org.mlaexchange.platform.disclosure;

import org.mlaexchange.platform.identity.Caller;

/**
 * Whom a case is shown to, for what it may contain (domain.md §6, Arts 81–83). A State not party to the
 * case never gets this far: the case does not exist for it (404).
 */
public enum Audience {
    /** A central authority of a State party to the case: sees everything. */
    PARTY_CENTRAL_AUTHORITY,
    /** An auditor of a State party to the case: sees what its State's central authority sees, and acts on nothing. */
    PARTY_AUDITOR,
    /** The independent oversight body's auditors: the structure of every case, not who is protected nor confidential facts. */
    OVERSIGHT;

    /**
     * @param party whether the caller's State is party to the case (or to the event's case)
     */
    public static Audience of(Caller caller, boolean party) {
        if (!party || caller.state() == null) {
            return OVERSIGHT;
        }
        return caller.roles().contains(Caller.CENTRAL_AUTHORITY) ? PARTY_CENTRAL_AUTHORITY : PARTY_AUDITOR;
    }

    /** Who a protected person is (names, identifiers, whereabouts): the parties only. */
    public boolean seesProtectedIdentity() {
        return this != OVERSIGHT;
    }

    /** The facts of a confidential request or item (what happened, to whom, why): the parties only. */
    public boolean seesConfidentialFacts() {
        return this != OVERSIGHT;
    }
}
