package org.mlaexchange.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.platform.reference.StateRegistry;
import org.mlaexchange.request.domain.DeadlinePolicy;
import org.mlaexchange.request.domain.ReferenceData;
import org.mlaexchange.request.domain.RequestDecider;
import org.mlaexchange.request.domain.SpontaneousDecider;

/** Wires the framework-free domain to the shared reference data and the configured deadline policy. */
@ApplicationScoped
public class DomainConfiguration {

    @Produces
    @ApplicationScoped
    RequestDecider decider(StateRegistry states, DeadlineConfig deadlines) {
        return new RequestDecider(referenceData(states), deadlinePolicy(deadlines));
    }

    @Produces
    @ApplicationScoped
    SpontaneousDecider spontaneousDecider(StateRegistry states, DeadlineConfig deadlines) {
        return new SpontaneousDecider(referenceData(states), spontaneousDeadlines(deadlines));
    }

    /** The configured periods of spontaneous information, parsed now (a wrong one stops the service at start-up). */
    static SpontaneousDecider.Deadlines spontaneousDeadlines(DeadlineConfig config) {
        return new SpontaneousDecider.Deadlines(
                period("mla.deadlines.spontaneous.acknowledge", config.spontaneous().acknowledge()),
                period("mla.deadlines.spontaneous.decide-use-consent", config.spontaneous().decideUseConsent()));
    }

    static ReferenceData referenceData(StateRegistry states) {
        return new ReferenceData() {
            @Override
            public boolean isStateParty(StateCode state, LocalDate on) {
                return states.isStateParty(state, on);
            }

            @Override
            public java.util.Optional<String> notStatePartyReason(StateCode state, LocalDate on) {
                return states.notStatePartyReason(state, on);
            }

            @Override
            public boolean acceptsLanguage(StateCode state, String language) {
                return states.accepts(state, language);
            }

            @Override
            public boolean annexDeclarationInForce(StateCode state, String annex, LocalDate on) {
                return states.annexInForce(state, annex, on);
            }
        };
    }

    /**
     * The configured policy, every period parsed now: a wrong period or pair of States stops the service
     * at start-up instead of failing a request later.
     */
    static DeadlinePolicy deadlinePolicy(DeadlineConfig config) {
        DeadlinePolicy.Deadlines defaults = new DeadlinePolicy.Deadlines(
                period("mla.deadlines.acknowledge", config.acknowledge()),
                period("mla.deadlines.decide", config.decide()),
                period("mla.deadlines.execute", config.execute()),
                period("mla.deadlines.extend-decision", config.extendDecision()),
                period("mla.deadlines.answer-status", config.answerStatus()));
        Map<String, DeadlinePolicy.Deadlines> pairs = new HashMap<>();
        config.pairs().forEach((key, pair) -> {
            String[] states = key.split("-", -1);
            if (states.length != 2 || !states[0].matches("[A-Z]{2}") || !states[1].matches("[A-Z]{2}") || states[0].equals(states[1])) {
                throw new IllegalArgumentException("mla.deadlines.pairs.\"" + key
                        + "\": a pair is two different ISO 3166-1 alpha-2 codes, requesting-requested, e.g. \"NL-AR\"");
            }
            String prefix = "mla.deadlines.pairs.\"" + key + "\".";
            pairs.put(key, new DeadlinePolicy.Deadlines(
                    pair.acknowledge().map(p -> period(prefix + "acknowledge", p)).orElse(defaults.acknowledgement()),
                    pair.decide().map(p -> period(prefix + "decide", p)).orElse(defaults.decision()),
                    pair.execute().map(p -> period(prefix + "execute", p)).orElse(defaults.execution()),
                    pair.extendDecision().map(p -> period(prefix + "extend-decision", p)).orElse(defaults.decisionExtension()),
                    pair.answerStatus().map(p -> period(prefix + "answer-status", p)).orElse(defaults.statusAnswer())));
        });
        return (requesting, requested) -> pairs.getOrDefault(requesting.value() + "-" + requested.value(), defaults);
    }

    private static Period period(String property, String value) {
        Period period;
        try {
            period = Period.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(property + "=" + value + ": not an ISO-8601 period such as P30D", e);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException(property + "=" + value + ": a deadline must be longer than zero");
        }
        return period;
    }
}
