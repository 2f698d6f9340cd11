package org.mlaexchange.extradition.events;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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
import org.mlaexchange.platform.seal.OpenedLog;

/**
 * Extradition events to and from the event log: stable type names, typed payloads (their personal data
 * sealed by the log, opened here with the case's key), the parties who may see each event, and the fold
 * behind the auditors' as-of view (redacted as {@link Disclosure} says for the auditor asking).
 */
@ApplicationScoped
public class ExtraditionEventCodec implements CaseProjector {

    private final CurrentCaller caller;
    private final Disclosure disclosure;
    private final OpenedLog log;

    public ExtraditionEventCodec(CurrentCaller caller, Disclosure disclosure, OpenedLog log) {
        this.caller = caller;
        this.disclosure = disclosure;
        this.log = log;
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

    /** The typed event of a log entry whose personal data is opened already (or was never sealed). */
    public static ExtraditionEvent fromCloudEvent(CloudEvent event) {
        return EventJson.fromData(event.data(), ExtraditionEventTypes.classOf(event.type()));
    }

    /** One case's events as published (up to {@code asOf}, {@code null}: all), personal data opened ("erased" once erased). */
    public List<CloudEvent> history(String caseId, Instant asOf) {
        return log.caseEvents(caseId, asOf, ExtraditionEventTypes::classOf);
    }

    /** The case one case's events fold to, personal data opened ("erased" where its key was destroyed). */
    public ExtraditionCase fold(List<CloudEvent> events) {
        return log.fold(events, ExtraditionEventTypes::classOf, ExtraditionDecider::fold);
    }

    /** Erases the case's personal data in the unit recording the erasure: its key destroyed, the case folded again. */
    public ExtraditionCase erase(ExtraditionEvent.PersonalDataErased erased) {
        return log.erase(erased.caseId().toString(), erased.erasedBy(), erased.reason(), erased.erasedAt(),
                ExtraditionEventTypes::classOf, ExtraditionDecider::fold);
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
