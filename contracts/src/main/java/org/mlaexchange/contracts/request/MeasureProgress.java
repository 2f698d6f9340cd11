package org.mlaexchange.contracts.request;

import org.mlaexchange.contracts.seal.NotPersonal;

/**
 * Progress of one measure in a progress report.
 *
 * @param status {@link MeasureStatus#IN_EXECUTION} or {@link MeasureStatus#EXECUTED}
 * @param note   optional free text (partial results, next steps)
 */
public record MeasureProgress(@NotPersonal String measureId, MeasureStatus status, String note) {
}
