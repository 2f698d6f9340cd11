package org.mlaexchange.platform.eventlog;

import java.util.Set;
import org.mlaexchange.contracts.StateCode;

/**
 * A domain event to append: its case, stable type, the acting State (null for the system, e.g. a
 * deadline reminder), the States party to the case (who may see it) and its typed payload.
 */
public record NewEvent(String caseId, String type, StateCode actorState, Set<StateCode> parties, Object payload) {
}
