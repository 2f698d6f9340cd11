package org.mlaexchange.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A sealed domain event as published: CloudEvents 1.0, structured JSON mode, with the MLA Exchange
 * extensions {@code actorstate}, {@code caseseq}, {@code logseq}, {@code prevhash} and {@code hash}.
 * The payload stays JSON here; each service's event type registry turns it into its typed record.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"specversion", "id", "source", "type", "subject", "time", "datacontenttype",
        "actorstate", "caseseq", "logseq", "prevhash", "hash", "data"})
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        String time,
        String datacontenttype,
        String actorstate,
        long caseseq,
        long logseq,
        String prevhash,
        String hash,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    public static final String MEDIA_TYPE = "application/cloudevents+json";

    public CloudEvent withHash(String newHash) {
        return new CloudEvent(specversion, id, source, type, subject, time, datacontenttype, actorstate,
                caseseq, logseq, prevhash, newHash, data);
    }
}
