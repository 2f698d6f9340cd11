package org.mlaexchange.platform.projection;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mlaexchange.contracts.events.EventJson;

/**
 * Feeds {@link KnownRequests} from the {@code request-events} channel (topic {@code mla.request.events},
 * from the earliest offset). Included in services that set {@code mla.projections.requests=true}.
 */
@ApplicationScoped
@IfBuildProperty(name = "mla.projections.requests", stringValue = "true")
public class RequestEventsConsumer {

    private final KnownRequests knownRequests;

    public RequestEventsConsumer(KnownRequests knownRequests) {
        this.knownRequests = knownRequests;
    }

    @Incoming("request-events")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        knownRequests.apply(EventJson.parse(record.value()));
    }
}
