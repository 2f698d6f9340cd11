package org.mlaexchange.contracts.extradition;

import java.time.LocalDate;

/** The warrant of arrest or judgment an extradition request rests on. */
public record WarrantReference(WarrantKind kind, String reference, String issuingAuthority, LocalDate issuedOn) {
}
