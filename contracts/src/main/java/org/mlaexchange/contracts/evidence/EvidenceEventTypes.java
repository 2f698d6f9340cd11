package org.mlaexchange.contracts.evidence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Stable CloudEvents {@code type} names of the evidence events. They are written here by hand, never
 * derived from class names, so renaming a class cannot break the replay of published history.
 */
public final class EvidenceEventTypes {

    private static final String TRANSFER = "org.mlaexchange.evidence.transfer.";
    private static final String ITEM = "org.mlaexchange.evidence.item.";

    public static final String TRANSFER_OPENED = TRANSFER + "opened.v1";
    public static final String TRANSFER_DISPATCHED = TRANSFER + "dispatched.v1";
    public static final String TRANSFER_COMPLETED = TRANSFER + "completed.v1";
    public static final String TRANSFER_CANCELLED = TRANSFER + "cancelled.v1";
    public static final String TRANSFER_PERSONAL_DATA_ERASED = TRANSFER + "personal-data-erased.v1";

    public static final String ITEM_REGISTERED = ITEM + "registered.v1";
    public static final String ITEM_CONTENT_STORED = ITEM + "content-stored.v1";
    public static final String ITEM_DISPATCHED = ITEM + "dispatched.v1";
    public static final String ITEM_RECEIPT_RECORDED = ITEM + "receipt-recorded.v1";
    public static final String ITEM_VERIFIED = ITEM + "verified.v1";
    public static final String ITEM_DISCREPANCY_FOUND = ITEM + "discrepancy-found.v1";
    public static final String ITEM_ACCESSED = ITEM + "accessed.v1";
    public static final String ITEM_USE_CONSENT_REQUESTED = ITEM + "use-consent-requested.v1";
    public static final String ITEM_USE_CONSENT_DECIDED = ITEM + "use-consent-decided.v1";
    public static final String ITEM_EXCULPATORY_DISCLOSURE_NOTIFIED = ITEM + "exculpatory-disclosure-notified.v1";
    public static final String ITEM_RETURN_DUE = ITEM + "return-due.v1";
    public static final String ITEM_RETURNED = ITEM + "returned.v1";
    public static final String ITEM_DISPOSED = ITEM + "disposed.v1";

    private static final Map<Class<? extends EvidenceEvent>, String> TYPE_BY_CLASS = new LinkedHashMap<>();
    private static final Map<String, Class<? extends EvidenceEvent>> CLASS_BY_TYPE = new LinkedHashMap<>();

    static {
        register(TransferEvent.Opened.class, TRANSFER_OPENED);
        register(TransferEvent.Dispatched.class, TRANSFER_DISPATCHED);
        register(TransferEvent.Completed.class, TRANSFER_COMPLETED);
        register(TransferEvent.Cancelled.class, TRANSFER_CANCELLED);
        register(TransferEvent.PersonalDataErased.class, TRANSFER_PERSONAL_DATA_ERASED);

        register(ItemEvent.Registered.class, ITEM_REGISTERED);
        register(ItemEvent.ContentStored.class, ITEM_CONTENT_STORED);
        register(ItemEvent.Dispatched.class, ITEM_DISPATCHED);
        register(ItemEvent.ReceiptRecorded.class, ITEM_RECEIPT_RECORDED);
        register(ItemEvent.Verified.class, ITEM_VERIFIED);
        register(ItemEvent.DiscrepancyFound.class, ITEM_DISCREPANCY_FOUND);
        register(ItemEvent.Accessed.class, ITEM_ACCESSED);
        register(ItemEvent.UseConsentRequested.class, ITEM_USE_CONSENT_REQUESTED);
        register(ItemEvent.UseConsentDecided.class, ITEM_USE_CONSENT_DECIDED);
        register(ItemEvent.ExculpatoryDisclosureNotified.class, ITEM_EXCULPATORY_DISCLOSURE_NOTIFIED);
        register(ItemEvent.ReturnDue.class, ITEM_RETURN_DUE);
        register(ItemEvent.Returned.class, ITEM_RETURNED);
        register(ItemEvent.Disposed.class, ITEM_DISPOSED);
    }

    private EvidenceEventTypes() {
    }

    private static void register(Class<? extends EvidenceEvent> eventClass, String type) {
        TYPE_BY_CLASS.put(eventClass, type);
        CLASS_BY_TYPE.put(type, eventClass);
    }

    /** The CloudEvents type of an event. */
    public static String typeOf(EvidenceEvent event) {
        return typeOf(event.getClass());
    }

    /** The CloudEvents type of an event class; {@link IllegalArgumentException} if it is not an evidence event. */
    public static String typeOf(Class<?> eventClass) {
        String type = TYPE_BY_CLASS.get(eventClass);
        if (type == null) {
            throw new IllegalArgumentException("not an evidence event class: " + eventClass);
        }
        return type;
    }

    /** The event class of a CloudEvents type; {@link IllegalArgumentException} if the type is unknown. */
    public static Class<? extends EvidenceEvent> classOf(String type) {
        Class<? extends EvidenceEvent> eventClass = CLASS_BY_TYPE.get(type);
        if (eventClass == null) {
            throw new IllegalArgumentException("unknown evidence event type: " + type);
        }
        return eventClass;
    }

    /** Every evidence event type: those of transfers, then those of items, each in lifecycle order. */
    public static Set<String> all() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(CLASS_BY_TYPE.keySet()));
    }
}
