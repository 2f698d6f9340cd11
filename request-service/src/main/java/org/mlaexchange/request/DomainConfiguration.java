package org.mlaexchange.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.LocalDate;
import java.time.Period;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.platform.reference.StateRegistry;
import org.mlaexchange.request.domain.DeadlinePolicy;
import org.mlaexchange.request.domain.ReferenceData;
import org.mlaexchange.request.domain.RequestDecider;

/** Wires the framework-free domain to the shared reference data and the configured deadline policy. */
@ApplicationScoped
public class DomainConfiguration {

    @Produces
    @ApplicationScoped
    RequestDecider decider(StateRegistry states, DeadlineConfig deadlines) {
        return new RequestDecider(referenceData(states), deadlinePolicy(deadlines));
    }

    static ReferenceData referenceData(StateRegistry states) {
        return new ReferenceData() {
            @Override
            public boolean isStateParty(StateCode state, LocalDate on) {
                return states.isStateParty(state);
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

    static DeadlinePolicy deadlinePolicy(DeadlineConfig config) {
        DeadlinePolicy.Deadlines defaults = new DeadlinePolicy.Deadlines(Period.parse(config.acknowledge()),
                Period.parse(config.decide()), Period.parse(config.execute()));
        return (requesting, requested) -> {
            DeadlineConfig.Pair pair = config.pairs().get(requesting.value() + "-" + requested.value());
            if (pair == null) {
                return defaults;
            }
            return new DeadlinePolicy.Deadlines(
                    pair.acknowledge().map(Period::parse).orElse(defaults.acknowledgement()),
                    pair.decide().map(Period::parse).orElse(defaults.decision()),
                    pair.execute().map(Period::parse).orElse(defaults.execution()));
        };
    }
}
