package org.mlaexchange.platform.write;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mlaexchange.platform.eventlog.Receipt;
import org.mlaexchange.platform.http.Versions;

/**
 * The answer to every write in every service: the case as its GET shows it to the caller, its version
 * (also the ETag) and the receipts of the events that recorded the change.
 */
public record Changed<T>(@JsonProperty("case") @Schema(description = "The case after the change, as its GET shows it") T caseView,
                         int version,
                         @Schema(description = "One per event recorded: event id, caseseq, logseq, hash and the newest signed checkpoint")
                         List<Receipt> receipts) {

    /** {@code response} (200, or 201 with its Location) answering a write: the version as ETag, this record as body. */
    public static Response answer(Response.ResponseBuilder response, Object caseView, int version, List<Receipt> receipts) {
        return response.header(HttpHeaders.ETAG, Versions.etag(version)).entity(new Changed<>(caseView, version, receipts)).build();
    }
}
