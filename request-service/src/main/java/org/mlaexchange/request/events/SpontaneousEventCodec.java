package org.mlaexchange.request.events;

import java.util.List;
import java.util.Set;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent;
import org.mlaexchange.contracts.request.SpontaneousInformationEventTypes;
import org.mlaexchange.platform.eventlog.NewEvent;
import org.mlaexchange.request.domain.SpontaneousInformationCase;

/**
 * Spontaneous information events to the event log they share with the requests (which seals their personal data);
 * they are read back opened through {@link RequestEventCodec} and {@link org.mlaexchange.platform.seal.OpenedLog}.
 */
public final class SpontaneousEventCodec {

    private SpontaneousEventCodec() {
    }

    public static NewEvent toLogEntry(SpontaneousInformationCase after, SpontaneousInformationEvent event, StateCode actor) {
        return new NewEvent(event.informationId().toString(), SpontaneousInformationEventTypes.typeOf(event), actor,
                Set.of(after.providingState(), after.receivingState()), event);
    }

    /** Whether a case's events are spontaneous information (its first event says it). */
    public static boolean isSpontaneousInformation(List<CloudEvent> events) {
        return !events.isEmpty() && SpontaneousInformationEventTypes.isSpontaneousInformation(events.get(0).type());
    }
}
