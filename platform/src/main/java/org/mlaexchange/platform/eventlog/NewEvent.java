package org.mlaexchange.platform.eventlog;

import java.util.Set;
import org.mlaexchange.contracts.StateCode;

/**
 * A domain event to append: its case, stable type, the acting State (null for the system, e.g. a
 * deadline reminder), the States party to the case (who may see it) and its typed payload.
 *
 * @param sealingCaseId the case whose data key seals the event's personal data: its own case, unless cases
 *                      share one key (an evidence item's events are sealed with its transfer's key, so that
 *                      erasing the transfer erases its items too)
 */
public record NewEvent(String caseId, String type, StateCode actorState, Set<StateCode> parties, Object payload, String sealingCaseId) {

    /** An event sealed with its own case's data key. */
    public NewEvent(String caseId, String type, StateCode actorState, Set<StateCode> parties, Object payload) {
        this(caseId, type, actorState, parties, payload, caseId);
    }
}
