package org.mlaexchange.evidence.domain;

/** Status of an evidence item along its chain of custody. RETURNED and DISPOSED are terminal. */
public enum ItemStatus {
    /** Metadata registered; a physical object stays here until dispatch. */
    REGISTERED,
    /** Content stored, its digest computed. */
    CONTENT_STORED,
    /** Sealed and dispatched with its transfer; awaiting the receiving State's receipt. */
    DISPATCHED,
    /** Receipt recorded and what was received matches what was sealed. */
    VERIFIED,
    /** Receipt recorded with a discrepancy: nobody may access the content. */
    QUARANTINED,
    /** Back with the providing State. */
    RETURNED,
    /** Disposed of by the receiving State. */
    DISPOSED
}
