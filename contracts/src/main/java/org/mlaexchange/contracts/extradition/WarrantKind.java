package org.mlaexchange.contracts.extradition;

/** What the request rests on: a warrant of arrest (prosecution) or an enforceable judgment (sentence). */
public enum WarrantKind {
    ARREST_WARRANT,
    CONVICTION_JUDGMENT
}
