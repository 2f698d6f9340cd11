package org.mlaexchange.platform.reference;

import java.time.LocalDate;
import java.util.List;
import org.mlaexchange.contracts.StateCode;

/** A State Party as configured in the reference data (domain.md §1). */
public record StateParty(
        StateCode code,
        String name,
        CentralAuthority centralAuthority,
        List<String> acceptedLanguages,
        List<String> channels,
        List<AnnexDeclaration> annexDeclarations,
        List<ProvisionalApplication> provisionalApplication) {

    public record CentralAuthority(String name, String address, String contact, String urgentContact) {
    }

    /** Extension to an annex crime by declaration (Art. 2(2)); versioned by its dates. */
    public record AnnexDeclaration(String annex, LocalDate declaredOn, LocalDate effectiveFrom, LocalDate withdrawnOn) {
        public boolean inForceOn(LocalDate date) {
            return !date.isBefore(effectiveFrom) && (withdrawnOn == null || date.isBefore(withdrawnOn));
        }
    }

    public record ProvisionalApplication(String part, LocalDate from) {
    }

    public boolean accepts(String language) {
        return acceptedLanguages.contains(language);
    }

    public boolean annexInForce(String annex, LocalDate on) {
        return annexDeclarations.stream().anyMatch(d -> d.annex().equals(annex) && d.inForceOn(on));
    }
}
