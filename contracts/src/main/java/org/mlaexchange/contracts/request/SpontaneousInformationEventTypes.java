package org.mlaexchange.contracts.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Stable CloudEvents {@code type} names of the spontaneous information events, written by hand (never
 * derived from class names). They share request-service's log and topic with the request events, so a
 * consumer that knows only {@link RequestEventTypes} passes them by.
 */
public final class SpontaneousInformationEventTypes {

    private static final String PREFIX = "org.mlaexchange.request.spontaneous-information.";

    public static final String SENT = PREFIX + "sent.v1";
    public static final String ACKNOWLEDGED = PREFIX + "acknowledged.v1";
    public static final String CONDITIONS_DECLINED = PREFIX + "conditions-declined.v1";
    public static final String CONDITIONS_REVISED = PREFIX + "conditions-revised.v1";
    public static final String RETURNED = PREFIX + "returned.v1";
    public static final String CLOSED = PREFIX + "closed.v1";
    public static final String USE_CONSENT_REQUESTED = PREFIX + "use-consent-requested.v1";
    public static final String USE_CONSENT_DECIDED = PREFIX + "use-consent-decided.v1";
    public static final String DEADLINE_OVERDUE = PREFIX + "deadline-overdue.v1";
    public static final String PERSONAL_DATA_ERASED = PREFIX + "personal-data-erased.v1";

    private static final Map<Class<? extends SpontaneousInformationEvent>, String> TYPE_BY_CLASS = new LinkedHashMap<>();
    private static final Map<String, Class<? extends SpontaneousInformationEvent>> CLASS_BY_TYPE = new LinkedHashMap<>();

    static {
        register(SpontaneousInformationEvent.Sent.class, SENT);
        register(SpontaneousInformationEvent.Acknowledged.class, ACKNOWLEDGED);
        register(SpontaneousInformationEvent.ConditionsDeclined.class, CONDITIONS_DECLINED);
        register(SpontaneousInformationEvent.ConditionsRevised.class, CONDITIONS_REVISED);
        register(SpontaneousInformationEvent.Returned.class, RETURNED);
        register(SpontaneousInformationEvent.Closed.class, CLOSED);
        register(SpontaneousInformationEvent.UseConsentRequested.class, USE_CONSENT_REQUESTED);
        register(SpontaneousInformationEvent.UseConsentDecided.class, USE_CONSENT_DECIDED);
        register(SpontaneousInformationEvent.DeadlineOverdue.class, DEADLINE_OVERDUE);
        register(SpontaneousInformationEvent.PersonalDataErased.class, PERSONAL_DATA_ERASED);
    }

    private SpontaneousInformationEventTypes() {
    }

    private static void register(Class<? extends SpontaneousInformationEvent> eventClass, String type) {
        TYPE_BY_CLASS.put(eventClass, type);
        CLASS_BY_TYPE.put(type, eventClass);
    }

    public static String typeOf(SpontaneousInformationEvent event) {
        return typeOf(event.getClass());
    }

    /** The CloudEvents type of an event class; {@link IllegalArgumentException} if it is not one of these events. */
    public static String typeOf(Class<?> eventClass) {
        String type = TYPE_BY_CLASS.get(eventClass);
        if (type == null) {
            throw new IllegalArgumentException("not a spontaneous information event class: " + eventClass);
        }
        return type;
    }

    /** The event class of a CloudEvents type; {@link IllegalArgumentException} if the type is unknown. */
    public static Class<? extends SpontaneousInformationEvent> classOf(String type) {
        Class<? extends SpontaneousInformationEvent> eventClass = CLASS_BY_TYPE.get(type);
        if (eventClass == null) {
            throw new IllegalArgumentException("unknown spontaneous information event type: " + type);
        }
        return eventClass;
    }

    public static boolean isSpontaneousInformation(String type) {
        return CLASS_BY_TYPE.containsKey(type);
    }

    /** Every type, in the order they were published. */
    public static Set<String> all() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(CLASS_BY_TYPE.keySet()));
    }
}
