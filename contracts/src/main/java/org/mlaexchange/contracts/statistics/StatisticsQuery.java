package org.mlaexchange.contracts.statistics;

import java.time.Instant;
import java.time.LocalDate;
import org.mlaexchange.contracts.StateCode;

/**
 * Which cases the figures cover.
 *
 * @param state       the State whose cases (as requesting or requested State) are counted; {@code null}: every case (oversight)
 * @param counterpart only cases with this State on the other side (for the oversight body: as either party); may be {@code null}
 * @param from        cases opened at or after; may be {@code null}
 * @param to          cases opened before; may be {@code null}
 * @param today       the day (UTC) against which due dates are compared
 */
public record StatisticsQuery(StateCode state, StateCode counterpart, Instant from, Instant to, LocalDate today) {

    boolean covers(CaseFigures c) {
        if (c.requesting == null || c.openedAt == null) {
            return false;
        }
        boolean party = state == null || state.equals(c.requesting) || state.equals(c.requested);
        boolean withCounterpart = counterpart == null || (state == null
                ? counterpart.equals(c.requesting) || counterpart.equals(c.requested)
                : counterpart.equals(state.equals(c.requesting) ? c.requested : c.requesting));
        return party && withCounterpart && (from == null || !c.openedAt.isBefore(from)) && (to == null || c.openedAt.isBefore(to));
    }
}
