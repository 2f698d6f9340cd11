package org.mlaexchange.extradition;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Period;
import java.util.Map;
import java.util.Optional;

/**
 * Extradition policy ({@code mla.extradition.*}): the periods of the provisional-arrest clock as ISO-8601
 * periods, with overrides per pair of States keyed "REQUESTING-REQUESTED"
 * (e.g. {@code mla.extradition.pairs."NL-AR".release-possible=P20D}).
 */
@ConfigMapping(prefix = "mla.extradition")
public interface ExtraditionConfig {

    /** From the day of the provisional arrest until the person may be released without a formal request. */
    @WithDefault("P18D")
    Period releasePossible();

    /** From the day of the provisional arrest until the person must be released without a formal request. */
    @WithDefault("P40D")
    Period releaseCompulsory();

    /** From the day of the arrest until the requested State says whether the person consents to simplified extradition. */
    @WithDefault("P10D")
    Period simplifiedConsentNotice();

    /** How often the reminder job looks for deadlines that passed. */
    @WithDefault("1m")
    Duration reminderEvery();

    Map<String, PairPeriods> pairs();

    /** Periods agreed between two States; an absent one falls back to the default. */
    interface PairPeriods {
        Optional<Period> releasePossible();

        Optional<Period> releaseCompulsory();

        Optional<Period> simplifiedConsentNotice();
    }
}
