package org.mlaexchange.platform.identity;

import java.util.Collection;
import java.util.Set;
import org.mlaexchange.contracts.StateCode;

/**
 * Who is calling: the State whose identity provider signed the token (never a field the caller
 * sends), or the independent oversight body, with the caller's roles.
 */
public record Caller(StateCode state, boolean oversight, String subject, Set<String> roles) {

    public static final String CENTRAL_AUTHORITY = "central-authority";
    public static final String AUDITOR = "auditor";

    /** Parties see their cases; oversight auditors see every case; anyone else is told it does not exist. */
    public boolean maySee(Collection<StateCode> parties) {
        return (oversight && roles.contains(AUDITOR)) || (state != null && parties.contains(state));
    }

    /** The acting State; oversight callers never act on a case. */
    public StateCode actingState() {
        if (state == null) {
            throw new IllegalStateException("the oversight body does not act on cases");
        }
        return state;
    }
}
