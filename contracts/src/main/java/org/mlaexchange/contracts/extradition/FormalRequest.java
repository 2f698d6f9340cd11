package org.mlaexchange.contracts.extradition;

import java.util.List;

import org.mlaexchange.contracts.request.ContactPerson;

/**
 * The formal extradition request (model ECE 12): the person, the offences, the warrant or judgment it
 * rests on and the supporting documents. Every field is required; {@code offences} and
 * {@code documents} hold one or more entries.
 */
public record FormalRequest(
        PersonSought person,
        List<Offence> offences,
        WarrantReference warrant,
        List<SupportingDocument> documents,
        ContactPerson contact) {

    public FormalRequest {
        offences = ContractLists.copy(offences);
        documents = ContractLists.copy(documents);
    }
}
