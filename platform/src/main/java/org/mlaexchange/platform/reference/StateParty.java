package org.mlaexchange.platform.reference;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.mlaexchange.contracts.StateCode;

/**
 * A State as configured in the reference data (domain.md §1), with the dates that say from when the
 * Convention binds it: signature, ratification (deposit of its instrument), entry into force for it,
 * provisional application of a Part before that; and its dated declarations and reservations.
 *
 * @param signedOn        {@code null} when not signed
 * @param ratifiedOn      deposit of the instrument of ratification, acceptance, approval or accession; {@code null} if none yet
 * @param entryIntoForce  the day the Convention enters into force for this State; {@code null} while it does not
 */
public record StateParty(
        StateCode code,
        String name,
        CentralAuthority centralAuthority,
        List<String> acceptedLanguages,
        List<String> channels,
        LocalDate signedOn,
        LocalDate ratifiedOn,
        LocalDate entryIntoForce,
        List<AnnexDeclaration> annexDeclarations,
        List<Reservation> reservations,
        List<ProvisionalApplication> provisionalApplication) {

    public StateParty {
        annexDeclarations = annexDeclarations == null ? List.of() : List.copyOf(annexDeclarations);
        reservations = reservations == null ? List.of() : List.copyOf(reservations);
        provisionalApplication = provisionalApplication == null ? List.of() : List.copyOf(provisionalApplication);
        if (entryIntoForce != null && ratifiedOn == null) {
            throw new IllegalArgumentException(code + ": an entry into force needs the date of ratification (ratifiedOn)");
        }
        if (entryIntoForce != null && entryIntoForce.isBefore(ratifiedOn)) {
            throw new IllegalArgumentException(code + ": entry into force " + entryIntoForce + " is before ratification " + ratifiedOn);
        }
    }

    public record CentralAuthority(String name, String address, String contact, String urgentContact) {
    }

    /** Extension to an annex crime by declaration (Art. 2(2)); versioned by its dates. */
    public record AnnexDeclaration(String annex, LocalDate declaredOn, LocalDate effectiveFrom, LocalDate withdrawnOn) {
        public boolean inForceOn(LocalDate date) {
            return inForce(effectiveFrom, withdrawnOn, date);
        }
    }

    /**
     * A reservation or interpretative declaration on a provision (named as the State names it), with its dates.
     *
     * @param withdrawnOn {@code null} while it stands
     */
    public record Reservation(String provision, String text, LocalDate madeOn, LocalDate effectiveFrom, LocalDate withdrawnOn) {
        public boolean inForceOn(LocalDate date) {
            return inForce(effectiveFrom, withdrawnOn, date);
        }
    }

    /** A Part the State applies before the Convention enters into force for it (domain.md §1: NL applies Part III from 15 Feb 2024). */
    public record ProvisionalApplication(String part, LocalDate from) {
    }

    public boolean accepts(String language) {
        return acceptedLanguages.contains(language);
    }

    public boolean annexInForce(String annex, LocalDate on) {
        return annexDeclarations.stream().anyMatch(d -> d.annex().equals(annex) && d.inForceOn(on));
    }

    public List<Reservation> reservationsInForce(LocalDate on) {
        return reservations.stream().filter(r -> r.inForceOn(on)).toList();
    }

    /**
     * Whether the Convention binds this State on that day: in force for it, or applied provisionally
     * (a provisionally applied Part counts for the whole case until the Parts each kind of cooperation
     * falls under are confirmed).
     */
    public boolean boundOn(LocalDate on) {
        return notBoundReason(on).isEmpty();
    }

    /** Why the Convention does not bind this State on that day, in words for the central authority; empty when it does. */
    public Optional<String> notBoundReason(LocalDate on) {
        if (entryIntoForce != null && !on.isBefore(entryIntoForce)) {
            return Optional.empty();
        }
        if (provisionalApplication.stream().anyMatch(p -> !on.isBefore(p.from()))) {
            return Optional.empty();
        }
        String reason;
        if (entryIntoForce != null) {
            reason = "the Convention enters into force for " + code + " on " + entryIntoForce;
        } else if (ratifiedOn != null) {
            reason = code + " ratified the Convention on " + ratifiedOn + " but it has not entered into force for it";
        } else if (signedOn != null) {
            reason = code + " signed the Convention on " + signedOn + " but has not ratified it";
        } else {
            reason = code + " has neither signed nor ratified the Convention";
        }
        Optional<LocalDate> provisionalFrom = provisionalApplication.stream().map(ProvisionalApplication::from).min(LocalDate::compareTo);
        return Optional.of(reason + provisionalFrom.map(d -> ", and applies it provisionally only from " + d).orElse(""));
    }

    private static boolean inForce(LocalDate from, LocalDate withdrawnOn, LocalDate date) {
        return !date.isBefore(from) && (withdrawnOn == null || date.isBefore(withdrawnOn));
    }
}
