package org.mlaexchange.evidence.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The actions on a transfer, and its whole transition table: who may take each action and from which
 * statuses. The resulting status is noted on each line; {@link TransferDecider} (and, for items,
 * {@link ItemDecider}) applies the guards that depend on more than the status.
 */
public enum TransferAction implements EvidenceAction {

    // action        path segment   by               allowed from                 → status after
    OPEN(            "transfers",   Party.PROVIDING),                              // → OPEN (creates the transfer: request in execution, or open for supporting material)
    REGISTER_ITEM(   "items",       Party.PROVIDING, TransferStatus.OPEN),         // → OPEN; the new item starts its own stream
    DISPATCH(        "dispatch",    Party.PROVIDING, TransferStatus.OPEN),         // → DISPATCHED, sealed; every item with it, each with its content unless physical
    CANCEL(          "cancel",      Party.PROVIDING, TransferStatus.OPEN),         // → CANCELLED
    ERASE_PERSONAL_DATA("erase-personal-data", Party.PROVIDING,
                     TransferStatus.COMPLETED, TransferStatus.CANCELLED),          // → unchanged, once; every item's custody ended; the data key is destroyed, the items' content deleted
    COMPLETE(        "receipt",     Party.SYSTEM,    TransferStatus.DISPATCHED);   // → COMPLETED, emitted with the receipt that covers the last item

    private final String pathSegment;
    private final Party by;
    private final Set<TransferStatus> allowedFrom;

    TransferAction(String pathSegment, Party by, TransferStatus... allowedFrom) {
        this.pathSegment = pathSegment;
        this.by = by;
        EnumSet<TransferStatus> from = EnumSet.noneOf(TransferStatus.class);
        Collections.addAll(from, allowedFrom);
        this.allowedFrom = Collections.unmodifiableSet(from);
    }

    @Override
    public String pathSegment() {
        return pathSegment;
    }

    @Override
    public Party by() {
        return by;
    }

    @Override
    public Set<TransferStatus> allowedFrom() {
        return allowedFrom;
    }
}
