package org.mlaexchange.contracts.evidence;

/** Why a transfer is made, which follows from its direction between the parties of the request. */
public enum TransferPurpose {
    /** The requested State hands over what it obtained in execution of the request. */
    EXECUTION_RESULTS,
    /** The requesting State provides supporting material for its own request (e.g. documents for a hearing). */
    SUPPORTING_MATERIAL
}
