package org.mlaexchange.contracts.extradition;

/** Kinds of identifiers of a person sought. */
public enum IdentifierKind {
    PASSPORT,
    NATIONAL_IDENTITY_NUMBER,
    /** An INTERPOL notice number. */
    INTERPOL_NOTICE,
    /** A reference to a fingerprint record. */
    FINGERPRINT_RECORD,
    OTHER
}
