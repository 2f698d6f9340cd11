package org.mlaexchange.extradition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.extradition.ArrivalChannel;
import org.mlaexchange.extradition.domain.ExtraditionDecider;
import org.mlaexchange.extradition.domain.ExtraditionPolicy;
import org.mlaexchange.extradition.domain.ReferenceData;
import org.mlaexchange.platform.reference.StateRegistry;

/** Wires the framework-free extradition domain to the shared State registry and the configured clock periods. */
@ApplicationScoped
public class DomainConfiguration {

    @Produces
    @Singleton
    ExtraditionDecider extraditionDecider(StateRegistry registry, ExtraditionConfig config) {
        return new ExtraditionDecider(new RegistryReferenceData(registry), policy(config));
    }

    static ExtraditionPolicy policy(ExtraditionConfig config) {
        ExtraditionPolicy.Periods fallback = new ExtraditionPolicy.Periods(config.releasePossible(), config.releaseCompulsory(),
                config.simplifiedConsentNotice());
        return (requesting, requested) -> {
            ExtraditionConfig.PairPeriods agreed = config.pairs().get(requesting.value() + "-" + requested.value());
            return agreed == null ? fallback : new ExtraditionPolicy.Periods(
                    agreed.releasePossible().orElse(fallback.releasePossible()),
                    agreed.releaseCompulsory().orElse(fallback.releaseCompulsory()),
                    agreed.simplifiedConsentNotice().orElse(fallback.simplifiedConsentNotice()));
        };
    }

    /** The States Parties, the channels each accepts and their annex declarations, as the registry holds them. */
    record RegistryReferenceData(StateRegistry registry) implements ReferenceData {

        @Override
        public boolean acceptsChannel(StateCode state, ArrivalChannel channel) {
            return registry.find(state).map(party -> party.channels().contains(channel.name())).orElse(false);
        }

        @Override
        public boolean isStateParty(StateCode state, LocalDate on) {
            return registry.isStateParty(state, on);
        }

        @Override
        public java.util.Optional<String> notStatePartyReason(StateCode state, LocalDate on) {
            return registry.notStatePartyReason(state, on);
        }

        @Override
        public boolean annexDeclarationInForce(StateCode state, String annex, LocalDate on) {
            return registry.annexInForce(state, annex, on);
        }
    }
}
