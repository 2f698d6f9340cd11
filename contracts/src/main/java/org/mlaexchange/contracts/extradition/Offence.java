package org.mlaexchange.contracts.extradition;

import java.time.LocalDate;

import org.mlaexchange.contracts.request.LegalQualification;

/**
 * An offence for which extradition is sought: its legal qualification (crime category, annex, law,
 * penalty), what happened, when and where.
 *
 * @param committedFrom first (or only) day of the conduct, as precise as known
 * @param committedTo   last day of the conduct, optional (absent for a single day)
 */
public record Offence(
        LegalQualification qualification,
        String description,
        LocalDate committedFrom,
        LocalDate committedTo,
        String place) {
}
