package org.mlaexchange.contracts.evidence;

import java.util.UUID;

/**
 * The published events of the evidence service (topic {@code mla.evidence.events}): those of
 * transfers (key and CloudEvents subject: the transfer id) and those of items (the item id). The
 * CloudEvents type of each is in {@link EvidenceEventTypes}, never derived from class names. Fields are
 * only added, never changed: a breaking change is a new {@code .v2} type.
 */
public sealed interface EvidenceEvent permits TransferEvent, ItemEvent {

    /** The transfer the event belongs to (for an item event, the item's transfer). */
    UUID transferId();
}
