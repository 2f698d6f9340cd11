package org.mlaexchange.extradition.events;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.extradition.ExtraditionEvent;
import org.mlaexchange.contracts.extradition.ExtraditionEventTypes;
import org.mlaexchange.extradition.domain.ExtraditionCase;
import org.mlaexchange.extradition.domain.ExtraditionDecider;
import org.mlaexchange.extradition.security.Disclosure;
import org.mlaexchange.platform.audit.CaseProjector;
import org.mlaexchange.platform.eventlog.NewEvent;
import org.mlaexchange.platform.identity.CurrentCaller;

/**
 * Extradition events to and from the event log: stable type names, typed payloads, the parties who may
 * see each event, and the fold behind the auditors' as-of view (redacted as {@link Disclosure} says for
 * the auditor asking).
 */
@ApplicationScoped
public class ExtraditionEventCodec implements CaseProjector {

    private final CurrentCaller caller;
    private final Disclosure disclosure;

    public ExtraditionEventCodec(CurrentCaller caller, Disclosure disclosure) {
        this.caller = caller;
        this.disclosure = disclosure;
    }

    /**
     * The log entry of one event. Its parties (who may replay it) are the requesting and requested States,
     * the transit States involved once the event happened, and the State that took it: a transit State
     * keeps the record of its own refusal, but not of the surrender that ended its involvement.
     */
    public NewEvent toLogEntry(ExtraditionCase after, ExtraditionEvent event, StateCode actor) {
        Set<StateCode> parties = new LinkedHashSet<>(List.of(after.requestingState(), after.requestedState()));
        parties.addAll(after.activeTransitStates());
        if (actor != null) {
            parties.add(actor);
        }
        return new NewEvent(event.caseId().toString(), ExtraditionEventTypes.typeOf(event), actor, parties, event);
    }

    public static ExtraditionEvent fromCloudEvent(CloudEvent event) {
        return EventJson.fromData(event.data(), ExtraditionEventTypes.classOf(event.type()));
    }

    public static ExtraditionCase fold(List<CloudEvent> events) {
        return ExtraditionDecider.fold(events.stream().map(ExtraditionEventCodec::fromCloudEvent).toList());
    }

    /** The case as of its last event, as the calling auditor may see it (outside a request: unredacted, for internal use). */
    @Override
    public Object project(List<CloudEvent> events) {
        ExtraditionCase state = fold(events);
        ManagedContext requestContext = Arc.container().requestContext();
        if (state == null || !requestContext.isActive()) {
            return state;
        }
        return disclosure.caseFor(caller.get(), state, List.of());
    }
}
