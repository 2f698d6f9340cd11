package org.mlaexchange.contracts.seal;

/**
 * The legal ground on which a case's personal data is erased (its data key destroyed): the grounds for
 * erasure of the data-protection law the States Parties apply to criminal-justice data (on the model of
 * Directive (EU) 2016/680, Art. 16).
 */
public enum ErasureReason {
    /** The retention period set for the data ended (an operator's retention rule or the supplying State). */
    RETENTION_PERIOD_ENDED,
    /** The data are no longer needed for the purpose they were supplied for. */
    PURPOSE_FULFILLED,
    /** The processing infringes the applicable data-protection rules. */
    UNLAWFUL_PROCESSING,
    /** A court or supervisory authority ordered the erasure. */
    ERASURE_ORDERED,
    /** The supplying State withdrew the data it supplied. */
    WITHDRAWN_BY_SUPPLYING_STATE
}
