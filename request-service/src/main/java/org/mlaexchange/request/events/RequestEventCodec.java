package org.mlaexchange.request.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.request.RequestEventTypes;
import org.mlaexchange.platform.audit.CaseProjector;
import org.mlaexchange.platform.eventlog.NewEvent;
import org.mlaexchange.platform.seal.CaseDataKeys;
import org.mlaexchange.request.domain.MlaRequest;
import org.mlaexchange.request.domain.RequestDecider;

/**
 * Request events to and from the event log: stable type names, typed payloads (their personal data
 * sealed by the log, opened here with the request's key), folding for as-of views.
 */
@ApplicationScoped
public class RequestEventCodec implements CaseProjector {

    private final CaseDataKeys keys;

    public RequestEventCodec(CaseDataKeys keys) {
        this.keys = keys;
    }

    public NewEvent toLogEntry(MlaRequest request, RequestEvent event, StateCode actor) {
        return new NewEvent(event.requestId().toString(), RequestEventTypes.typeOf(event), actor,
                Set.of(request.requestingState(), request.requestedState()), event);
    }

    public static RequestEvent fromCloudEvent(CloudEvent event) {
        return EventJson.fromData(event.data(), RequestEventTypes.classOf(event.type()));
    }

    /** The request its events fold to, personal data opened ("erased" where its key was destroyed). */
    @Override
    public MlaRequest project(List<CloudEvent> events) {
        List<CloudEvent> opened = events.isEmpty() ? events : keys.open(events.get(0).subject(), events);
        return RequestDecider.fold(opened.stream().map(RequestEventCodec::fromCloudEvent).toList());
    }
}
