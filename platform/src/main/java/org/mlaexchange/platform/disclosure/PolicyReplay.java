package org.mlaexchange.platform.disclosure;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mlaexchange.contracts.events.ChainVerifier;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.platform.audit.EventDisclosure;
import org.mlaexchange.platform.identity.Caller;

/**
 * The audit replay under {@link DisclosurePolicy}: an event that may carry withheld data is parsed,
 * redacted for the reader's {@link Audience}, and marked {@value ChainVerifier#REDACTED} with the reason;
 * it keeps its {@code hash}, so verifiers check it by its place in the chain and the signed Merkle root.
 * Events that cannot carry such data are passed on as stored, unparsed.
 */
public abstract class PolicyReplay implements EventDisclosure {

    @Override
    public String forReader(Caller caller, String parties, String eventJson) {
        Audience audience = Audience.of(caller, EventDisclosure.isParty(caller, parties));
        if (!mayCarry(audience, eventJson)) {
            return eventJson;
        }
        ObjectNode event = (ObjectNode) EventJson.tree(eventJson);
        String reason = redact(caller, audience, event);
        if (reason == null) {
            return eventJson;
        }
        event.put(ChainVerifier.REDACTED, reason);
        return event.toString();
    }

    /** A cheap look at the stored text: whether this event may carry anything this audience must not see. */
    protected abstract boolean mayCarry(Audience audience, String eventJson);

    /** Redacts the parsed event in place for the audience; returns the mark, or {@code null} if nothing was withheld. */
    protected abstract String redact(Caller caller, Audience audience, ObjectNode event);
}
