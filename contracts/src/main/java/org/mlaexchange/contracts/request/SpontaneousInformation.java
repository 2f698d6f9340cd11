package org.mlaexchange.contracts.request;

import java.util.List;
import org.mlaexchange.contracts.seal.NotPersonal;

/**
 * Information a State sends without a prior request (domain.md §3, spontaneous information): what it is
 * about and the information itself. {@code providingAuthority.address}, {@code legalQualification},
 * {@code personsConcerned} and the contact's phone are optional.
 *
 * @param summary          the information itself, in words
 * @param personsConcerned as in a request: a protected person's identity reaches only the two States' central authorities
 */
public record SpontaneousInformation(
        Authority providingAuthority,
        String subjectMatter,
        String summary,
        LegalQualification legalQualification,
        List<PersonConcerned> personsConcerned,
        ContactPerson contact,
        @NotPersonal String language) {

    public SpontaneousInformation {
        personsConcerned = ContractLists.copy(personsConcerned);
    }
}
