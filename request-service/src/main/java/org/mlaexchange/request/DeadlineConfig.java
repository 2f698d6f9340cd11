package org.mlaexchange.request;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Deadline policy ({@code mla.deadlines.*}): ISO-8601 periods, with overrides per pair of States
 * keyed "REQUESTING-REQUESTED" (e.g. {@code mla.deadlines.pairs."NL-AR".acknowledge=P5D}).
 */
@ConfigMapping(prefix = "mla.deadlines")
public interface DeadlineConfig {

    @WithDefault("P7D")
    String acknowledge();

    @WithDefault("P30D")
    String decide();

    @WithDefault("P90D")
    String execute();

    /** How often the reminder job looks for deadlines that passed. */
    @WithDefault("1m")
    Duration reminderEvery();

    Map<String, Pair> pairs();

    interface Pair {
        Optional<String> acknowledge();

        Optional<String> decide();

        Optional<String> execute();
    }
}
