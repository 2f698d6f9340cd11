package org.mlaexchange.request.domain;

import java.time.Period;
import java.util.Objects;

import org.mlaexchange.contracts.StateCode;

/**
 * Deadline lengths for requests from one State to another. The Convention sets no day counts for
 * mutual legal assistance: they are policy, configured per pair of States (defaults chosen by the
 * caller, e.g. the European Investigation Order's 7 / 30 / 90 days).
 */
public interface DeadlinePolicy {

    Deadlines deadlinesFor(StateCode requestingState, StateCode requestedState);

    /**
     * @param acknowledgement from submission to acknowledgement
     * @param decision        from submission to the first decision on the measures
     * @param execution       from the acceptance of measures to their execution
     */
    record Deadlines(Period acknowledgement, Period decision, Period execution) {
        public Deadlines {
            Objects.requireNonNull(acknowledgement, "acknowledgement");
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(execution, "execution");
        }
    }
}
