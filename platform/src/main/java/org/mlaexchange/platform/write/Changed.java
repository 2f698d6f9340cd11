package org.mlaexchange.platform.write;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mlaexchange.platform.eventlog.Receipt;

/**
 * The answer to every write in every service: the case as its GET shows it to the caller, its version
 * (also the ETag) and the receipts of the events that recorded the change.
 */
public record Changed<T>(@JsonProperty("case") @Schema(description = "The case after the change, as its GET shows it") T caseView,
                         int version,
                         @Schema(description = "One per event recorded: event id, caseseq, logseq, hash and the newest signed checkpoint")
                         List<Receipt> receipts) {
}
