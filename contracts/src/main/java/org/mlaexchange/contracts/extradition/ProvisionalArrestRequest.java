package org.mlaexchange.contracts.extradition;

import java.util.List;

import org.mlaexchange.contracts.request.ContactPerson;

/**
 * An urgent request for provisional arrest (model ECE 16): it states that a warrant exists and that a
 * formal request will follow, names the offences and describes the person.
 *
 * <p>Required: {@code person}, {@code offences} (one or more), {@code warrant}, {@code urgencyReasons},
 * {@code contact}, and {@code formalRequestToFollow} true. Optional: {@code whereabouts}.
 */
public record ProvisionalArrestRequest(
        PersonSought person,
        List<Offence> offences,
        WarrantReference warrant,
        String whereabouts,
        String urgencyReasons,
        ContactPerson contact,
        boolean formalRequestToFollow) {

    public ProvisionalArrestRequest {
        offences = ContractLists.copy(offences);
    }
}
