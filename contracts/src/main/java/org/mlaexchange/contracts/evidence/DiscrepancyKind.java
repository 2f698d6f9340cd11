package org.mlaexchange.contracts.evidence;

/** What did not match when the receiving State recorded its receipt of an item. */
public enum DiscrepancyKind {
    /** The receiving State's SHA-256 of the content differs from the one sealed at dispatch. */
    DIGEST_MISMATCH,
    /** The seal number found on a physical object differs from the one sealed at dispatch. */
    SEAL_MISMATCH
}
