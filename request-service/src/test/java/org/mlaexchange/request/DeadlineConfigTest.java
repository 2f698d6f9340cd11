package org.mlaexchange.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.request.domain.DeadlinePolicy;
import org.mlaexchange.request.domain.DeadlinePolicy.Deadlines;

/** The deadline policy as configured: defaults, per-pair overrides, and wrong settings refused at start-up. */
class DeadlineConfigTest {

    private static final StateCode NL = StateCode.of("NL");
    private static final StateCode AR = StateCode.of("AR");
    private static final StateCode SN = StateCode.of("SN");

    private static DeadlinePolicy policy(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(DeadlineConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()) // Quarkus's "1m", as in application.properties
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return DomainConfiguration.deadlinePolicy(config.getConfigMapping(DeadlineConfig.class));
    }

    @Test
    void without_settings_the_european_investigation_order_defaults_apply() {
        assertEquals(new Deadlines(Period.ofDays(7), Period.ofDays(30), Period.ofDays(90), Period.ofDays(30), Period.ofDays(14)),
                policy(Map.of()).deadlinesFor(NL, AR));
    }

    @Test
    void a_pair_of_states_overrides_what_it_sets_in_its_direction_only() {
        DeadlinePolicy policy = policy(Map.of(
                "mla.deadlines.decide", "P40D",
                "mla.deadlines.pairs.\"NL-AR\".acknowledge", "P5D",
                "mla.deadlines.pairs.\"NL-AR\".extend-decision", "P15D",
                "mla.deadlines.pairs.\"AR-SN\".answer-status", "P1W"));

        assertEquals(new Deadlines(Period.ofDays(5), Period.ofDays(40), Period.ofDays(90), Period.ofDays(15), Period.ofDays(14)),
                policy.deadlinesFor(NL, AR));
        assertEquals(new Deadlines(Period.ofDays(7), Period.ofDays(40), Period.ofDays(90), Period.ofDays(30), Period.ofDays(14)),
                policy.deadlinesFor(AR, NL), "the other direction keeps the defaults");
        assertEquals(Period.ofWeeks(1), policy.deadlinesFor(AR, SN).statusAnswer());
    }

    @Test
    void a_wrong_period_is_refused_at_start_up_with_its_property() {
        IllegalArgumentException notAPeriod = assertThrows(IllegalArgumentException.class,
                () -> policy(Map.of("mla.deadlines.pairs.\"NL-AR\".decide", "30 days")));
        assertTrue(notAPeriod.getMessage().contains("mla.deadlines.pairs.\"NL-AR\".decide=30 days"), notAPeriod.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> policy(Map.of("mla.deadlines.extend-decision", "P0D")));
        assertTrue(zero.getMessage().contains("longer than zero"), zero.getMessage());
    }

    @Test
    void a_pair_is_two_different_state_codes() {
        for (String key : new String[] {"NL", "NL-nl", "NL-NL", "NL-AR-SN"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> policy(Map.of("mla.deadlines.pairs.\"" + key + "\".decide", "P20D")), key);
            assertTrue(e.getMessage().contains("requesting-requested"), e.getMessage());
        }
    }
}
