package org.mlaexchange.contracts.extradition;

import org.mlaexchange.contracts.seal.NotPersonal;

/**
 * An identifier of a person sought.
 *
 * @param issuingState ISO 3166-1 alpha-2 code of the State that issued it (optional)
 */
public record PersonIdentifier(IdentifierKind kind, String value, @NotPersonal String issuingState) {
}
