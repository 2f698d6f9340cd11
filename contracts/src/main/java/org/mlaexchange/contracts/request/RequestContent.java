package org.mlaexchange.contracts.request;

import org.mlaexchange.contracts.seal.NotPersonal;

import java.time.LocalDate;
import java.util.List;

/**
 * The content of a mutual legal assistance request, one version of it (an answer to a request for
 * information is a new version; old versions are kept). Content as in the model instruments (UNTOC
 * 18(15)).
 *
 * <p>Required: {@code requestingAuthority}, {@code proceedingsAuthority}, {@code proceedings},
 * {@code summaryOfFacts}, {@code legalQualification}, {@code measures} (one or more), {@code purpose},
 * {@code contact}, {@code language} (ISO 639-1, e.g. "en").
 *
 * <p>Optional ({@code null} or empty when absent): {@code procedures}, {@code personsConcerned},
 * {@code confidentialityReasons}, {@code urgencyReasons}, {@code desiredDate},
 * {@code officialsPresenceRequested} with {@code officialsPresenceDetails}, {@code attachments}.
 * Lists are never null once built.
 */
public record RequestContent(
        Authority requestingAuthority,
        Authority proceedingsAuthority,
        Proceedings proceedings,
        String summaryOfFacts,
        LegalQualification legalQualification,
        List<MeasureRequest> measures,
        String purpose,
        ContactPerson contact,
        @NotPersonal String language,
        List<RequestedProcedure> procedures,
        List<PersonConcerned> personsConcerned,
        String confidentialityReasons,
        String urgencyReasons,
        LocalDate desiredDate,
        boolean officialsPresenceRequested,
        String officialsPresenceDetails,
        List<Attachment> attachments) {

    public RequestContent {
        measures = ContractLists.copy(measures);
        procedures = ContractLists.copy(procedures);
        personsConcerned = ContractLists.copy(personsConcerned);
        attachments = ContractLists.copy(attachments);
    }
}
