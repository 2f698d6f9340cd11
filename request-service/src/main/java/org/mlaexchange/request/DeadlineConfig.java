package org.mlaexchange.request;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Deadline policy ({@code mla.deadlines.*}): ISO-8601 periods, with overrides per pair of States
 * keyed "REQUESTING-REQUESTED" (e.g. {@code mla.deadlines.pairs."NL-AR".acknowledge=P5D}). Checked when
 * the service starts ({@link DomainConfiguration#deadlinePolicy}).
 */
@ConfigMapping(prefix = "mla.deadlines")
public interface DeadlineConfig {

    @WithDefault("P7D")
    String acknowledge();

    @WithDefault("P30D")
    String decide();

    @WithDefault("P90D")
    String execute();

    /** How far the one extension of the decision deadline moves it (European Investigation Order: 30 days). */
    @WithDefault("P30D")
    String extendDecision();

    /** Time to answer a status question that sets no date of its own. */
    @WithDefault("P14D")
    String answerStatus();

    /** How often the reminder job looks for deadlines that passed. */
    @WithDefault("1m")
    Duration reminderEvery();

    /** How many requests the reminder job takes at a time. */
    @WithDefault("200")
    int reminderBatch();

    Map<String, Pair> pairs();

    /** Spontaneous information ({@code mla.deadlines.spontaneous.*}). */
    Spontaneous spontaneous();

    interface Spontaneous {
        /** From sending (or revising the conditions) to the receiving State's answer: acknowledge, or decline the conditions. */
        @WithDefault("P7D")
        String acknowledge();

        /** From a request for consent to another use to the providing State's decision. */
        @WithDefault("P30D")
        String decideUseConsent();
    }

    interface Pair {
        Optional<String> acknowledge();

        Optional<String> decide();

        Optional<String> execute();

        Optional<String> extendDecision();

        Optional<String> answerStatus();
    }
}
