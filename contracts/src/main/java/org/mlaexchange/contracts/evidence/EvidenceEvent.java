package org.mlaexchange.contracts.evidence;

import java.util.UUID;
import org.mlaexchange.contracts.seal.NotPersonal;
import org.mlaexchange.contracts.seal.SealsPersonalData;

/**
 * The published events of the evidence service (topic {@code mla.evidence.events}): those of
 * transfers (key and CloudEvents subject: the transfer id) and those of items (the item id). The
 * CloudEvents type of each is in {@link EvidenceEventTypes}, never derived from class names. Fields are
 * only added, never changed: a breaking change is a new {@code .v2} type.
 *
 * <p>Their personal data (every text but those marked {@link NotPersonal}: an item's description, how, where
 * and by whom it was obtained, its legal basis, protected persons, use limits, notes, reasons, who accessed
 * it) is sealed with the data key of the transfer, for the transfer's events and its items' alike, before
 * the event enters the log ({@link org.mlaexchange.contracts.seal.PersonalData}); digests, sizes, seal
 * numbers, media types, measure ids, enums, dates, flags, ids and State codes stay in clear, so the
 * custody proof, the disclosure rules and the statistics read them without a key.
 */
@SealsPersonalData
public sealed interface EvidenceEvent permits TransferEvent, ItemEvent {

    /** The transfer the event belongs to (for an item event, the item's transfer). */
    UUID transferId();
}
