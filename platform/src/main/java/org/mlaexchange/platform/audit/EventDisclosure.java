package org.mlaexchange.platform.audit;

import org.mlaexchange.platform.identity.Caller;

/**
 * What an auditor may see of one stored event when replaying the log. A service whose events carry
 * data some auditors must not see (protected persons, domain.md §5) replaces what they may not see
 * and marks the event with {@link org.mlaexchange.contracts.events.ChainVerifier#REDACTED}, keeping
 * its {@code hash}: verifiers then check the event by its place in the chain and the signed Merkle root.
 */
public interface EventDisclosure {

    /**
     * @param parties the States party to the event's case, as stored ({@code ,NL,SN,})
     * @param eventJson the event as stored (canonical JSON)
     */
    String forReader(Caller caller, String parties, String eventJson);

    static boolean isParty(Caller caller, String parties) {
        return caller.state() != null && parties.contains("," + caller.state().value() + ",");
    }
}
