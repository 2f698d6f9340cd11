package org.mlaexchange.contracts.request;

import org.mlaexchange.contracts.seal.NotPersonal;

/**
 * Progress of one measure in a progress report.
 *
 * @param status    {@link MeasureStatus#IN_EXECUTION} or {@link MeasureStatus#EXECUTED}
 * @param note      optional free text (partial results, next steps)
 * @param execution optional: what was done, recorded for the measure's kind (absent in events published before it)
 */
public record MeasureProgress(@NotPersonal String measureId, MeasureStatus status, String note, MeasureExecution execution) {

    /** Progress without an execution record. */
    public MeasureProgress(String measureId, MeasureStatus status, String note) {
        this(measureId, status, note, null);
    }
}
