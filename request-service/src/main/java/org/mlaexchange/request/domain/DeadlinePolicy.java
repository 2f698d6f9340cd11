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
     * @param acknowledgement    from submission to acknowledgement
     * @param decision           from submission to the first decision on the measures
     * @param execution          from the acceptance of measures to their execution
     * @param decisionExtension  how far the one extension of the decision deadline moves it
     * @param statusAnswer       from a status question to its answer, when the question sets no date
     */
    record Deadlines(Period acknowledgement, Period decision, Period execution, Period decisionExtension, Period statusAnswer) {

        /** The European Investigation Order's extension (30 days) and two weeks to answer a status question. */
        public static final Period DEFAULT_DECISION_EXTENSION = Period.ofDays(30);
        public static final Period DEFAULT_STATUS_ANSWER = Period.ofDays(14);

        public Deadlines {
            Objects.requireNonNull(acknowledgement, "acknowledgement");
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(execution, "execution");
            Objects.requireNonNull(decisionExtension, "decisionExtension");
            Objects.requireNonNull(statusAnswer, "statusAnswer");
        }

        public Deadlines(Period acknowledgement, Period decision, Period execution) {
            this(acknowledgement, decision, execution, DEFAULT_DECISION_EXTENSION, DEFAULT_STATUS_ANSWER);
        }
    }
}
