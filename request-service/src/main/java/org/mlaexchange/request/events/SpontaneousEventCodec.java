package org.mlaexchange.request.events;

import java.util.List;
import java.util.Set;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent;
import org.mlaexchange.contracts.request.SpontaneousInformationEventTypes;
import org.mlaexchange.platform.eventlog.NewEvent;
import org.mlaexchange.request.domain.SpontaneousDecider;
import org.mlaexchange.request.domain.SpontaneousInformationCase;

/** Spontaneous information events to and from the event log they share with the requests. */
public final class SpontaneousEventCodec {

    private SpontaneousEventCodec() {
    }

    public static NewEvent toLogEntry(SpontaneousInformationCase after, SpontaneousInformationEvent event, StateCode actor) {
        return new NewEvent(event.informationId().toString(), SpontaneousInformationEventTypes.typeOf(event), actor,
                Set.of(after.providingState(), after.receivingState()), event);
    }

    public static SpontaneousInformationEvent fromCloudEvent(CloudEvent event) {
        return EventJson.fromData(event.data(), SpontaneousInformationEventTypes.classOf(event.type()));
    }

    public static SpontaneousInformationCase fold(List<CloudEvent> events) {
        return SpontaneousDecider.fold(events.stream().map(SpontaneousEventCodec::fromCloudEvent).toList());
    }

    /** Whether a case's events are spontaneous information (its first event says it). */
    public static boolean isSpontaneousInformation(List<CloudEvent> events) {
        return !events.isEmpty() && SpontaneousInformationEventTypes.isSpontaneousInformation(events.get(0).type());
    }
}
