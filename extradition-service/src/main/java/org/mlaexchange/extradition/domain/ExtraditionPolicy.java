package org.mlaexchange.extradition.domain;

import java.time.Period;
import java.util.Objects;

import org.mlaexchange.contracts.StateCode;

/**
 * The periods of the provisional-arrest clock between one State and another. They are policy,
 * configured per pair of States; defaults are chosen by the caller (ECE model: release possible after
 * 18 days, compulsory after 40; the simplified-extradition consent notified within 10 days).
 */
public interface ExtraditionPolicy {

    Periods periodsFor(StateCode requestingState, StateCode requestedState);

    /**
     * Each period runs from the day of the provisional arrest.
     *
     * @param releasePossible         until the person may be released if no formal request arrived
     * @param releaseCompulsory       until the person must be released if no formal request arrived
     * @param simplifiedConsentNotice until the requested State says whether the person consents to simplified extradition
     */
    record Periods(Period releasePossible, Period releaseCompulsory, Period simplifiedConsentNotice) {
        public Periods {
            Objects.requireNonNull(releasePossible, "releasePossible");
            Objects.requireNonNull(releaseCompulsory, "releaseCompulsory");
            Objects.requireNonNull(simplifiedConsentNotice, "simplifiedConsentNotice");
        }
    }
}
