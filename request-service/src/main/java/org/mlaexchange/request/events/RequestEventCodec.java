package org.mlaexchange.request.events;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.request.RequestEventTypes;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent;
import org.mlaexchange.contracts.request.SpontaneousInformationEventTypes;
import org.mlaexchange.platform.audit.CaseProjector;
import org.mlaexchange.platform.eventlog.NewEvent;
import org.mlaexchange.platform.identity.CurrentCaller;
import org.mlaexchange.platform.seal.OpenedLog;
import org.mlaexchange.request.domain.MlaRequest;
import org.mlaexchange.request.domain.RequestDecider;
import org.mlaexchange.request.domain.SpontaneousDecider;
import org.mlaexchange.request.domain.SpontaneousInformationCase;
import org.mlaexchange.request.security.RequestDisclosure;
import org.mlaexchange.request.security.SpontaneousDisclosure;

/**
 * Request events to and from the event log: stable type names, typed payloads (their personal data
 * sealed by the log, opened here with the request's key), and the fold behind the auditors' as-of view
 * (redacted as {@link RequestDisclosure} says for the auditor asking).
 */
@ApplicationScoped
public class RequestEventCodec implements CaseProjector {

    private final CurrentCaller caller;
    private final RequestDisclosure disclosure;
    private final OpenedLog log;
    private final SpontaneousDisclosure spontaneousDisclosure;

    public RequestEventCodec(CurrentCaller caller, RequestDisclosure disclosure, OpenedLog log,
                             SpontaneousDisclosure spontaneousDisclosure) {
        this.caller = caller;
        this.disclosure = disclosure;
        this.log = log;
        this.spontaneousDisclosure = spontaneousDisclosure;
    }

    public NewEvent toLogEntry(MlaRequest request, RequestEvent event, StateCode actor) {
        return new NewEvent(event.requestId().toString(), RequestEventTypes.typeOf(event), actor,
                Set.of(request.requestingState(), request.requestedState()), event);
    }

    /** The typed event of a log entry whose personal data is opened already (or was never sealed). */
    public static RequestEvent fromCloudEvent(CloudEvent event) {
        return EventJson.fromData(event.data(), RequestEventTypes.classOf(event.type()));
    }

    /** One case's events with their personal data opened; "erased" once its key was destroyed, in events stored in clear too. */
    public List<CloudEvent> opened(String caseId, List<CloudEvent> events) {
        return log.opened(caseId, events, RequestEventTypes::classOf);
    }

    /** The request one case's events fold to, personal data opened ("erased" where its key was destroyed). */
    public MlaRequest fold(List<CloudEvent> events) {
        return log.fold(events, RequestEventTypes::classOf, RequestDecider::fold);
    }

    /** Erases the request's personal data in the unit recording the erasure: its key destroyed, the request folded again. */
    public MlaRequest erase(String caseId, RequestEvent.PersonalDataErased erased) {
        return log.erase(caseId, erased.erasedBy(), erased.reason(), erased.erasedAt(), RequestEventTypes::classOf, RequestDecider::fold);
    }

    /** Erases spontaneous information's personal data as a request's ({@link #erase(String, RequestEvent.PersonalDataErased)}). */
    public SpontaneousInformationCase erase(SpontaneousInformationEvent.PersonalDataErased erased) {
        return log.erase(erased.informationId().toString(), erased.erasedBy(), erased.reason(), erased.erasedAt(),
                SpontaneousInformationEventTypes::classOf, SpontaneousDecider::fold);
    }

    /**
     * The request (or spontaneous information, which shares the log) as of its last event, as the calling
     * auditor may see it (outside a request: unredacted, for internal use).
     */
    @Override
    public Object project(List<CloudEvent> events) {
        boolean active = Arc.container().requestContext().isActive();
        if (SpontaneousEventCodec.isSpontaneousInformation(events)) {
            SpontaneousInformationCase state = log.fold(events, SpontaneousInformationEventTypes::classOf, SpontaneousDecider::fold);
            return active ? spontaneousDisclosure.caseFor(caller.get(), state) : state;
        }
        MlaRequest state = fold(events);
        if (state == null || !active) {
            return state;
        }
        return disclosure.requestFor(caller.get(), state);
    }
}
