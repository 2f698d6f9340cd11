package org.mlaexchange.contracts.extradition;

import java.time.LocalDate;

/**
 * Place and date agreed for surrender (model ECE 18). The person is to be taken over on that date.
 *
 * @param details optional (escort, flight, contact on the day)
 */
public record SurrenderArrangements(String place, LocalDate date, String details) {
}
