package org.mlaexchange.evidence.domain;

/** Status of a transfer. COMPLETED and CANCELLED are terminal. */
public enum TransferStatus {
    /** Items are being registered and their content stored. */
    OPEN,
    /** Sealed and handed over: no more items, nothing changes. */
    DISPATCHED,
    /** The receiving State's receipts cover every item. */
    COMPLETED,
    /** Cancelled by the providing State before dispatch. */
    CANCELLED
}
