package org.mlaexchange.extradition.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mlaexchange.platform.projection.Quarantine;

/** Feeds {@link KnownEvidenceItems} from the {@code evidence-events} channel (topic {@code mla.evidence.events}, from the earliest offset). */
@ApplicationScoped
public class EvidenceEventsConsumer {

    private final KnownEvidenceItems items;
    private final Quarantine quarantine;

    public EvidenceEventsConsumer(KnownEvidenceItems items, Quarantine quarantine) {
        this.items = items;
        this.quarantine = quarantine;
    }

    /** A record that is not a valid evidence event, or cannot be applied, is quarantined; the projection goes on. */
    @Incoming("evidence-events")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        quarantine.guard(record, "/mla-exchange/evidence-service", items::apply);
    }
}
