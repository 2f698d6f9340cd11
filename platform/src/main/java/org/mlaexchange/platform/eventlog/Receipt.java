package org.mlaexchange.platform.eventlog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mlaexchange.contracts.audit.Checkpoint;

/**
 * What the acting State holds after a change: the event that records it, its place in the chain, and
 * the latest signed checkpoint of the log (null before the first), so the State keeps its own proof of
 * the history up to then and can later ask for the event's inclusion in a newer checkpoint.
 */
@Schema(name = "WriteReceipt") // the receipts of every write answer (api-contract: Changed)
public record Receipt(String eventId, String type, String caseId, long caseseq, long logseq, String hash,
                      Checkpoint checkpoint) {
}
