package org.mlaexchange.evidence.domain;

import java.util.UUID;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.evidence.UsePurpose;
import org.mlaexchange.contracts.rules.DomainException;

/**
 * The receiving State's use of an item goes beyond the proceedings of the request without a consent
 * that permits it (speciality of evidence, model UNTOC 18(19)): 403 with the reason.
 */
public final class UseNotPermitted extends DomainException.NotPermitted {

    private static final long serialVersionUID = 1L;
    private final transient StateCode state;
    private final UUID itemId;
    private final UsePurpose purpose;

    public UseNotPermitted(StateCode state, UUID itemId, UsePurpose purpose, String reason) {
        super("use-not-permitted", "use of item " + itemId + " for " + purpose + " is not permitted: " + reason, reason);
        this.state = state;
        this.itemId = itemId;
        this.purpose = purpose;
    }

    public StateCode state() {
        return state;
    }

    public UUID itemId() {
        return itemId;
    }

    public UsePurpose purpose() {
        return purpose;
    }
}
