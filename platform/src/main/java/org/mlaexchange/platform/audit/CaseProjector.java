package org.mlaexchange.platform.audit;

import java.util.List;
import org.mlaexchange.contracts.events.CloudEvent;

/**
 * Implemented by each service: folds one case's events (in {@code caseseq} order) into the case as
 * the service's own API shows it, so an as-of view and the live view can be compared.
 */
public interface CaseProjector {

    Object project(List<CloudEvent> events);
}
