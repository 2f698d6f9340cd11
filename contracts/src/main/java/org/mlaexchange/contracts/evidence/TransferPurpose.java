package org.mlaexchange.contracts.evidence;

/**
 * Why a transfer is made, which follows from the case it is made for and its direction between the case's
 * two States. Values are only added.
 */
public enum TransferPurpose {
    /** The requested State hands over what it obtained in execution of the request. */
    EXECUTION_RESULTS,
    /** The requesting State provides supporting material for its own request (e.g. documents for a hearing). */
    SUPPORTING_MATERIAL,
    /**
     * The providing State hands over evidence items with information it sent without a request (domain.md §3,
     * spontaneous information); the transfer's {@code requestId} is then the spontaneous information's id.
     */
    SPONTANEOUS_INFORMATION
}
