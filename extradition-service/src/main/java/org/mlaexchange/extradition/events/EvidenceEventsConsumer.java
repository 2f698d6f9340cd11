package org.mlaexchange.extradition.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mlaexchange.contracts.events.EventJson;

/** Feeds {@link KnownEvidenceItems} from the {@code evidence-events} channel (topic {@code mla.evidence.events}, from the earliest offset). */
@ApplicationScoped
public class EvidenceEventsConsumer {

    private final KnownEvidenceItems items;

    public EvidenceEventsConsumer(KnownEvidenceItems items) {
        this.items = items;
    }

    @Incoming("evidence-events")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        items.apply(EventJson.parse(record.value()));
    }
}
