package org.mlaexchange.evidence.domain;

import static org.mlaexchange.evidence.domain.ItemStatus.CONTENT_STORED;
import static org.mlaexchange.evidence.domain.ItemStatus.DISPATCHED;
import static org.mlaexchange.evidence.domain.ItemStatus.DISPOSED;
import static org.mlaexchange.evidence.domain.ItemStatus.QUARANTINED;
import static org.mlaexchange.evidence.domain.ItemStatus.REGISTERED;
import static org.mlaexchange.evidence.domain.ItemStatus.RETURNED;
import static org.mlaexchange.evidence.domain.ItemStatus.VERIFIED;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The actions on an evidence item, and its whole transition table: who may take each action and from
 * which statuses. Registration depends on the transfer's status, so it is
 * {@link TransferAction#REGISTER_ITEM}. The resulting status is noted on each line; {@link ItemDecider}
 * applies the guards that depend on more than the status (the transfer, the kind, use consents).
 */
public enum ItemAction implements EvidenceAction {

    // action                      path segment                 by               allowed from                          → status after
    STORE_CONTENT(                 "content",                   Party.PROVIDING, REGISTERED),                           // → CONTENT_STORED (transfer OPEN; not for a physical object)
    DISPATCH(                      "dispatch",                  Party.PROVIDING, REGISTERED, CONTENT_STORED),           // → DISPATCHED, through the transfer's dispatch (REGISTERED: physical objects only)
    RECORD_RECEIPT(                "receipt",                   Party.RECEIVING, DISPATCHED),                           // → VERIFIED | QUARANTINED (+ return due; + transfer completed)
    ACCESS(                        "content",                   Party.EITHER,    CONTENT_STORED, DISPATCHED, VERIFIED), // → unchanged; the receiving State once dispatched, under the speciality of evidence
    REQUEST_USE_CONSENT(           "use-consents",              Party.RECEIVING, DISPATCHED, VERIFIED),                 // → unchanged, a consent pending
    DECIDE_USE_CONSENT(            "decision",                  Party.PROVIDING, DISPATCHED, VERIFIED, QUARANTINED,
                                                                                 RETURNED, DISPOSED),                   // → unchanged, the consent decided
    NOTIFY_EXCULPATORY_DISCLOSURE( "exculpatory-disclosures",   Party.RECEIVING, DISPATCHED, VERIFIED),                 // → unchanged
    RECORD_RETURN(                 "return",                    Party.PROVIDING, VERIFIED, QUARANTINED),                // → RETURNED
    DISPOSE(                       "disposal",                  Party.RECEIVING, VERIFIED, QUARANTINED);                // → DISPOSED (not when return is required)

    private final String pathSegment;
    private final Party by;
    private final Set<ItemStatus> allowedFrom;

    ItemAction(String pathSegment, Party by, ItemStatus... allowedFrom) {
        this.pathSegment = pathSegment;
        this.by = by;
        EnumSet<ItemStatus> from = EnumSet.noneOf(ItemStatus.class);
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
    public Set<ItemStatus> allowedFrom() {
        return allowedFrom;
    }
}
