package org.mlaexchange.contracts.extradition;

import java.time.LocalDate;
import java.util.List;

/**
 * The person whose extradition is sought. Personal data: only the parties see it, lists show minimal
 * fields.
 *
 * @param names           one or more full names, as written in the warrant
 * @param aliases         other names used (may be empty)
 * @param dateOfBirth     optional
 * @param placeOfBirth    optional
 * @param nationalities   ISO 3166-1 alpha-2 codes (may be empty)
 * @param identifiers     passports, identity numbers, notices (may be empty)
 * @param description     physical description, optional
 * @param protectedPerson the person's data are protected (Arts 81–83): shown only to the parties'
 *                        central authorities and never sent through INTERPOL
 */
public record PersonSought(
        List<String> names,
        List<String> aliases,
        LocalDate dateOfBirth,
        String placeOfBirth,
        List<String> nationalities,
        List<PersonIdentifier> identifiers,
        String description,
        boolean protectedPerson) {

    public PersonSought {
        names = ContractLists.copy(names);
        aliases = ContractLists.copy(aliases);
        nationalities = ContractLists.copy(nationalities);
        identifiers = ContractLists.copy(identifiers);
    }
}
