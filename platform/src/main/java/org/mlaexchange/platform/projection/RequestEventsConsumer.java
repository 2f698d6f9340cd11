package org.mlaexchange.platform.projection;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds {@link KnownRequests} from the {@code request-events} channel (topic {@code mla.request.events},
 * from the earliest offset), a poll at a time. Included in services that set {@code mla.projections.requests=true}.
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

    /**
     * The records of one poll ({@code batch=true} on the channel), applied in one transaction; a record that is not a
     * valid request event, or cannot be applied, is quarantined and the projection goes on. A case's records share a
     * partition, which the batch keeps in offset order.
     */
    @Incoming("request-events")
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> polled = new ArrayList<>(records.count());
        records.forEach(polled::add);
        quarantine.guardAll(polled, SOURCE, knownRequests::apply);
    }
}
