package org.mlaexchange.platform.eventlog;

import java.util.Set;
import org.mlaexchange.contracts.StateCode;

/** For the history loader (request-service tests): the parties column exactly as {@link EventLog} stores it. */
public final class LoaderColumns {

    private LoaderColumns() {
    }

    public static String parties(Set<StateCode> parties) {
        return EventLog.partiesColumn(parties);
    }
}
