package org.mlaexchange.platform.projection;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds {@link KnownRequests} from the {@code request-events} channel (topic {@code mla.request.events},
 * from the earliest offset). Included in services that set {@code mla.projections.requests=true}.
 */
@ApplicationScoped
@IfBuildProperty(name = "mla.projections.requests", stringValue = "true")
public class RequestEventsConsumer {

    static final String SOURCE = "/mla-exchange/request-service";

    private final KnownRequests knownRequests;
    private final Quarantine quarantine;

    public RequestEventsConsumer(KnownRequests knownRequests, Quarantine quarantine) {
        this.knownRequests = knownRequests;
        this.quarantine = quarantine;
    }

    /** A record that is not a valid request event, or cannot be applied, is quarantined; the projection goes on. */
    @Incoming("request-events")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        quarantine.guard(record, SOURCE, knownRequests::apply);
    }
}
